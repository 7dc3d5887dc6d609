/**
 * Which works a batch builds. Each manuscript file given, or found in a folder given, is one work; a folder that is
 * a book (it holds book.yaml, or manuscript files directly) is one work; other folders are searched below. Hidden
 * folders, `node_modules`, `templates` and the output folder are passed by.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BOOK_YAML, isBesideManuscript, isManuscriptName, naturalOrder } from '../read';

/** Folders that never hold works. */
const NOT_WORKS = new Set(['node_modules', 'templates']);

/** A file a reader reads that is not a README, licence or the like beside the works. */
const isManuscriptFile = (name: string) => isManuscriptName(name) && !isBesideManuscript(name);

/** Whether a folder is one book: it has book.yaml, or manuscript files directly inside it. */
export function isBookFolder(dir: string, names: readonly string[] = fs.readdirSync(dir)): boolean {
  if (names.some((name) => BOOK_YAML.includes(name))) return true;
  return names.some((name) => isManuscriptFile(name) && fs.statSync(path.join(dir, name)).isFile());
}

/**
 * The works under the inputs, in order (each input's in natural order), each once. A folder input that is itself a
 * book is one work only when it has book.yaml; otherwise each of its manuscript files is a work, as each sub-folder
 * that is a book. A missing input is returned as it is, to fail as its own work.
 */
export function findWorks(inputs: readonly string[], outDir: string): string[] {
  const out = path.resolve(outDir);
  const works: string[] = [];
  const seen = new Set<string>();
  const add = (work: string) => {
    const key = path.resolve(work);
    if (!seen.has(key)) works.push(work), seen.add(key);
  };
  const walk = (dir: string, top: boolean) => {
    const names = fs.readdirSync(dir).sort(naturalOrder);
    if (names.some((name) => BOOK_YAML.includes(name)) || (!top && isBookFolder(dir, names))) return add(dir);
    for (const name of names) {
      const full = path.join(dir, name);
      if (name.startsWith('.') || NOT_WORKS.has(name) || path.resolve(full) === out) continue;
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(full, false);
      else if (stat?.isFile() && isManuscriptFile(name)) add(full);
    }
  };
  for (const input of inputs) {
    const stat = fs.statSync(input, { throwIfNoEntry: false });
    if (stat?.isDirectory()) walk(input, true);
    else add(input);
  }
  return works;
}

/** Every file that belongs to a work: the file itself, or each file under its folder (hidden ones and node_modules left out). */
export function workFiles(work: string): string[] {
  const stat = fs.statSync(work, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [work];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(full);
    }
  };
  walk(work);
  return files;
}
