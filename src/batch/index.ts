/**
 * `quire batch`: many works into one output folder, in a pool of build threads. One bad work never stops the
 * others. A work is built again only when what it is built from changed (the manifest's hash); file names never
 * collide, and which work got which name is decided in the works' order, so two runs name them alike. A work built
 * under a new name (its title changed) has its books under the old name removed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeChecksums } from '../build/checksums';
import { writingTo } from '../build/write';
import type { SettingsOverrides } from '../config/settings';
import { fail } from '../diagnostics/reporter';
import type { WorkResult } from './job';
import { Manifest, workHash, type ManifestEntry } from './manifest';
import { BuildPool } from './pool';
import { findWorks } from './works';

export { buildWork, isTransient, type WorkRequest, type WorkResult, type WrittenFile } from './job';
export { BuildPool } from './pool';
export { MANIFEST } from './manifest';

export interface BatchOptions {
  /** Files and folders holding the works (see `findWorks`). */
  inputs: readonly string[];
  outDir: string;
  /** The build's explicit options for every work (each work's book.yaml gives the rest). */
  overrides?: Omit<SettingsOverrides, 'outDir'>;
  /** Works built at once (threads). */
  jobs: number;
  /** Build every work, changed or not. */
  force?: boolean;
  debug?: boolean;
  /** quire's version, part of each work's hash. */
  version: string;
  /** Called as each work is skipped or finished. */
  onWork?: (event: WorkEvent) => void;
}

export interface WorkEvent {
  work: string;
  status: 'built' | 'skipped' | 'failed';
  /** What the build did (absent for a skipped work). */
  result?: WorkResult;
  /** The manifest's entry: for a skipped work, what an earlier run wrote. */
  entry?: ManifestEntry;
  /** Works done (skipped, built or failed) so far, and in all. */
  done: number;
  total: number;
}

export interface BatchSummary {
  total: number;
  built: number;
  skipped: number;
  failed: number;
  ms: number;
}

/** JSON with keys sorted, so options given in another order hash alike. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hands out file-name stems in the works' order: a work's claim is answered once every work before it has claimed or finished. */
class OrderedClaims {
  private readonly natural: (string | undefined)[] = [];
  private readonly finished: boolean[] = [];
  private readonly answers: ((stem: string) => void)[] = [];
  private next = 0;
  constructor(
    private readonly works: readonly string[],
    private readonly manifest: Manifest,
  ) {}

  claim(index: number, stem: string): Promise<string> {
    return new Promise((resolve) => {
      this.natural[index] = stem;
      this.answers[index] = resolve;
      this.advance();
    });
  }

  finish(index: number): void {
    this.finished[index] = true;
    this.advance();
  }

  private advance(): void {
    while (this.next < this.works.length && (this.natural[this.next] !== undefined || this.finished[this.next])) {
      const stem = this.natural[this.next];
      if (stem !== undefined) this.answers[this.next](this.manifest.claim(this.works[this.next], stem));
      this.next++;
    }
  }
}

/** Builds the works under `inputs` into `outDir`; resolves when all are done. */
export async function batch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const works = findWorks(options.inputs, options.outDir);
  if (works.length === 0) fail('input-not-found', `no works in ${options.inputs.join(', ')}`, { hint: 'Give manuscript files, or folders that hold them.' });
  const manifest = writingTo(options.outDir, () => new Manifest(options.outDir));
  const overrides: SettingsOverrides = { ...options.overrides, outDir: options.outDir };
  const hashed = { version: options.version, options: stable(options.overrides ?? {}) };
  const fromOut = (file: string) => path.resolve(options.outDir, file);
  const summary: BatchSummary = { total: works.length, built: 0, skipped: 0, failed: 0, ms: 0 };
  const written: { path: string; sha256: string }[] = [];
  let done = 0;

  const toBuild: string[] = [];
  for (const work of works) {
    const entry = manifest.get(work);
    if (!options.force && entry && manifest.upToDate(work, workHash(work, { ...hashed, reads: entry.reads.map(fromOut) }))) {
      summary.skipped++;
      options.onWork?.({ work, status: 'skipped', entry, done: ++done, total: works.length });
    } else toBuild.push(work);
  }

  const claims = new OrderedClaims(toBuild, manifest);
  const pool = new BuildPool({ jobs: Math.min(options.jobs, toBuild.length), debug: options.debug });
  try {
    await Promise.all(
      toBuild.map(async (work, index) => {
        const result = await pool.run({ input: work, overrides }, (stem) => claims.claim(index, stem));
        claims.finish(index);
        let entry: ManifestEntry | undefined;
        if (result.status === 'built') {
          summary.built++;
          const before = manifest.get(work);
          written.push(...result.files);
          entry = {
            work: manifest.key(work),
            hash: workHash(work, { ...hashed, reads: result.reads }),
            stem: result.stem!,
            outputs: result.files.map((f) => ({ path: path.relative(options.outDir, f.path).split(path.sep).join('/'), sha256: f.sha256 })),
            reads: result.reads.map((f) => path.relative(options.outDir, f).split(path.sep).join('/')),
          };
          manifest.record(entry);
          // Renamed (a new title): the work's books under its old name go, so the folder holds no stale book.
          const now = new Set(entry.outputs.map((o) => o.path));
          for (const old of before?.outputs ?? []) if (!now.has(old.path)) writingTo(options.outDir, () => fs.rmSync(fromOut(old.path), { force: true }));
        } else summary.failed++;
        options.onWork?.({ work, status: result.status, result, entry, done: ++done, total: works.length });
      }),
    );
  } finally {
    await pool.close();
  }
  if (written.length) writeChecksums(options.outDir, written);
  manifest.compact();
  summary.ms = Math.round(performance.now() - started);
  return summary;
}
