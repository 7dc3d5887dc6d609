/**
 * A real reading engine for tests: foliate-js (the engine of the Foliate reader, from node_modules) in Debian's
 * Chromium through playwright-core, served with the books by a static server on 127.0.0.1 (a random port).
 * One browser per test file; each book opens in a fresh page of the size a test asks for.
 * A missing Chromium is a test failure with the install command, never a skip (as tests/helpers/tools.ts does).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { REPO } from '../cli';
import { requireTool } from '../tools';

const HERE = __dirname;
const FOLIATE = path.join(REPO, 'node_modules', 'foliate-js');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.epub': 'application/epub+zip',
  '.json': 'application/json',
};

/** Debian's Chromium: the executable Playwright drives (never a downloaded browser). */
export function chromiumPath(): string {
  requireTool('chromium', 'chromium');
  return spawnSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
}

/** A file under `root`, or undefined when the path leaves it. */
function under(root: string, rel: string): string | undefined {
  const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

export class ReadingEngine {
  private constructor(
    private readonly browser: Browser,
    private readonly server: http.Server,
    readonly origin: string,
    /** The books the server serves under /books/NAME. */
    private readonly books: Map<string, string>,
  ) {}

  static async start(): Promise<ReadingEngine> {
    if (!fs.existsSync(path.join(FOLIATE, 'view.js'))) throw new Error(`foliate-js is missing from ${FOLIATE}: npm ci installs it (a devDependency)`);
    const executablePath = chromiumPath();
    const books = new Map<string, string>();
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const p = decodeURIComponent(url.pathname);
      let file: string | undefined;
      if (p === '/favicon.ico') {
        res.writeHead(204).end(); // browsers ask for it; not a missing file of the book's
        return;
      }
      if (p === '/' || p === '/index.html') file = path.join(HERE, 'index.html');
      else if (p === '/harness.js') file = path.join(HERE, 'harness.js');
      else if (p.startsWith('/foliate/')) file = under(FOLIATE, p.slice('/foliate/'.length));
      else if (p.startsWith('/books/')) file = books.get(p.slice('/books/'.length));
      if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const { port } = server.address() as AddressInfo;
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
    } catch (e) {
      server.close();
      throw e;
    }
    return new ReadingEngine(browser, server, `http://127.0.0.1:${port}`, books);
  }

  /** Opens an EPUB in a new page of `width`×`height` CSS pixels, at its first section, as a reader app does. */
  async open(epub: string, options: { width?: number; height?: number; popups?: boolean } = {}): Promise<BookInReader> {
    const name = `${this.books.size + 1}.epub`;
    this.books.set(name, epub);
    const page = await this.browser.newPage({ viewport: { width: options.width ?? 600, height: options.height ?? 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${m.text()} (${m.location().url})`);
    });
    await page.goto(`${this.origin}/`);
    await page.waitForFunction('window.reader && window.reader.ready === true');
    const reader = new BookInReader(page, errors);
    await reader.call('open', `/books/${name}`, { popups: options.popups ?? false });
    return reader;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What the harness reports about the section on screen. */
export interface ReaderState {
  index: number;
  section: string;
  url: string;
  relocations: number;
  rendererDir: string | null;
  documentDir: string;
  page: number | null;
  pages: number | null;
  scroll: number | null;
}

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export class BookInReader {
  constructor(
    readonly page: Page,
    readonly errors: string[],
  ) {}

  /** Calls window.reader[method](...args) in the page. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    return this.page.evaluate(([m, a]) => (globalThis as any).reader[m as string](...(a as unknown[])), [method, args] as const) as Promise<T>;
  }

  state(): Promise<ReaderState> {
    return this.call('state');
  }

  /** The frame (iframe) showing the current section: Playwright finds it even inside foliate's closed shadow roots. */
  async sectionFrame(): Promise<Frame> {
    const { url } = await this.state();
    const frame = this.page.frames().find((f) => f.url() === url);
    if (!frame) throw new Error(`no frame shows ${url}`);
    return frame;
  }

  /**
   * Clicks the link holding `text` in the current section with the mouse, at its place on screen, as a person does
   * (the button held down for a tenth of a second: foliate scrolls to a link that takes focus, a frame after the
   * press), then waits for the reader to move.
   */
  async clickLink(text: string, selector = 'a'): Promise<ReaderState> {
    const before = await this.call<number>('navigations');
    const frame = await this.sectionFrame();
    await frame.locator(selector, { hasText: text }).first().click({ delay: 100 });
    await this.page.waitForFunction((n) => (globalThis as any).reader.navigations() > n, before, { timeout: 10_000 });
    await this.call('settle');
    return this.state();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
