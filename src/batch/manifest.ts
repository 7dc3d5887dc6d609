/**
 * The batch manifest, `.quire-batch.jsonl` in the output folder: for each work, the hash of what it was built from,
 * the stem its files are named by, the files written and the extra files it read. A run appends one line per work as
 * it finishes (a killed run keeps what it did) and rewrites the file compacted at the end; the last line of a work
 * wins, and a torn last line is ignored.
 *
 * Keys are the works' paths relative to the output folder, so the archive and its books can move together.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic, writingTo } from '../build/write';
import { workFiles } from './works';

export const MANIFEST = '.quire-batch.jsonl';

export interface ManifestEntry {
  /** The work, relative to the output folder. */
  work: string;
  /** What the work was built from: see `workHash`. */
  hash: string;
  /** The file-name stem of its books, unique in the folder. */
  stem: string;
  /** The files written, relative to the output folder, with their SHA-256. */
  outputs: { path: string; sha256: string }[];
  /** Files outside the work that its build read (images beside a one-file work), relative to the output folder. */
  reads: string[];
}

/**
 * The hash that decides whether a work is built again: quire's version, the build's options, and the name and bytes
 * of each file of the work, of each extra file it read last time, and of each template folder beside it.
 */
export function workHash(work: string, context: { version: string; options: unknown; reads?: readonly string[] }): string {
  const hash = createHash('sha256');
  hash.update(`quire ${context.version}\n${JSON.stringify(context.options)}\n`);
  const templates = [path.join(path.dirname(path.resolve(work)), 'templates'), path.join(path.resolve(work), 'templates')];
  const files = new Set([...workFiles(work), ...(context.reads ?? []), ...templates.flatMap((dir) => (fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? workFiles(dir) : []))]);
  const base = path.dirname(path.resolve(work));
  for (const file of [...files].map((f) => path.resolve(f)).sort()) {
    hash.update(`${path.relative(base, file)}\0`);
    try {
      hash.update(fs.readFileSync(file));
    } catch {
      hash.update('\0missing');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

export class Manifest {
  private readonly entries = new Map<string, ManifestEntry>();
  /** Which work owns each stem. */
  private readonly owners = new Map<string, string>();
  private readonly file: string;

  constructor(readonly outDir: string) {
    this.file = path.join(outDir, MANIFEST);
    if (!fs.existsSync(this.file)) return;
    for (const line of fs.readFileSync(this.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        this.remember(JSON.parse(line) as ManifestEntry);
      } catch {
        // A line cut short by a killed run: that work is built again.
      }
    }
  }

  /** The work's key: its path relative to the output folder, with `/`. */
  key(work: string): string {
    return path.relative(path.resolve(this.outDir), path.resolve(work)).split(path.sep).join('/') || '.';
  }

  get(work: string): ManifestEntry | undefined {
    return this.entries.get(this.key(work));
  }

  /** Whether the work's books are there and were built from what it is now. */
  upToDate(work: string, hash: string): boolean {
    const entry = this.get(work);
    return !!entry && entry.hash === hash && entry.outputs.every((o) => fs.existsSync(path.join(this.outDir, o.path)));
  }

  /**
   * The stem for a work whose books would be named `natural`: the one it had when that is still the same name (or
   * the same name made unique), else `natural`, or `natural-2`, `natural-3`… whichever no other work owns.
   */
  claim(work: string, natural: string): string {
    const key = this.key(work);
    const had = this.entries.get(key)?.stem;
    if (had && this.owners.get(had) === key && (had === natural || new RegExp(`^${escape(natural)}-\\d+$`).test(had))) return had;
    let stem = natural;
    for (let n = 2; this.owners.has(stem) && this.owners.get(stem) !== key; n++) stem = `${natural}-${n}`;
    this.owners.set(stem, key);
    return stem;
  }

  /** Records a built work, appending its line to the file. */
  record(entry: ManifestEntry): void {
    this.remember(entry);
    writingTo(this.outDir, () => {
      fs.mkdirSync(this.outDir, { recursive: true });
      fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    });
  }

  /** Rewrites the file with one line per work. */
  compact(): void {
    if (this.entries.size === 0) return;
    writeAtomic(this.file, Buffer.from([...this.entries.values()].map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8'));
  }

  private remember(entry: ManifestEntry): void {
    const old = this.entries.get(entry.work);
    if (old && old.stem !== entry.stem && this.owners.get(old.stem) === entry.work) this.owners.delete(old.stem);
    this.entries.set(entry.work, entry);
    this.owners.set(entry.stem, entry.work);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
