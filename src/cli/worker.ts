/** `quire worker`: runs src/queue/worker.ts until SIGTERM or SIGINT, then lets the running jobs finish and exits 0. */
import { startWorker } from '../queue/worker';
import type { CliArgs } from './args';

export async function workerCommand(args: CliArgs, io: { stderr: (text: string) => void }): Promise<number> {
  const log = (line: string) => io.stderr(`${line}\n`);
  const worker = await startWorker({ redis: args.redis!, queue: args.queue, concurrency: args.jobs, lockDuration: args.lockDuration, log, debug: args.debug });
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      log(`quire worker: ${signal}: finishing the running jobs`);
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve();
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  await worker.close();
  log('quire worker: stopped');
  return 0;
}
