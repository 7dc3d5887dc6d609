/**
 * The process's helper threads at a lower priority than its JavaScript thread, when quire is its own process.
 *
 * V8 optimises code and collects garbage on threads of its own (Node's platform workers), beside the thread that runs
 * JavaScript. On a machine with two cores they want more than the second core: Moby-Dick's PDF kept them busy for
 * 1.5 s of CPU in a 2.1 s build, and the JavaScript thread, which does the build, waited 0.3 s for a core while it
 * was ready to run (`/proc/self/task/<tid>/schedstat`). With the helpers ten nice levels down, Linux's scheduler gives
 * the JavaScript thread the core when both want it (a weight of 1024 against 110); it waited 0.08 s, and the build
 * took about 6 % less wall time. The helpers still have every core the JavaScript thread is not using, so on an idle
 * machine with more cores nothing changes. Threads made later (a `quire batch` pool's JavaScript threads, libuv's
 * pool) are made by the JavaScript thread and keep its priority.
 *
 * Linux only: elsewhere there is no per-thread priority to set this way, and nothing is done.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

/** How many nice levels below the JavaScript thread the helper threads run. */
export const HELPER_NICENESS = 10;

/**
 * Lowers the priority of every thread of this process but the calling one, which must be the main thread (its
 * thread id is the process id). Returns how many threads were lowered.
 */
export function lowerHelperThreads(niceness = HELPER_NICENESS): number {
  let tasks: string[];
  try {
    tasks = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  // Relative to the main thread's own: a build started with `nice` keeps its helpers below it, never above.
  const target = Math.min(19, os.getPriority() + niceness);
  let lowered = 0;
  for (const task of tasks) {
    const tid = Number(task);
    if (tid === process.pid) continue;
    try {
      if (os.getPriority(tid) < target) os.setPriority(tid, target);
      lowered++;
    } catch {
      // The thread ended meanwhile.
    }
  }
  return lowered;
}
