/**
 * An archive's worth of works for the batch and queue tests: one-shots made from the seed story and multi-chapter
 * works cut from the fan-fiction-style corpus novels (the header and the first chapters), each with a title of its
 * own, in files and in book folders; and broken works that must fail with positioned errors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusFile } from './tools';

const NOVELS = ['fanfic-style/persuasion.txt', 'fanfic-style/northanger-abbey.txt', 'fanfic-style/moby-dick.txt'];

/** The header and the first `chapters` chapters of a fan-fiction-style novel. */
function firstChapters(text: string, chapters: number): string {
  const starts = [...text.matchAll(/^Chapter \d+\s*$/gm)].map((m) => m.index!);
  return starts.length > chapters ? text.slice(0, starts[chapters]) : text;
}

export interface GeneratedWorks {
  /** Every good work's path (a file, or a folder for a book folder). */
  good: string[];
  /** Works that must fail: their paths and the line:col their first error points at. */
  broken: { work: string; at: string }[];
}

/** Writes `count` good works (and, with `broken`, two broken ones) into `dir`. */
export function generateWorks(dir: string, count: number, options: { broken?: boolean } = {}): GeneratedWorks {
  fs.mkdirSync(dir, { recursive: true });
  const seed = fs.readFileSync(corpusFile('seed/000_27920b3cbfe5b9b8.txt'), 'utf8');
  const novels = NOVELS.map((rel) => fs.readFileSync(corpusFile(rel), 'utf8'));
  const good: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = String(i).padStart(4, '0');
    if (i % 10 === 0) {
      // A book folder: book.yaml and two chapters in Markdown.
      const folder = path.join(dir, `book-${id}`);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(path.join(folder, 'book.yaml'), `title: Letters from the Lighthouse ${i}\nauthor: Keeper ${i}\nlanguage: en\n`);
      fs.writeFileSync(path.join(folder, '01-arrival.md'), `# Arrival\n\nThe ferry left her on the quay at dusk, the ${i}th crossing of the year.\n`);
      fs.writeFileSync(path.join(folder, '02-winter.md'), `# Winter\n\nThe lamp turned all night; she wrote letter number ${i} by its light.\n`);
      good.push(folder);
    } else if (i % 7 === 0) {
      // A multi-chapter work: a corpus novel's header and its first chapters.
      const novel = novels[i % novels.length];
      const text = firstChapters(novel, 2 + (i % 3)).replace(/^Title: (.*)$/m, (_, title: string) => `Title: ${title}, Retold ${i}`);
      const file = path.join(dir, `novel-${id}.txt`);
      fs.writeFileSync(file, text);
      good.push(file);
    } else {
      // A one-shot: the seed with its own title and a changed sentence.
      const text = seed
        .replace(/^Title: .*$/m, `Title: A Moment of Friendship, Take ${i}`)
        .replace('Lex Luthor was driving.', `Lex Luthor was driving, for the ${i}th time that month.`);
      const file = path.join(dir, `oneshot-${id}.txt`);
      fs.writeFileSync(file, text);
      good.push(file);
    }
  }
  const broken: GeneratedWorks['broken'] = [];
  if (options.broken) {
    const yaml = path.join(dir, 'zz-broken-front-matter.md');
    fs.writeFileSync(yaml, '---\ntitle: [unclosed\n---\n\nThe story.\n');
    broken.push({ work: yaml, at: '3:1' });
    const empty = path.join(dir, 'zz-header-only.txt');
    fs.writeFileSync(empty, 'Title: Nothing Yet\nAuthor: Someone\n');
    broken.push({ work: empty, at: '3:1' });
  }
  return { good, broken };
}
