/**
 * A build thread of `quire batch` and `quire worker`: builds the works the pool sends, one at a time. Fonts,
 * hyphenation patterns and templates are loaded by the first work that needs them and kept for the rest.
 *
 * Messages in: `{ type: 'work', id, request, claim }`, `{ type: 'stem', id, stem }` (the answer to a claim).
 * Messages out: `{ type: 'claim', id, stem }` (when the pool makes file names unique), `{ type: 'done', id, result }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildWork, type WorkRequest } from './job';

export type ToThread = { type: 'work'; id: number; request: WorkRequest; claim: boolean } | { type: 'stem'; id: number; stem: string };

const claims = new Map<number, (stem: string) => void>();
const debug = (workerData as { debug?: boolean } | undefined)?.debug === true;

parentPort!.on('message', (message: ToThread) => {
  if (message.type === 'stem') {
    claims.get(message.id)?.(message.stem);
    claims.delete(message.id);
    return;
  }
  const { id, request, claim } = message;
  const claimStem = claim
    ? (stem: string) =>
        new Promise<string>((resolve) => {
          claims.set(id, resolve);
          parentPort!.postMessage({ type: 'claim', id, stem });
        })
    : undefined;
  void buildWork(request, { claimStem, debug }).then((result) => parentPort!.postMessage({ type: 'done', id, result }));
});
