/**
 * `quire batch`'s output. stdout: the files written (or, with --json, one result per work). stderr: each work's
 * diagnostics with their positions (a diagnostic with no file of its own is prefixed by its work), a progress line
 * on a terminal, and a summary.
 */
import * as path from 'node:path';
import { batch, type WorkEvent } from '../batch';
import type { SettingsOverrides } from '../config/settings';
import type { Diagnostic } from '../diagnostics/types';
import type { CliArgs } from './args';
import type { ProgressDisplay } from './progress';

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const seconds = (ms: number) => (ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

/** One work's line under --json. */
function jsonResult(event: WorkEvent, outDir: string): string {
  const diagnostics = event.result?.diagnostics ?? [];
  return JSON.stringify({
    input: event.work,
    status: event.status,
    outputs: event.result ? event.result.files : (event.entry?.outputs ?? []).map((o) => ({ path: path.join(outDir, o.path), sha256: o.sha256 })),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    errors: diagnostics.filter((d) => d.severity === 'error'),
    ms: event.result?.ms ?? 0,
  });
}

export async function batchCommand(
  args: CliArgs,
  overrides: SettingsOverrides,
  version: string,
  print: (d: Diagnostic) => void,
  io: Io,
  progress: ProgressDisplay,
): Promise<number> {
  const { outDir: _out, ...rest } = overrides;
  const started = Date.now();
  let built = 0;
  let failed = 0;
  const summary = await batch({
    inputs: args.inputs,
    outDir: args.out,
    overrides: rest,
    jobs: args.jobs,
    force: args.force,
    debug: args.debug,
    version,
    onWork: (event) => {
      if (event.status === 'built') built++;
      if (event.status === 'failed') failed++;
      if (args.json) io.stdout(`${jsonResult(event, args.out)}\n`);
      else {
        for (const d of event.result?.diagnostics ?? []) print(d.position ? d : { ...d, message: `${event.work}: ${d.message}` });
        for (const file of event.result?.status === 'built' ? event.result.files : []) io.stdout(`${file.path}\n`);
        if (event.status === 'failed') {
          progress.clear();
          io.stderr(`quire: ${event.work}: not built\n`);
        }
      }
      const elapsed = Date.now() - started;
      const rate = (built + failed) / Math.max(elapsed / 1000, 0.001);
      const left = rate > 0 ? ((event.total - event.done) / rate) * 1000 : 0;
      progress.show(`quire: batch ${event.done}/${event.total} works · ${failed} failed · ${rate.toFixed(1)} works/s · ${seconds(left)} left`);
    },
  });
  progress.clear();
  if (!args.json && !args.quiet) {
    const rate = summary.built + summary.failed > 0 ? `, ${((summary.built + summary.failed) / Math.max(summary.ms / 1000, 0.001)).toFixed(1)} works/s` : '';
    io.stderr(`quire: batch: ${summary.total} works: ${summary.built} built, ${summary.skipped} unchanged, ${summary.failed} failed in ${seconds(summary.ms)}${rate}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
