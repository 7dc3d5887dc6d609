/**
 * mammoth, run synchronously. Readers are synchronous (`read()` in src/build/read.ts is public API and sync), but
 * mammoth's only API returns a promise. So the conversion runs in a worker thread while this thread waits on a
 * shared flag with `Atomics.wait`, then takes the worker's answer off its port with `receiveMessageOnPort`: the
 * pattern synckit uses, in a few lines. The worker's code is a string (`eval: true`) that requires mammoth by the
 * path this module resolves, so it runs the same from ts-jest and from the compiled lib/, whatever the current
 * folder. Nothing here is loaded until a `.docx` is read.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** What mammoth made of a document: its HTML and its messages (unknown styles, unsupported elements). */
export interface MammothResult {
  html: string;
  messages: { type: 'warning' | 'error'; message: string }[];
}

/** How long a conversion may take before it is given up (a huge document on a slow machine takes seconds). */
const TIMEOUT_MS = 120_000;

/** The worker: converts, posts the result (or the error's message), then raises the flag the caller waits on. */
const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, flag, mammoth, bytes, styleMap } = workerData;
const done = (reply) => { port.postMessage(reply); Atomics.store(flag, 0, 1); Atomics.notify(flag, 0); };
// A failure anywhere, loading mammoth included, is an answer: the caller must never wait out its time-out for one.
new Promise((resolve) => resolve(require(mammoth).convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap, externalFileAccess: false })))
  .then((r) => done({ html: r.value, messages: r.messages.map((m) => ({ type: m.type, message: m.message })) }))
  .catch((e) => done({ error: String((e && e.message) || e) }));
`;

/**
 * Converts a Word document to HTML with mammoth and the extra `styleMap` lines; throws an `Error` with mammoth's
 * message when the bytes are not a Word document.
 */
export function convertToHtmlSync(bytes: Uint8Array, styleMap: readonly string[]): MammothResult {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const workerData = { port: port2, flag, mammoth: require.resolve('mammoth'), bytes, styleMap: [...styleMap] };
  const worker = new Worker(WORKER, { eval: true, workerData, transferList: [port2] });
  try {
    if (Atomics.wait(flag, 0, 0, TIMEOUT_MS) === 'timed-out') throw new Error('the conversion took too long');
    const reply = receiveMessageOnPort(port1)?.message as (MammothResult & { error?: string }) | undefined;
    if (!reply) throw new Error('the conversion gave no answer');
    if (reply.error !== undefined) throw new Error(reply.error);
    return reply;
  } finally {
    port1.close();
    void worker.terminate();
  }
}
