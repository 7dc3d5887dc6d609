/**
 * The benchmark's books: the seed, Moby-Dick and War and Peace from ../shared/corpus, and a deterministic synthetic
 * book of any size made from their prose, so that cost per word can be compared from 20k to a million words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '..', '..', 'shared', 'corpus');

export interface BenchBook {
  /** Short key used on the command line (`--books seed,moby`) and in the results. */
  key: string;
  label: string;
  /** The manuscript file or folder quire (and pandoc) are given. */
  input: string;
  words: number;
}

/** Words as quire's stats transform counts them closely enough for a rate: runs of non-space characters. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Body text of a Markdown file without its YAML front matter. */
function markdownBody(file: string): string {
  const text = fs.readFileSync(file, 'utf8');
  const m = /^---\n[\s\S]*?\n---\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}

/** The corpus books, with their word counts (front matter and markup excluded only roughly). */
export function corpusBooks(): BenchBook[] {
  const seed = path.join(CORPUS, 'seed', '000_27920b3cbfe5b9b8.txt');
  const moby = path.join(CORPUS, 'novels', 'moby-dick.md');
  const wap = path.join(CORPUS, 'war-and-peace', 'war-and-peace.md');
  for (const file of [seed, moby, wap]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: the benchmark needs ../shared/corpus`);
  return [
    { key: 'seed', label: 'seed (fan fiction)', input: seed, words: countWords(fs.readFileSync(seed, 'utf8')) },
    { key: 'moby', label: 'Moby-Dick', input: moby, words: countWords(markdownBody(moby)) },
    { key: 'wap', label: 'War and Peace', input: wap, words: countWords(markdownBody(wap)) },
  ];
}

/** Plain prose paragraphs of the corpus novels: no headings, lists, tables, footnotes, quotes or HTML. */
function prosePool(): string[] {
  const pool: string[] = [];
  for (const file of [path.join(CORPUS, 'novels', 'moby-dick.md'), path.join(CORPUS, 'war-and-peace', 'war-and-peace.md')]) {
    for (const para of markdownBody(file).split(/\n{2,}/)) {
      const p = para.trim();
      if (p.includes('\n') || !/^[\p{L}“"‘']/u.test(p) || /\[\^|<|\|/.test(p) || countWords(p) < 12) continue;
      pool.push(p);
    }
  }
  return pool;
}

/**
 * A Markdown book of about `target` words, the same for the same target on every machine: chapters of about 4,000
 * words of corpus prose taken in order, each with a footnote and two sections under one repeated title (so footnote
 * collection and id de-duplication grow with the book), and every 50,000 words one paragraph of about 5,000 words
 * (so line breaking meets very long paragraphs). Smaller books are prefixes of larger ones.
 */
export function syntheticMarkdown(target: number): string {
  const pool = prosePool();
  const out: string[] = ['---', `title: "Synthetic Book of ${target} Words"`, 'author: "quire bench"', 'lang: en', 'date: "2026-01-01"', '---', ''];
  let words = 0;
  let next = 0;
  let chapter = 0;
  let sinceLong = 0;
  const take = (): string => pool[next++ % pool.length];
  while (words < target) {
    chapter++;
    out.push(`# Chapter ${chapter}`, '');
    let inChapter = 0;
    for (let section = 1; section <= 2; section++) {
      // A section the first one's long paragraph has already filled would be a heading with nothing under it.
      if (inChapter >= section * 2000 || words >= target) break;
      out.push('## A Scene', '');
      while (inChapter < section * 2000 && words < target) {
        let para = take();
        if (sinceLong >= 50_000) {
          const parts = [para];
          while (countWords(parts.join(' ')) < 5000) parts.push(take());
          para = parts.join(' ');
          sinceLong = 0;
        }
        const n = countWords(para);
        if (inChapter === 0) para += `[^c${chapter}]`;
        out.push(para, '');
        inChapter += n;
        words += n;
        sinceLong += n;
      }
    }
    out.push(`[^c${chapter}]: A note on chapter ${chapter}, set at the foot of its page.`, '');
  }
  return out.join('\n');
}

/**
 * War and Peace `times` times in one Markdown manuscript: each copy a part of its own (`# Copy N`), its headings one
 * level down. Nineteen copies make issue 13's 10.7-million-word book.
 */
export function repeatedBook(times: number, dir: string): BenchBook {
  const source = path.join(CORPUS, 'war-and-peace', 'war-and-peace.md');
  const body = markdownBody(source).replace(/^(#{1,5}) /gm, '#$1 ');
  const file = path.join(dir, `war-and-peace-x${times}.md`);
  const parts = Array.from({ length: times }, (_, i) => `# Copy ${i + 1}\n\n${body}`);
  const text = ['---', `title: "War and Peace, ${times} Times"`, 'author: "Leo Tolstoy"', 'lang: en-US', '---', '', parts.join('\n\n')].join('\n');
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(file) || fs.statSync(file).size !== Buffer.byteLength(text)) fs.writeFileSync(file, text);
  return { key: `wap${times}`, label: `War and Peace ×${times}`, input: file, words: countWords(markdownBody(file)) };
}

/** Writes the synthetic book of `target` words into `dir` (once) and describes it. */
export function syntheticBook(target: number, dir: string): BenchBook {
  const label = target >= 1_000_000 ? `${target / 1_000_000}M` : `${Math.round(target / 1000)}k`;
  const file = path.join(dir, `synthetic-${label}.md`);
  const text = syntheticMarkdown(target);
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) fs.writeFileSync(file, text);
  return { key: `synthetic-${label}`, label: `synthetic ${label} words`, input: file, words: countWords(markdownBody(file)) };
}
