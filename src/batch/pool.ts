/**
 * A pool of build threads (node:worker_threads), each building one work at a time; works queue for the next free
 * thread. A thread that dies (out of memory, say) fails its work as an internal error and is replaced. With one job,
 * works are built in this thread instead, with no thread to start, unless `threads` asks for one.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildWork, type WorkRequest, type WorkResult } from './job';
import type { ToThread } from './thread';

/** Works built at once in this thread when there are no threads (see `inThisThread`). */
const IN_THREAD = 2;

export interface PoolOptions {
  /** How many works are built at once. */
  jobs: number;
  /** Stack traces in internal errors. */
  debug?: boolean;
  /** Build in threads even with one job (a signal to this thread then never interrupts a build's writes). */
  threads?: boolean;
}

interface Task {
  id: number;
  request: WorkRequest;
  claimStem?: (stem: string) => Promise<string>;
  resolve: (result: WorkResult) => void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

export class BuildPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Task[] = [];
  private nextId = 1;
  /** Works being built in this thread (no threads), and the works waiting for one of them to finish. */
  private inThread = 0;
  private readonly inThreadWaiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    if (options.jobs > 1 || (options.threads && options.jobs > 0)) for (let i = 0; i < options.jobs; i++) this.slots.push(this.start());
  }

  /** Builds a work on the next free thread; `claimStem` is asked for the books' file-name stem (see `BuildOptions`). */
  run(request: WorkRequest, claimStem?: (stem: string) => Promise<string>): Promise<WorkResult> {
    if (this.closed) return Promise.reject(new Error('the build pool is closed'));
    if (this.slots.length === 0) return this.inThisThread(() => buildWork(request, { claimStem, debug: this.options.debug }));
    return new Promise((resolve) => {
      this.waiting.push({ id: this.nextId++, request, claimStem, resolve });
      this.dispatch();
    });
  }

  /**
   * Runs a build in this thread, at most `IN_THREAD` at once: while one waits on libuv's pool (its cover is drawn and
   * compressed there), the other's JavaScript runs. Unbounded, they would all be in memory at once.
   */
  private async inThisThread<T>(build: () => Promise<T>): Promise<T> {
    if (this.inThread >= IN_THREAD) await new Promise<void>((resume) => this.inThreadWaiting.push(resume));
    else this.inThread++;
    try {
      return await build();
    } finally {
      // The place passes straight to the next work waiting, so a work arriving meanwhile cannot take it too.
      const next = this.inThreadWaiting.shift();
      if (next) next();
      else this.inThread--;
    }
  }

  /** Stops the threads (a work still running is abandoned). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.waiting.length === 0) continue;
      const task = this.waiting.shift()!;
      slot.task = task;
      const message: ToThread = { type: 'work', id: task.id, request: task.request, claim: !!task.claimStem };
      slot.worker.postMessage(message);
    }
  }

  private start(): Slot {
    const worker = new Worker(path.join(__dirname, 'thread.js'), { workerData: { debug: this.options.debug === true } });
    const slot: Slot = { worker };
    worker.on('message', (message: { type: 'claim'; id: number; stem: string } | { type: 'done'; id: number; result: WorkResult }) => {
      const task = slot.task;
      if (!task || task.id !== message.id) return;
      if (message.type === 'claim') {
        void task.claimStem!(message.stem).then((stem) => worker.postMessage({ type: 'stem', id: task.id, stem } satisfies ToThread));
        return;
      }
      slot.task = undefined;
      task.resolve(message.result);
      this.dispatch();
    });
    const lost = (why: string) => {
      const task = slot.task;
      slot.task = undefined;
      if (task) {
        task.resolve({
          input: task.request.input,
          status: 'failed',
          files: [],
          diagnostics: [{ severity: 'error', rule: 'internal-error', message: `the build thread stopped: ${why}` }],
          reads: [],
          ms: 0,
        });
      }
      if (this.closed) return;
      const index = this.slots.indexOf(slot);
      if (index >= 0) this.slots[index] = this.start();
      this.dispatch();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => {
      if (slot.task || !this.closed) lost(`exit code ${code}`);
    });
    return slot;
  }
}
