import { decodeText } from '../../src/read/decode';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { QuireError } from '../../src/diagnostics/types';

function error(fn: () => unknown): QuireError {
  try {
    fn();
  } catch (e) {
    if (e instanceof QuireError) return e;
    throw e;
  }
  throw new Error('expected a QuireError');
}

describe('decodeText', () => {
  test('strips a UTF-8 byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFTitle: A', 'utf8'), 'a.txt', new CollectingReporter())).toBe('Title: A');
  });

  test('names the line and column of the first invalid UTF-8 byte', () => {
    const bytes = Buffer.concat([Buffer.from('Title: A\nCaf\u00e9 ok, then '), Buffer.from([0xe9]), Buffer.from(' bad\n')]);
    const e = error(() => decodeText(bytes, 'story.txt', new CollectingReporter()));
    expect(e.diagnostic.rule).toBe('encoding-invalid');
    expect(e.diagnostic.message).toContain('0xe9');
    expect(e.diagnostic.position).toMatchObject({ file: 'story.txt', start: { line: 2, column: 15 } });
  });

  test('refuses truncated multi-byte sequences and overlong encodings', () => {
    expect(error(() => decodeText(Buffer.from([0x61, 0xe2, 0x82]), 'a.txt', new CollectingReporter())).diagnostic.rule).toBe('encoding-invalid');
    expect(error(() => decodeText(Buffer.from([0xc0, 0xaf]), 'a.txt', new CollectingReporter())).diagnostic.rule).toBe('encoding-invalid');
  });

  test('refuses binary files and UTF-16', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(0)]);
    expect(error(() => decodeText(png, 'x.txt', new CollectingReporter())).diagnostic.rule).toBe('input-not-text');
    expect(error(() => decodeText(Buffer.from('\uFEFFhi', 'utf16le'), 'x.txt', new CollectingReporter())).diagnostic.rule).toBe('input-not-text');
  });

  test('removes control characters with a positioned warning each', () => {
    const report = new CollectingReporter();
    const text = decodeText(Buffer.from('one\u0000two\nthree\u0007\r\nfour\t'), 'c.txt', report);
    expect(text).toBe('onetwo\nthree\r\nfour\t');
    expect(report.messages.map((m) => [m.rule, m.position?.start.line, m.position?.start.column])).toEqual([
      ['control-character', 1, 4],
      ['control-character', 2, 6],
    ]);
  });
});
