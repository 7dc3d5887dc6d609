/** The archive-kit formats through the command: html (AO3 fragments) and txt (clean plain text). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quire, REPO } from '../helpers/cli';
import { tempDir } from '../helpers/tools';

test('--format html,txt writes the AO3 HTML and the plain text of the sample book', () => {
  const out = tempDir();
  const run = quire(['build', path.join(REPO, 'manuscript'), '--out', out, '--format', 'html,txt']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [html, txt] = run.stdout.trim().split('\n');
  expect(path.basename(html)).toBe('the-keeper-of-small-lights.ao3.html');
  expect(path.basename(txt)).toBe('the-keeper-of-small-lights.txt');
  expect(fs.readFileSync(html, 'utf8')).toContain('<p>Ottilie Marsh noticed the dark');
  const text = fs.readFileSync(txt, 'utf8');
  expect(text).toMatch(/^Title: The Keeper of Small Lights$/m);
  expect(text).toMatch(/^Chapter 2: The Keeper$/m);
});

test('an unknown rating is kept as written, with a positioned warning', () => {
  const dir = tempDir();
  const file = path.join(dir, 'story.txt');
  fs.writeFileSync(file, 'Title: Rated Oddly\nRated: PG-13\n\nChapter 1\n\nText.\n');
  const run = quire(['build', file, '--out', dir, '--format', 'txt']);
  expect(run.status).toBe(0);
  expect(run.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:1: warning: .*PG-13`, 'm'));
});
