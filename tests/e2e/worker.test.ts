/**
 * `quire worker` on a real Redis (Debian's redis-server, started here on a free loopback port): two worker processes
 * take 60 jobs from a BullMQ queue; one is killed with SIGKILL while it builds, and every job still completes
 * exactly once, with valid books and no partial file. A manuscript error fails its job once, with the positioned
 * diagnostics; a file-system error is tried again; SIGTERM lets the running job finish.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Job, Queue, QueueEvents } from 'bullmq';
import { bookJobOptions } from '../../src/queue/job';
import { BIN } from '../helpers/cli';
import { corpusFile, epubcheckMany, requireTool } from '../helpers/tools';
import { generateWorks } from '../helpers/works';

const JOBS = 60;
let dir: string;
let redis: ChildProcess;
let url: string;
let queue: Queue;
let events: QueueEvents;
const workers: { process: ChildProcess; log: string[]; exited: Promise<number | null> }[] = [];
/** Each job's completed events, by id. */
const completions = new Map<string, number>();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 120_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${workers.map((w, i) => `worker ${i}:\n${w.log.join('')}`).join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function startWorker(queueName: string, concurrency = 1) {
  const child = spawn(process.execPath, [BIN, 'worker', '--redis', url, '--queue', queueName, '--concurrency', String(concurrency), '--lock-duration', '2000'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const worker = { process: child, log, exited };
  workers.push(worker);
  return worker;
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

beforeAll(async () => {
  requireTool('redis-server', 'redis-server');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-worker-'));
  const port = await freePort();
  url = `redis://127.0.0.1:${port}`;
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  redis.stdout!.on('data', (d: Buffer) => (banner += d.toString()));
  await until('redis-server', () => banner.includes('Ready to accept connections') || undefined, 20_000);
  queue = new Queue('books', { connection: { url } });
  events = new QueueEvents('books', { connection: { url } });
  events.on('completed', ({ jobId }) => completions.set(jobId, (completions.get(jobId) ?? 0) + 1));
  await events.waitUntilReady();
});

afterAll(async () => {
  for (const w of workers) w.process.kill('SIGKILL');
  await events?.close();
  await queue?.close();
  redis?.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('60 jobs on two workers, one killed with SIGKILL mid-run: every job completes exactly once, every book valid and whole', async () => {
  const works = generateWorks(path.join(dir, 'works'), JOBS).good;
  const [a] = [startWorker('books'), startWorker('books')];
  await until('both workers', () => workers.every((w) => w.log.join('').includes('taking jobs')) || undefined, 30_000);
  await queue.addBulk(works.map((input, i) => ({ name: 'book', data: { input, out: path.join(dir, 'books', String(i)), formats: ['epub'] }, opts: { ...bookJobOptions, jobId: `work-${i}` } })));
  // Kill the first worker while it builds (after a few jobs are done, with one of its own running).
  await until('a few jobs done', async () => ((await queue.getJobCountByTypes('completed')) >= 8 && a.log.join('').includes('built')) || undefined);
  const active = (await queue.getJobs(['active'])).length;
  a.process.kill('SIGKILL');
  expect(await a.exited).toBeNull();
  await until('all jobs completed', async () => ((await queue.getJobCountByTypes('completed')) === JOBS && completions.size === JOBS) || undefined, 240_000);
  expect(active).toBeGreaterThan(0);
  expect(await queue.getJobCountByTypes('failed')).toBe(0);
  expect([...completions.values()].every((n) => n === 1)).toBe(true);

  const jobs = (await queue.getJobs(['completed'], 0, JOBS)) as Job[];
  expect(jobs).toHaveLength(JOBS);
  const books: string[] = [];
  for (const job of jobs) {
    const { files, warnings } = job.returnvalue as { files: { path: string; sha256: string }[]; warnings: unknown[] };
    expect(files.map((f) => path.extname(f.path))).toEqual(['.epub', '.csv']);
    for (const file of files) expect(sha(file.path)).toBe(file.sha256);
    expect(Array.isArray(warnings)).toBe(true);
    // Nothing but the books: a killed build left no file under a book's name (a temporary file is hidden and named so).
    const out = path.dirname(files[0].path);
    expect(fs.readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(files.map((f) => path.basename(f.path)).sort());
    books.push(files[0].path);
  }
  for (const [file, check] of epubcheckMany(books)) expect({ file, messages: check.messages }).toEqual({ file, messages: [] });
});

test('a manuscript error fails its job at once, with the positioned diagnostics as the reason', async () => {
  const bad = path.join(dir, 'bad.md');
  fs.writeFileSync(bad, '---\ntitle: [unclosed\n---\n\nThe story.\n');
  const job = await queue.add('book', { input: bad, out: path.join(dir, 'bad-out') }, { ...bookJobOptions, jobId: 'bad' });
  await until('the job to fail', async () => ((await job.getState()) === 'failed' ? true : undefined), 60_000);
  const failed = (await Job.fromId(queue, 'bad'))!;
  expect(failed.attemptsMade).toBe(1);
  expect(failed.failedReason).toContain(`${bad}:3:1: error: front matter is not valid YAML`);
  expect(failed.failedReason).toContain('> 3 | ---');
  // Data that is not a job fails at once too.
  const wrong = await queue.add('book', { input: bad }, { ...bookJobOptions, jobId: 'wrong' });
  await until('the wrong job to fail', async () => ((await wrong.getState()) === 'failed' ? true : undefined), 60_000);
  const reason = (await Job.fromId(queue, 'wrong'))!;
  expect(reason.attemptsMade).toBe(1);
  expect(reason.failedReason).toMatch(/the job's data is not \{input, out, formats\?, options\?\}: out:/);
});

test('a file-system error is tried again with backoff, and the job completes once the disk is right', async () => {
  const blocked = path.join(dir, 'blocked');
  fs.writeFileSync(blocked, 'a file where the output folder should be');
  const input = generateWorks(path.join(dir, 'retry'), 1).good[0];
  const job = await queue.add('book', { input, out: path.join(blocked, 'out'), formats: ['epub'] }, { ...bookJobOptions, backoff: { type: 'fixed', delay: 1500 }, jobId: 'retry' });
  await until('the first attempt to fail', async () => ((await Job.fromId(queue, 'retry'))!.attemptsMade >= 1 ? true : undefined), 60_000);
  expect((await Job.fromId(queue, 'retry'))!.failedReason).toContain(`cannot write to ${path.join(blocked, 'out')}: ${blocked} is a file, not a folder`);
  fs.rmSync(blocked);
  fs.mkdirSync(blocked);
  await until('the job to complete', async () => ((await job.getState()) === 'completed' ? true : undefined), 60_000);
  const done = (await Job.fromId(queue, 'retry'))!;
  expect(done.attemptsMade).toBe(2);
  expect(fs.existsSync((done.returnvalue as { files: { path: string }[] }).files[0].path)).toBe(true);
});

test('SIGTERM lets the running job finish, then the worker exits 0', async () => {
  const survivor = workers[1];
  const input = corpusFile('fanfic-style/persuasion.txt');
  // Both formats, so the job runs for seconds (the EPUB alone took less than the 100 ms between two polls of its
  // state, and the job was over before it was seen active); and the start is heard from the queue's events, not polled.
  let started = false;
  const onActive = ({ jobId }: { jobId: string }) => { if (jobId === 'long') started = true; };
  events.on('active', onActive);
  const job = await queue.add('book', { input, out: path.join(dir, 'long'), formats: ['epub', 'pdf'] }, { ...bookJobOptions, jobId: 'long' });
  await until('the long job to start', () => started || undefined, 60_000);
  events.off('active', onActive);
  expect(await job.getState()).toBe('active');
  survivor.process.kill('SIGTERM');
  expect(await survivor.exited).toBe(0);
  expect(await job.getState()).toBe('completed');
  expect(survivor.log.join('')).toContain('SIGTERM: finishing the running jobs');
  expect(fs.existsSync(path.join(dir, 'long', 'persuasion.epub'))).toBe(true);
  expect(fs.existsSync(path.join(dir, 'long', 'persuasion.pdf'))).toBe(true);
});
