import { read } from '../../src/build';
import { CollectingReporter } from '../../src/diagnostics/reporter';
import { ao3Warnings, ffnGenres } from '../../src/publish/archive-tags';
import { uploadSheet, workStatus } from '../../src/publish/upload-sheet';
import { sampleBook } from '../helpers/sample-book';
import { corpusFile } from '../helpers/tools';

/** The value of a `- **Field:** value` line in one site's section. */
function field(sheet: string, site: 'AO3' | 'FanFiction.net', name: string): string {
  const start = sheet.indexOf(`## ${site}`);
  const end = sheet.indexOf('\n## ', start + 1);
  const section = sheet.slice(start, end < 0 ? undefined : end);
  const m = new RegExp(`^- \\*\\*${name.replace(/[()]/g, '\\$&')}(?::\\*\\*|\\*\\* \\()(.*)$`, 'm').exec(section);
  if (!m) throw new Error(`no ${name} in the ${site} section`);
  return m[1].trim();
}

test('AO3 archive warnings from what the manuscript says', () => {
  expect(ao3Warnings(['Major Character Death', 'graphic violence', 'self-harm'])).toEqual({ archive: ['Graphic Depictions Of Violence', 'Major Character Death'], other: ['self-harm'] });
  expect(ao3Warnings(['None']).archive).toEqual(['No Archive Warnings Apply']);
  expect(ao3Warnings(['Creator chose not to use archive warnings']).archive).toEqual(['Creator Chose Not To Use Archive Warnings']);
  expect(ao3Warnings(['non-con', 'Underage']).archive).toEqual(['Rape/Non-Con', 'Underage']);
  expect(ao3Warnings(['underage drinking']).archive).toEqual([]);
});

test('FFN genres: at most two from its list', () => {
  expect(ffnGenres(['Friendship', 'Hurt/Comfort'])).toEqual({ genres: ['Friendship', 'Hurt/Comfort'], other: [] });
  expect(ffnGenres(['humour', 'Science Fiction', 'Romance', 'Slice of Life'])).toEqual({ genres: ['Humor', 'Sci-Fi'], other: ['Romance', 'Slice of Life'] });
});

test('status', () => {
  expect(workStatus('Complete')).toBe('complete');
  expect(workStatus('In-Progress')).toBe('in-progress');
  expect(workStatus('WIP')).toBe('in-progress');
  expect(workStatus(undefined)).toBeUndefined();
});

test('the sample manuscript gives a correct sheet', () => {
  const book = read('manuscript', { report: new CollectingReporter() });
  const sheet = uploadSheet(book);
  expect(sheet.startsWith('# Upload sheet: The Keeper of Small Lights\n')).toBe(true);
  expect(field(sheet, 'AO3', 'Rating')).toBe('General Audiences');
  expect(field(sheet, 'FanFiction.net', 'Rating')).toBe('K+');
  expect(field(sheet, 'AO3', 'Fandoms')).toBe('Original Work');
  expect(field(sheet, 'AO3', 'Characters')).toBe('Ottilie Marsh, Jonah Pell');
  expect(field(sheet, 'AO3', 'Additional Tags')).toBe('Friendship, Hurt/Comfort');
  expect(field(sheet, 'AO3', 'Archive Warnings')).toMatch(/^Creator Chose Not To Use Archive Warnings _\(/);
  expect(field(sheet, 'AO3', 'Chapters')).toMatch(/^2\/2 _\(the manuscript gives no status/);
  expect(field(sheet, 'AO3', 'Words')).toMatch(/^771 /);
  expect(field(sheet, 'AO3', 'Language')).toBe('English');
  expect(field(sheet, 'FanFiction.net', 'Genres')).toBe('Friendship, Hurt/Comfort');
  expect(field(sheet, 'FanFiction.net', 'Status')).toBe('Complete');
  expect(field(sheet, 'FanFiction.net', 'Chapters')).toBe('2');
  const summary = book.meta.summary!;
  expect(field(sheet, 'AO3', 'Summary')).toBe(`${[...summary].length}/1250 characters):`);
  expect(sheet).toContain(`> ${summary}\n`);
  expect(sheet).toContain('| 1 | The Dark Window | beginning |');
  expect(sheet).toContain('| 2 | The Keeper | end |');
});

test('the seed: rating K is K on FFN and General Audiences on AO3; one chapter; its word count', () => {
  const book = read(corpusFile('seed/000_27920b3cbfe5b9b8.txt'), { report: new CollectingReporter() });
  const sheet = uploadSheet(book);
  expect(field(sheet, 'FanFiction.net', 'Rating')).toBe('K');
  expect(field(sheet, 'AO3', 'Rating')).toBe('General Audiences');
  expect(field(sheet, 'AO3', 'Chapters')).toMatch(/^1\/1 /);
  expect(field(sheet, 'AO3', 'Words')).toMatch(new RegExp(`^${book.stats!.words.toLocaleString('en-US')} `));
  expect(field(sheet, 'AO3', 'Fandoms')).toMatch(/^— _\(AO3 requires at least one fandom\)_$/);
  expect(sheet).toContain('> When Lex has a fight with his father');
});

test('limits, caveats and escaping', () => {
  const book = sampleBook();
  book.meta.rating = 'Explicit';
  book.meta.status = 'WIP';
  book.meta.summary = 'x'.repeat(400);
  book.meta.title = 'Stars *and* [Garters] | 2';
  book.meta.warnings = ['Major Character Death'];
  const sheet = uploadSheet(book);
  expect(field(sheet, 'AO3', 'Rating')).toBe('Explicit');
  expect(field(sheet, 'FanFiction.net', 'Rating')).toMatch(/^M _\(FanFiction\.net forbids explicit content/);
  expect(field(sheet, 'FanFiction.net', 'Summary')).toBe('400/384 characters): **16 over FanFiction.net\'s limit of 384: shorten it.**');
  expect(field(sheet, 'AO3', 'Summary')).toBe('400/1250 characters):');
  expect(field(sheet, 'AO3', 'Chapters')).toBe('2/?');
  expect(field(sheet, 'FanFiction.net', 'Status')).toBe('In-Progress');
  expect(field(sheet, 'AO3', 'Archive Warnings')).toBe('Major Character Death');
  expect(field(sheet, 'AO3', 'Work Title')).toBe('Stars \\*and\\* \\[Garters\\] \\| 2');
  book.meta.rating = 'PG-13';
  expect(field(uploadSheet(book), 'AO3', 'Rating')).toBe('PG-13 _(not a rating AO3 knows: choose one)_');
});
