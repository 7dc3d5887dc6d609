/**
 * A job of the `quire` queue: what it asks for, how it is checked, and the handler that builds it, for `quire worker`
 * or an application's own BullMQ worker:
 *
 *   new Worker('quire', (job) => processBookJob(job.data), { connection })
 *
 * A manuscript error fails the job at once (BullMQ's UnrecoverableError: no retry), its reason the positioned
 * diagnostics; a failure of the machine (a file-system error) is thrown as a plain error, so BullMQ tries again with
 * the job's backoff (`bookJobOptions`).
 */
import { z } from 'zod';
import { configSchema, type QuireConfig } from '../config/schema';
import { configRendererOptions, type SettingsOverrides } from '../config/settings';
import { formatDiagnostic } from '../diagnostics/reporter';
import type { Diagnostic } from '../diagnostics/types';
import { buildWork, type WorkRequest, type WrittenFile } from '../batch/job';
import type { BuildPool } from '../batch/pool';

/** A job's data: paths on storage every worker sees. */
export interface BookJob {
  /** The manuscript: a file or a book folder. */
  input: string;
  /** The folder the books are written into. */
  out: string;
  /** Formats to build (default: book.yaml's, else epub and pdf). */
  formats?: string[];
  /** Options as book.yaml's `quire:` section names them (`page-size`, `profile`…); they win over book.yaml's. */
  options?: Record<string, unknown>;
}

/** A job's result. */
export interface BookJobResult {
  files: WrittenFile[];
  warnings: Diagnostic[];
}

/** The options a job should be added with: retried with backoff when the machine fails, kept for a while when done. */
export const bookJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

const jobSchema = z.strictObject({
  input: z.string().min(1),
  out: z.string().min(1),
  formats: z.array(z.string().min(1)).min(1).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

/** Thrown for a job that must not be tried again (BullMQ's UnrecoverableError, loaded only when needed). */
async function unrecoverable(message: string): Promise<Error> {
  const { UnrecoverableError } = await import('bullmq');
  return new UnrecoverableError(message);
}

/** The build a job asks for, or a message saying what is wrong with its data. */
export function jobRequest(data: unknown): WorkRequest | string {
  const job = jobSchema.safeParse(data);
  if (!job.success) return `the job's data is not {input, out, formats?, options?}: ${job.error.issues.map((i) => `${i.path.join('.') || 'data'}: ${i.message}`).join('; ')}`;
  const options = configSchema.safeParse(job.data.options ?? {});
  if (!options.success) return `the job's options are not book.yaml's quire: options: ${options.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`;
  const config: QuireConfig = options.data;
  // Options a job has no use for are refused, not dropped: the job's own `out` names the folder, a worker runs no
  // EPUBCheck, and a cover belongs with the manuscript.
  const refused = (['out', 'check', 'cover'] as const).filter((key) => config[key] !== undefined);
  if (refused.length) return `the job's options cannot set ${refused.join(', ')} (the job's \`out\` names the folder; a cover goes in the work's book.yaml; a worker runs no EPUBCheck)`;
  const overrides: SettingsOverrides = {
    outDir: job.data.out,
    rendererOptions: configRendererOptions(config),
    ...(job.data.formats ?? config.formats ? { formats: job.data.formats ?? config.formats } : {}),
    ...(config['file-name'] ? { output: config['file-name'] } : {}),
    ...(config.encoding ? { encoding: config.encoding } : {}),
  };
  return { input: job.data.input, overrides };
}

/** Builds a job's books (on `pool` when given); see the file's comment for how failures are thrown. */
export async function processBookJob(data: unknown, pool?: BuildPool): Promise<BookJobResult> {
  const request = jobRequest(data);
  if (typeof request === 'string') throw await unrecoverable(request);
  const result = pool ? await pool.run(request) : await buildWork(request);
  if (result.status === 'built') return { files: result.files, warnings: result.diagnostics.filter((d) => d.severity === 'warning') };
  const reason = result.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => formatDiagnostic(d, { frame: true }))
    .join('\n');
  if (result.transient) throw new Error(reason);
  throw await unrecoverable(reason);
}
