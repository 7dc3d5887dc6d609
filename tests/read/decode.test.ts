import * as fs from 'node:fs';
import * as path from 'node:path';
import { read, render } from '../../src/build';
import { decodeText, encodingName } from '../../src/read/decode';
import { readInput } from '../../src/read';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';
import { epubcheckMany, tempDir } from '../helpers/tools';

function error(fn: () => unknown): QuireError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QuireError) return e;
    throw e;
  }
  throw new Error('expected a QuireError');
}

/** Bytes from pieces: strings as ASCII, numbers as single bytes. */
function bytes(...pieces: (string | number)[]): Buffer {
  return Buffer.concat(pieces.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p, 'latin1'))));
}

/** Each diagnostic as [rule, line, column]. */
const placed = (report: CollectingReporter) => report.messages.map((m) => [m.rule, m.position?.start.line, m.position?.start.column]);

/** A story as Windows-1252 bytes: curly quotes 0x93/0x94, an en dash 0x96, an em dash 0x97, é as 0xE9, CRLF line ends. */
const CP1252_STORY = bytes('Title: Caf', 0xe9, ' Nights\r\nAuthor: Ren', 0xe9, 'e\r\n\r\nChapter 1\r\n\r\n', 0x93, 'Wait,', 0x94, ' she said ', 0x96, ' then ', 0x97, 'nothing.\r\n');
const STORY_TEXT = '\u201cWait,\u201d she said \u2013 then \u2014nothing.';

/** The same story as UTF-16 with a byte-order mark, little- or big-endian. */
function utf16(order: 'le' | 'be'): Buffer {
  const text = 'Title: Caf\u00e9 Nights\r\nAuthor: Ren\u00e9e\r\n\r\nChapter 1\r\n\r\n' + STORY_TEXT + '\r\n';
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
}

describe('decodeText', () => {
  test('strips a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFTitle: A', 'utf8'), 'a.txt', new CollectingReporter())).toBe('Title: A');
  });

  test('reads bytes that are not UTF-8 as Windows-1252, with one warning at the first of them', () => {
    const report = new CollectingReporter();
    const text = decodeText(CP1252_STORY, 'story.txt', report);
    expect(text).toBe(`Title: Caf\u00e9 Nights\r\nAuthor: Ren\u00e9e\r\n\r\nChapter 1\r\n\r\n${STORY_TEXT}\r\n`);
    expect(placed(report)).toEqual([['encoding-guessed', 1, 11]]);
    expect(report.messages[0]).toMatchObject({ severity: 'warning', message: 'not UTF-8; read as Windows-1252 (first byte 0xe9)' });
    expect(report.messages[0].hint).toMatch(/--encoding/);
  });

  test('counts the warning\'s line as the readers do (LF, CRLF and a lone CR each end a line)', () => {
    const report = new CollectingReporter();
    decodeText(bytes('one\rtwo\r\nthree\nfour ', 0x96, '\n'), 's.txt', report);
    expect(placed(report)).toEqual([['encoding-guessed', 4, 6]]);
  });

  test('a file mixing UTF-8 and Windows-1252 keeps both right, and says so', () => {
    const report = new CollectingReporter();
    const text = decodeText(Buffer.concat([Buffer.from('Caf\u00e9 ', 'utf8'), bytes(0x96, ' done')]), 'm.txt', report);
    expect(text).toBe('Caf\u00e9 \u2013 done');
    expect(placed(report)).toEqual([['encoding-guessed', 1, 6]]);
    expect(report.messages[0].message).toBe('not UTF-8 throughout; bytes that are not UTF-8 read as Windows-1252 (first byte 0x96)');
  });

  test('truncated sequences and overlong encodings are not UTF-8 either', () => {
    expect(decodeText(Buffer.from([0x61, 0xe2, 0x82]), 'a.txt', new CollectingReporter())).toBe('a\u00e2\u201a');
    expect(decodeText(Buffer.from([0xc0, 0xaf]), 'a.txt', new CollectingReporter())).toBe('\u00c0\u00af');
  });

  test('--encoding windows-1252 reads the same text without a warning', () => {
    const report = new CollectingReporter();
    expect(decodeText(CP1252_STORY, 'story.txt', report, { encoding: 'windows-1252' })).toContain(STORY_TEXT);
    expect(decodeText(CP1252_STORY, 'story.txt', report, { encoding: 'latin1' })).toContain(STORY_TEXT);
    expect(report.messages).toEqual([]);
  });

  test('--encoding utf-8 refuses bytes that are not UTF-8, at the first of them', () => {
    const input = Buffer.concat([Buffer.from('Title: A\nCaf\u00e9 ok, then '), Buffer.from([0xe9]), Buffer.from(' bad\n')]);
    const e = error(() => decodeText(input, 'story.txt', new CollectingReporter(), { encoding: 'utf-8' }));
    expect(e.diagnostic).toMatchObject({ rule: 'encoding-invalid', message: 'invalid UTF-8 byte 0xe9' });
    expect(e.diagnostic.position).toMatchObject({ file: 'story.txt', start: { line: 2, column: 15 } });
    expect(error(() => decodeText(Buffer.from([0x61, 0xe2, 0x82]), 'a.txt', new CollectingReporter(), { encoding: 'utf8' })).diagnostic.rule).toBe('encoding-invalid');
  });

  test('bytes that are not valid in another encoding asked for: error where the text breaks', () => {
    const e = error(() => decodeText(bytes('ok\nab', 0x82, '\n'), 'j.txt', new CollectingReporter(), { encoding: 'shift_jis' }));
    expect(e.diagnostic).toMatchObject({ rule: 'encoding-invalid', message: 'the file is not valid SHIFT_JIS' });
    expect(e.diagnostic.position?.start).toEqual({ line: 2, column: 3 });
  });

  test('an encoding TextDecoder does not know is an error', () => {
    expect(error(() => decodeText(Buffer.from('x'), 'a.txt', new CollectingReporter(), { encoding: 'klingon-8' })).diagnostic.rule).toBe('encoding-unknown');
    expect(encodingName('klingon-8')).toBeUndefined();
    expect(encodingName('Latin1')).toBe('windows-1252');
    expect(encodingName(' UTF-16 ')).toBe('utf-16le');
  });

  test('UTF-16 with a byte-order mark, little- and big-endian, is read without a word', () => {
    for (const order of ['le', 'be'] as const) {
      const report = new CollectingReporter();
      const text = decodeText(utf16(order), 'u.txt', report);
      expect(text.startsWith('Title: Caf\u00e9 Nights\r\n')).toBe(true);
      expect(text).toContain(STORY_TEXT);
      expect(report.messages).toEqual([]);
    }
    expect(decodeText(Buffer.from('hi', 'utf16le'), 'u.txt', new CollectingReporter(), { encoding: 'utf-16le' })).toBe('hi');
  });

  test('refuses binary files, and UTF-16 without a byte-order mark with a hint on --encoding', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    expect(error(() => decodeText(png, 'x.txt', new CollectingReporter())).diagnostic.rule).toBe('input-not-text');
    const bare = error(() => decodeText(Buffer.from('Title: A\n\nSome text here.\n', 'utf16le'), 'x.txt', new CollectingReporter()));
    expect(bare.diagnostic).toMatchObject({ rule: 'input-not-text', message: 'file looks like UTF-16 text without a byte-order mark' });
    expect(bare.diagnostic.hint).toMatch(/--encoding utf-16le/);
  });

  test('removes C0 control characters with a positioned warning each', () => {
    const report = new CollectingReporter();
    const text = decodeText(Buffer.from('one\u0000two\nthree\u0007\r\nfour\t'), 'c.txt', report);
    expect(text).toBe('onetwo\nthree\r\nfour\t');
    expect(placed(report)).toEqual([
      ['control-character', 1, 4],
      ['control-character', 2, 6],
    ]);
  });

  test('a C1 control character in UTF-8 text is an error at its line and column', () => {
    // "â€™" saved as UTF-8 once too often: U+0080 and U+0099 where a right quote was meant.
    const input = Buffer.from('Title: T\n\nIt\u00e2\u0080\u0099s late.\n', 'utf8');
    const e = error(() => decodeText(input, 'story.txt', new CollectingReporter()));
    expect(e.diagnostic).toMatchObject({ rule: 'encoding-control', severity: 'error', message: 'control character U+0080 in text read as UTF-8: the file is probably in another encoding' });
    expect(e.diagnostic.position).toMatchObject({ file: 'story.txt', start: { line: 3, column: 4 } });
    expect(e.diagnostic.hint).toMatch(/converted to UTF-8 from the wrong encoding.*--encoding/);
  });

  test('a Windows-1252 file with byte 0x81 (no character there) is an error, not mojibake', () => {
    const report = new CollectingReporter();
    const e = error(() => decodeText(bytes('Title: T\r\n\r\nA ', 0x93, 'quote', 0x94, ' and ', 0x81, '.\r\n'), 'story.txt', report));
    expect(e.diagnostic).toMatchObject({ rule: 'encoding-control', message: 'control character U+0081 in text read as Windows-1252: the file is probably in another encoding' });
    expect(e.diagnostic.position?.start).toEqual({ line: 3, column: 15 });
    expect(e.diagnostic.hint).toMatch(/no character in Windows-1252.*--encoding/);
    expect(error(() => decodeText(bytes('x ', 0x81), 's.txt', new CollectingReporter(), { encoding: 'windows-1252' })).diagnostic.rule).toBe('encoding-control');
  });
});

describe('encodings through readInput and into an EPUB', () => {
  const dir = tempDir('quire-encodings-');
  const files = {
    cp1252: CP1252_STORY,
    utf16le: utf16('le'),
    utf16be: utf16('be'),
  };
  const epubs: string[] = [];

  test.each(Object.keys(files))('%s: the right text, metadata included, and an EPUB', async (name) => {
    const file = path.join(dir, name, 'story.txt');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, files[name as keyof typeof files]);
    const report = new CollectingReporter();
    const book = readInput(file, report);
    expect(book.meta.title).toBe('Caf\u00e9 Nights');
    expect(book.meta.authors.map((a) => a.name)).toEqual(['Ren\u00e9e']);
    expect(JSON.stringify(book.body)).toContain(JSON.stringify(STORY_TEXT).slice(1, -1));
    expect(report.messages.filter((m) => m.severity !== 'info').map((m) => m.rule)).toEqual(name === 'cp1252' ? ['encoding-guessed'] : []);
    const [artifact] = await render(read(file), { input: file, formats: ['epub'] });
    const epub = path.join(dir, `${name}.epub`);
    fs.writeFileSync(epub, artifact.data);
    epubs.push(epub);
  });

  test('read() takes the encoding, and a folder\'s book.yaml may give it', () => {
    const file = path.join(dir, 'given.txt');
    fs.writeFileSync(file, CP1252_STORY);
    const report = new CollectingReporter();
    expect(read(file, { report, encoding: 'windows-1252' }).meta.title).toBe('Caf\u00e9 Nights');
    expect(report.messages.filter((m) => m.rule === 'encoding-guessed')).toEqual([]);

    const folder = path.join(dir, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'book.yaml'), bytes('title: Caf', 0xe9, ' Nights\nquire:\n  encoding: windows-1252\n'));
    fs.writeFileSync(path.join(folder, '01.txt'), bytes('Chapter 1\r\n\r\n', 0x93, 'Wait,', 0x94, ' she said ', 0x96, ' then ', 0x97, 'nothing.\r\n'));
    const quiet = new CollectingReporter();
    const book = read(folder, { report: quiet });
    expect(book.meta.title).toBe('Caf\u00e9 Nights');
    expect(JSON.stringify(book.body)).toContain(JSON.stringify(STORY_TEXT).slice(1, -1));
    expect(quiet.messages.filter((m) => m.rule === 'encoding-guessed')).toEqual([]);
  });

  afterAll(() => {
    expect(epubs).toHaveLength(3);
    const results = epubcheckMany(epubs);
    for (const [file, result] of results) expect({ file, messages: result.messages }).toEqual({ file, messages: [] });
  });
});
