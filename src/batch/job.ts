/**
 * One work built in the current thread, as `quire batch`'s threads and `quire worker`'s jobs build it: never throws;
 * the result says what was written (with SHA-256), every diagnostic, and whether a failure is the manuscript's
 * (building again would fail again) or the machine's (a file-system error worth retrying).
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from '../build';
import type { SettingsOverrides } from '../config/settings';
import { CollectingReporter } from '../diagnostics/reporter';
import { QuireError, type Diagnostic } from '../diagnostics/types';
import type { Book } from '../model/types';
import { visit } from '../model/visit';
import { sha256 } from '../publish/checksums';
import { sha256File } from '../build/checksums';
import { partsOf } from '../render/types';

export interface WorkRequest {
  /** The work: a manuscript file or folder. */
  input: string;
  /** The build's explicit options, the output folder among them; the rest come from the work's book.yaml. */
  overrides: SettingsOverrides;
}

export interface WrittenFile {
  path: string;
  sha256: string;
}

export interface WorkResult {
  input: string;
  status: 'built' | 'failed';
  /** A failure of the machine (the disk, the network file system), not of the manuscript: worth trying again. */
  transient?: boolean;
  /** The file-name stem the books were written under. */
  stem?: string;
  /** The books, then the archive kit, as written. */
  files: WrittenFile[];
  /** Everything reported, errors included, in order. */
  diagnostics: Diagnostic[];
  /** Files outside the work that the build read (a one-file work's images). */
  reads: string[];
  ms: number;
}

/** errno codes of a file system that may answer next time. */
const TRANSIENT_CODES = /\b(?:EIO|EAGAIN|EBUSY|ETIMEDOUT|ESTALE|EMFILE|ENFILE|ENOMEM|ECONNRESET|EINTR)\b/;

/** Whether an error is the machine's rather than the manuscript's. */
export function isTransient(error: unknown): boolean {
  if (error instanceof QuireError) return error.diagnostic.rule === 'write-failed' || TRANSIENT_CODES.test(error.diagnostic.message);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && TRANSIENT_CODES.test(code);
}

/** The manuscript's images outside the work (a one-file work's images sit in the folder around it). */
function readsOutside(book: Book, input: string): string[] {
  const work = path.resolve(input);
  const inside = (file: string) => file === work || file.startsWith(work + path.sep);
  const files = new Set<string>();
  const local = (url: string | undefined) => {
    if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('#')) return;
    let decoded = url.split(/[?#]/)[0].replace(/^\/+/, '');
    try {
      decoded = decodeURIComponent(decoded);
    } catch {
      // kept as written
    }
    const file = path.resolve(book.root, decoded);
    if (!inside(file)) files.add(file);
  };
  local(book.meta.cover);
  visit(book, { image: (node) => local(node.url), imageBlock: (node) => local(node.url) });
  return [...files].sort();
}

/** Builds one work; `claimStem` makes its file names unique (see `BuildOptions.claimStem`). */
export async function buildWork(request: WorkRequest, options: { claimStem?: (stem: string) => Promise<string>; debug?: boolean } = {}): Promise<WorkResult> {
  const started = performance.now();
  const report = new CollectingReporter();
  const result: WorkResult = { input: request.input, status: 'failed', files: [], diagnostics: report.messages as Diagnostic[], reads: [], ms: 0 };
  try {
    const built = await build({ input: request.input, ...request.overrides, report, checksums: false, claimStem: options.claimStem });
    const kit = built.kit.map((file) => ({ path: file, sha256: sha256File(file) }));
    result.files = [...built.outputs.map((file, i) => ({ path: file, sha256: sha256(partsOf(built.artifacts[i])) })), ...kit];
    result.stem = path.basename(built.outputs[0] ?? '', built.artifacts[0]?.extension ?? '');
    result.reads = readsOutside(built.book, request.input);
    result.status = 'built';
  } catch (e) {
    result.transient = isTransient(e);
    if (e instanceof QuireError) {
      if (!report.messages.includes(e.diagnostic)) result.diagnostics.push(e.diagnostic);
    } else {
      const error = e as Error;
      result.diagnostics.push({ severity: 'error', rule: 'internal-error', message: `${error.message}${options.debug && error.stack ? `\n${error.stack}` : ''}` });
    }
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
