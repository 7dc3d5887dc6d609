import { read } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { archiveIdentifier, archiveMetadataCsv } from '../../src/publish/archive-metadata';
import { decideLanguage } from '../../src/locale';
import { languageName, marcLanguage } from '../../src/publish/language';
import { licenceUrl } from '../../src/publish/licence';
import { sampleBook } from '../helpers/sample-book';
import { corpusFile } from '../helpers/tools';

/** A minimal RFC 4180 parser, enough to read back what we write. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

test('BCP 47 tags map to the MARC codes IA uses', () => {
  expect(marcLanguage(decideLanguage({ language: 'en' }))).toBe('eng');
  expect(marcLanguage(decideLanguage({ language: 'en-GB' }))).toBe('eng');
  expect(marcLanguage(decideLanguage({ language: 'de-AT' }))).toBe('ger');
  expect(marcLanguage(decideLanguage({ language: 'fr' }))).toBe('fre');
  expect(marcLanguage(decideLanguage({ language: 'zh-Hant-TW' }))).toBe('chi');
  expect(marcLanguage(decideLanguage({ language: 'fil' }))).toBe('fil');
  expect(marcLanguage(decideLanguage({ language: 'xx' }))).toBeUndefined();
  expect(languageName(decideLanguage({ language: 'pt-BR' }))).toBe('Portuguese');
  expect(languageName(decideLanguage({ language: 'en-GB' }))).toBe('English');
});

test.each([
  ['CC BY-NC-SA 4.0', 'https://creativecommons.org/licenses/by-nc-sa/4.0/'],
  ['Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
  ['Licensed under Creative Commons Attribution 3.0', 'https://creativecommons.org/licenses/by/3.0/'],
  ['CC BY', 'https://creativecommons.org/licenses/by/4.0/'],
  ['See http://creativecommons.org/licenses/by-sa/2.5', 'https://creativecommons.org/licenses/by-sa/2.5/'],
  ['CC0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
  ['Public Domain Mark 1.0', 'https://creativecommons.org/publicdomain/mark/1.0/'],
  ['All rights reserved', undefined],
  ['CC BY-ND-SA', undefined],
  [undefined, undefined],
])('licence of %s', (rights, url) => {
  expect(licenceUrl(rights)).toBe(url);
});

test('the spreadsheet for ia upload: identifier and file, then the metadata, then one row per further file', () => {
  const book = sampleBook();
  book.meta.rights = 'CC BY-NC 4.0';
  book.meta.summary = 'Two friends, "one" lantern,\na long night.';
  const csv = archiveMetadataCsv(book, { files: ['the-lantern-the-loft.epub', 'the-lantern-the-loft.pdf'], date: new Date('2030-01-01T00:00:00Z') });
  expect(csv.endsWith('\r\n')).toBe(true);
  const [header, first, second, ...rest] = parseCsv(csv);
  expect(rest).toEqual([]);
  const row = Object.fromEntries(header.map((name, i) => [name, first[i]]));
  expect(row).toEqual({
    identifier: 'the-lantern-the-loft-ada-quill',
    file: 'the-lantern-the-loft.epub',
    mediatype: 'texts',
    collection: 'opensource',
    title: 'The Lantern & the Loft: A Story in Two Chapters',
    'creator[0]': 'Ada Quill',
    'creator[1]': 'B. Marsh',
    date: '2024-03-01',
    language: 'eng',
    'subject[0]': 'Original Work',
    'subject[1]': 'friendship',
    'subject[2]': 'winter',
    'subject[3]': 'Mara',
    'subject[4]': 'Tobiah',
    description: 'Two friends, "one" lantern,\na long night.',
    rights: 'CC BY-NC 4.0',
    licenseurl: 'https://creativecommons.org/licenses/by-nc/4.0/',
  });
  expect(second).toEqual(['', 'the-lantern-the-loft.pdf', ...header.slice(2).map(() => '')]);
});

test('the identifier: the book\'s own when IA accepts it, else title and author', () => {
  const book = sampleBook();
  book.meta.identifier = 'urn:uuid:1234';
  expect(archiveIdentifier(book)).toBe('the-lantern-the-loft-ada-quill');
  book.meta.identifier = 'lantern-loft-2024';
  expect(archiveIdentifier(book)).toBe('lantern-loft-2024');
});

test('the sample manuscript and the seed', () => {
  const report = new CollectingReporter();
  const sample = parseCsv(archiveMetadataCsv(read('manuscript', { report }), { files: ['a.epub'], date: new Date('2000-01-01T00:00:00Z') }));
  const row = Object.fromEntries(sample[0].map((name, i) => [name, sample[1][i]]));
  expect(row).toMatchObject({ identifier: 'the-keeper-of-small-lights-wren-halloway', title: 'The Keeper of Small Lights', creator: 'Wren Halloway', date: '2000-01-01', language: 'eng' });
  expect(row.description).toMatch(/^The lamp at Gull Point/);
  expect(row.licenseurl).toBeUndefined();
  const seed = parseCsv(archiveMetadataCsv(read(corpusFile('seed/000_27920b3cbfe5b9b8.txt'), { report }), { files: ['s.txt'], date: new Date('2000-01-01T00:00:00Z') }));
  expect(seed[0]).not.toContain('creator');
  expect(seed[1][seed[0].indexOf('identifier')]).toBe('a-moment-of-friendship');
});
