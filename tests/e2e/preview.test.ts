/**
 * `quire preview` end to end: the compiled CLI serves a temp copy of a small manuscript, Debian's Chromium opens the
 * page, and the tests check what a writer sees (the title page and first chapter in foliate-js, the PDF's pages in
 * pdf.js), that a save shows within 5 s at the same place, that an error shows as a positioned overlay and a fix
 * clears it, and that the server answers only GET on loopback and never outside its folders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { REPO } from '../helpers/cli';
import { chromiumPath } from '../helpers/reader/engine';
import { tempDir } from '../helpers/tools';

// Page code below runs in the browser; the tests' TypeScript has no DOM library.
declare const document: any;
declare const window: any;
declare function getComputedStyle(el: unknown): any;
type HTMLCanvasElement = any;

const BOOK = path.join(REPO, 'tests', 'fixtures', 'books', 'small-hours');

interface Shown {
  version: number;
  status: string;
  error: string | null;
  location: { cfi: string; fraction: number; section: number | null; toc: string | null; url: string; page: number | null; pages: number | null } | null;
  note: string | null;
  reloads: number;
  pdfPages: number;
}

let dir: string;
let child: ChildProcess;
let url: string;
let stderr = '';
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

/** A raw GET (or another method) to the server: the path goes on the wire exactly as written, not normalised. */
function request(target: string, options: { method?: string; host?: string; address?: string } = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: options.address ?? '127.0.0.1', port, path: target, method: options.method ?? 'GET', headers: options.host ? { host: options.host } : {}, timeout: 3000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end();
  });
}

const shown = (): Promise<Shown> => page.evaluate(() => (globalThis as any).quirePreview as Shown);

/** The frame showing the reader's current section (foliate renders it in a blob: iframe), by the URL the page reports. */
async function frameOf(key: 'location' | 'note'): Promise<Frame> {
  for (let i = 0; i < 50; i++) {
    const url = await page.evaluate((k) => {
      const state = (globalThis as any).quirePreview;
      return k === 'note' ? state.note : state.location?.url;
    }, key);
    const frame = url && page.frames().find((f) => f.url() === url);
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error(`no ${key} frame`);
}
const sectionFrame = () => frameOf('location');
const sectionText = async () => (await sectionFrame()).evaluate(() => document.body.innerText);

/** Turns pages until the section on screen matches `selector`, at most `max` times. */
async function turnTo(selector: string, max = 10): Promise<Frame> {
  for (let i = 0; i < max; i++) {
    const frame = await sectionFrame();
    if (await frame.evaluate((s) => !!document.querySelector(s), selector)) return frame;
    const before = (await shown()).location?.cfi;
    await page.click('#next');
    await page.waitForFunction((cfi) => (globalThis as any).quirePreview.location?.cfi !== cfi, before);
    await page.waitForTimeout(500); // the page turn's animation
  }
  throw new Error(`${selector} not reached`);
}

beforeAll(async () => {
  const marker = path.join(REPO, 'lib', '.compile-failed');
  if (fs.existsSync(marker)) throw new Error(`lib/ is stale: compiling src/ failed:\n${fs.readFileSync(marker, 'utf8')}`);
  const executablePath = chromiumPath();
  dir = tempDir('quire-preview-test-');
  fs.cpSync(BOOK, path.join(dir, 'manuscript'), { recursive: true });
  // A first chapter several screens long, so that "the same place" is a page inside it.
  const filler = Array.from({ length: 24 }, (_, i) => `Paragraph ${i + 1} of the crossing: the engines hummed, the deck rolled, and the lantern swung on its hook.`);
  fs.appendFileSync(path.join(dir, 'manuscript', '01-departure.md'), `\n${filler.join('\n\n')}\n`);
  child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli', 'main.js'), 'preview'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } });
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (line) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`quire preview exited (${code}): ${stderr}`)));
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${out} ${stderr}`)), 30_000);
  });
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as any).quirePreview?.version > 0, null, { timeout: 30_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

test('the page shows the title page and the first chapter in the reader, with nothing blocked by the CSP', async () => {
  const title = await turnTo('.title-page');
  const text = await title.evaluate(() => document.body.innerText);
  expect(text).toContain('The Small Hours');
  expect(text).toContain('Wren Halloway');

  await page.selectOption('#toc', { label: 'Chapter 1: Departure' });
  await page.waitForFunction(() => (globalThis as any).quirePreview.location?.toc === 'Chapter 1: Departure');
  expect(await sectionText()).toContain('The ferry left at nine');
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
});

test('a footnote opens in a popup, as on a device', async () => {
  const frame = await sectionFrame();
  await frame.locator('a', { hasText: '1' }).first().click({ delay: 100 });
  await page.waitForSelector('#popup:not([hidden]) foliate-view');
  const noteFrame = await frameOf('note');
  expect(await noteFrame.evaluate(() => document.body.innerText)).toContain('The fog came later.');
  await page.click('#popup-close');
});

test('the device frame, the theme and the font size change what the reader shows', async () => {
  const looks = async () => ({
    screen: await page.evaluate(() => document.querySelector('#screen').getBoundingClientRect().width),
    ...(await (await sectionFrame()).evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return { color: getComputedStyle(document.body).color, fontSize: parseFloat(style.fontSize) };
    })),
  });
  const before = await looks();
  await page.selectOption('#device', 'phone');
  await page.selectOption('#theme', 'dark');
  await page.selectOption('#font-size', '130');
  await page.waitForTimeout(300);
  const after = await looks();
  expect(before.screen).toBe(536);
  expect(after.screen).toBe(390);
  expect(after.color).toBe('rgb(222, 219, 212)'); // the dark theme's light text
  expect(after.fontSize / before.fontSize).toBeCloseTo(1.3, 2);
  await page.selectOption('#device', 'e6');
  await page.selectOption('#theme', 'light');
  await page.selectOption('#font-size', '100');
  await page.waitForTimeout(300);
  expect((await shown()).location?.toc).toBe('Chapter 1: Departure');
});

test('the PDF pane draws the pages with pdf.js at the trim size', async () => {
  await page.waitForSelector('#pdf-pages .page[data-rendered="true"] canvas');
  const drawn = await page.evaluate(() => {
    const canvas = document.querySelector('#pdf-pages .page[data-rendered="true"] canvas') as HTMLCanvasElement;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
    return { dark, width: parseFloat(canvas.style.width), height: parseFloat(canvas.style.height), pages: document.querySelectorAll('#pdf-pages .page').length };
  });
  expect(drawn.dark).toBeGreaterThan(100);
  expect(drawn.pages).toBe((await shown()).pdfPages);
  expect(drawn.pages).toBeGreaterThan(1);
  // A PDF point is 1/72 in, a CSS pixel 1/96 in: the page is shown at its printed size.
  const ratio = drawn.height / drawn.width;
  expect(ratio).toBeGreaterThan(1.2);
});

test('a save shows in the page within 5 s, at the same place in the book', async () => {
  for (let i = 0; i < 2; i++) {
    const cfi = (await shown()).location?.cfi;
    await page.click('#next');
    await page.waitForFunction((c) => (globalThis as any).quirePreview.location?.cfi !== c, cfi);
    await page.waitForTimeout(500);
  }
  const before = await shown();
  expect(before.location?.toc).toBe('Chapter 1: Departure');
  expect(before.location?.page).toBeGreaterThan(1);
  const chapter = path.join(dir, 'manuscript', '01-departure.md');
  fs.writeFileSync(chapter, fs.readFileSync(chapter, 'utf8').replace('and nobody on it was', 'and everyone on it was wide awake, not'));
  const started = Date.now();
  await page.waitForFunction((v) => (globalThis as any).quirePreview.version > v, before.version, { timeout: 5000 });
  const after = await shown();
  const latency = Date.now() - started;
  expect(latency).toBeLessThan(5000);
  expect(await sectionText()).toContain('everyone on it was wide awake');
  expect(after.location?.section).toBe(before.location?.section);
  // The same page of the chapter (one line more may move the break): not back at its start.
  expect(Math.abs(after.location!.page! - before.location!.page!)).toBeLessThanOrEqual(1);
  expect(after.location!.page).toBeGreaterThan(1);
  expect(Math.abs(after.location!.fraction - before.location!.fraction)).toBeLessThan(0.05);
  expect(after.location?.toc).toBe('Chapter 1: Departure');
  process.stderr.write(`preview: the save showed after ${latency} ms\n`);
});

test('a broken manuscript shows its positioned error over the last good book, and the fix clears it', async () => {
  const chapter = path.join(dir, 'manuscript', '02-crossing.md');
  const good = fs.readFileSync(chapter, 'utf8');
  const version = (await shown()).version;
  fs.writeFileSync(chapter, `---\ntitle: [unclosed\n---\n${good}`);
  await page.waitForSelector('#overlay:not([hidden])', { timeout: 10_000 });
  const overlay = await page.textContent('#overlay-text');
  expect(overlay).toMatch(/^manuscript\/02-crossing\.md:3:1: error: front matter is not valid YAML/);
  expect(overlay).toContain('> 3 | ---');
  // The overlay is exactly what the terminal printed.
  expect(stderr).toContain(overlay!.trim());
  expect((await shown()).version).toBe(version);
  expect(await sectionText()).toContain('everyone on it was wide awake');

  fs.writeFileSync(chapter, good);
  await page.waitForSelector('#overlay', { state: 'hidden', timeout: 10_000 });
  // The overlay clears when the good build is announced; the new book then opens behind the current one.
  await page.waitForFunction((v) => (globalThis as any).quirePreview.version > v, version, { timeout: 10_000 });
  expect((await shown()).error).toBeNull();
});

test('only GET, only the allow-list: traversal gets 404, POST 405, a foreign Host 404, and every answer carries the CSP', async () => {
  const page = await request('/');
  expect(page.status).toBe(200);
  expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  expect(page.headers['x-content-type-options']).toBe('nosniff');
  expect((await request('/foliate/view.js')).status).toBe(200);
  expect((await request('/pdfjs/build/pdf.mjs')).status).toBe(200);
  expect((await request('/book.epub')).headers['content-type']).toBe('application/epub+zip');
  for (const target of [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/foliate/../../package.json',
    '/foliate/%2e%2e/%2e%2e/package.json',
    '/foliate/..%2f..%2fpackage.json',
    '/foliate/%2e%2e%5c%2e%2e%5cpackage.json',
    '/pdfjs/build/../../../package.json',
    '/pdfjs/package.json',
    '/pdfjs/legacy/build/pdf.mjs',
    '/node_modules/foliate-js/view.js',
    '/manuscript/01-departure.md',
    '/foliate/',
  ]) {
    expect([target, (await request(target)).status]).toEqual([target, 404]);
  }
  expect((await request('/', { method: 'POST' })).status).toBe(405);
  expect((await request('/book.epub', { method: 'PUT' })).status).toBe(405);
  expect((await request('/', { host: 'evil.example:80' })).status).toBe(404);
});

test('a symlink inside a served folder that points out of it gets 404', async () => {
  const { startPreviewServer } = require(path.join(REPO, 'lib', 'preview', 'server.js'));
  const root = tempDir('quire-preview-root-');
  fs.writeFileSync(path.join(root, 'inside.js'), 'ok');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'link.js'));
  fs.symlinkSync(dir, path.join(root, 'out'));
  const server = await startPreviewServer({ port: 0, pageFiles: {}, mounts: [{ prefix: '/m/', root }], book: () => new Map(), status: () => ({}) });
  try {
    const get = (p: string) => new Promise<number>((resolve, reject) => http.get(`${server.url}${p.slice(1)}`, (res) => resolve(res.resume().statusCode!)).on('error', reject));
    expect(await get('/m/inside.js')).toBe(200);
    expect(await get('/m/link.js')).toBe(404);
    expect(await get('/m/out/secret.txt')).toBe(404);
  } finally {
    await server.close();
  }
});

test('the server answers on loopback only', async () => {
  const { port } = new URL(url);
  const outside = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && !a.internal && a.family === 'IPv4');
  if (outside) {
    await expect(request('/', { address: outside.address, host: `127.0.0.1:${port}` })).rejects.toThrow(/ECONNREFUSED|timeout|EHOSTUNREACH/);
  } else {
    // No other address on this machine: the printed URL is the loopback one, and the socket is bound there.
    expect(url).toBe(`http://127.0.0.1:${port}/`);
  }
  expect(stderr).toContain('(127.0.0.1 only)');
});

test('a second preview on a port in use is a catalogued error, exit status 1', async () => {
  const { port } = new URL(url);
  const second = spawn(process.execPath, [path.join(REPO, 'lib', 'cli', 'main.js'), 'preview', '--port', port], { cwd: dir });
  let err = '';
  second.stderr!.on('data', (chunk) => (err += chunk));
  const code = await new Promise<number | null>((resolve) => second.once('exit', resolve));
  expect(code).toBe(1);
  expect(err).toContain(`error: port ${port} on 127.0.0.1 is in use`);
});

test('Ctrl-C stops the server cleanly and removes its private build folder', async () => {
  const folder = /rebuilt (\S+)\/[^/\s]+\.epub/.exec(stderr)?.[1];
  expect(folder).toBeDefined();
  expect(fs.existsSync(folder!)).toBe(true);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exited).toBe(0);
  expect(fs.existsSync(folder!)).toBe(false);
  await expect(request('/')).rejects.toThrow(/ECONNREFUSED/);
});
