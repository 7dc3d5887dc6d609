/**
 * `quire worker`: a BullMQ worker on a Redis queue whose jobs each build one book (src/queue/job.ts). Jobs are built
 * in a pool of build threads, one job per thread. A job's lock is renewed while it builds; if the worker dies
 * (SIGKILL, a lost machine), the lock runs out after `lockDuration` and BullMQ's stalled-job check gives the job to
 * another worker. Books are written through a temporary file and a rename, so a killed build leaves no partial book.
 * `close()` (on SIGTERM) lets the running jobs finish and takes no new ones.
 */
import { Worker, type Job } from 'bullmq';
import { BuildPool } from '../batch/pool';
import { processBookJob, type BookJobResult } from './job';

export interface WorkerOptions {
  /** redis:// URL. */
  redis: string;
  queue: string;
  /** Jobs built at once. */
  concurrency: number;
  /** Milliseconds before a job of a worker that stopped answering goes to another worker. */
  lockDuration: number;
  /** One line per event (started, each job done or failed). */
  log: (line: string) => void;
  debug?: boolean;
}

export interface RunningWorker {
  /** Finishes the running jobs, takes no more, and disconnects. */
  close(): Promise<void>;
}

/** Starts consuming the queue; resolves once connected. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const pool = new BuildPool({ jobs: options.concurrency, threads: true, debug: options.debug });
  const worker = new Worker<unknown, BookJobResult>(options.queue, (job: Job) => processBookJob(job.data, pool), {
    connection: { url: options.redis },
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    stalledInterval: Math.max(1000, Math.round(options.lockDuration / 2)),
    maxStalledCount: 2,
    autorun: false,
  });
  const name = (job: Job | undefined) => `job ${job?.id ?? '?'}`;
  worker.on('completed', (job, result) => options.log(`quire worker: ${name(job)} built ${result.files.map((f) => f.path).join(', ')}`));
  worker.on('failed', (job, error) => {
    const attempts = job?.opts.attempts ?? 1;
    const again = error.name !== 'UnrecoverableError' && job !== undefined && job.attemptsMade < attempts;
    options.log(`quire worker: ${name(job)} failed${again ? ` (attempt ${job.attemptsMade} of ${attempts}; it will be tried again)` : ''}:\n${error.message}`);
  });
  worker.on('error', (error) => options.log(`quire worker: ${error.message}`));
  await worker.waitUntilReady();
  void worker.run();
  options.log(`quire worker: taking jobs from queue ${options.queue} (concurrency ${options.concurrency})`);
  return {
    async close() {
      await worker.close();
      await pool.close();
    },
  };
}
