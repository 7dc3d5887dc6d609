#!/usr/bin/env node
/**
 * Makes the README's pictures of `quire preview` in docs/images/: the sample book (manuscript/) with its first chapter
 * in the 6-inch e-reader frame and the PDF's spreads beside it (preview.png), and the error overlay after a broken
 * save, over the last good book in sepia (preview-error.png). Runs the compiled CLI on a temp copy of the manuscript
 * and drives Debian's Chromium (/usr/bin/chromium) through playwright-core; nothing is downloaded.
 * Run: npm run compile && node scripts/preview-pictures.js [OUT]   (OUT defaults to docs/images)
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '..');
const out = path.resolve(process.argv[2] ?? path.join(REPO, 'docs', 'images'));

(async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'quire-preview-pictures-'));
  const book = path.join(work, 'manuscript');
  fs.mkdirSync(book);
  fs.copyFileSync(path.join(REPO, 'manuscript', 'the-keeper-of-small-lights.txt'), path.join(book, 'the-keeper-of-small-lights.txt'));
  const child = spawn(process.execPath, [path.join(REPO, 'lib', 'cli', 'main.js'), 'preview', 'manuscript'], { cwd: work, env: { ...process.env, SOURCE_DATE_EPOCH: '0' } });
  child.stderr.pipe(process.stderr);
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const found = /^http:\/\/127\.0\.0\.1:\d+\/$/m.exec(text);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`quire preview exited with ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1720, height: 900 } });
    await page.goto(url);
    await page.evaluate(() => localStorage.clear());
    await page.waitForFunction(() => globalThis.quirePreview?.version > 0);
    const chapter = await page.$$eval('#toc option', (options) => options.find((o) => /Chapter 1/.test(o.textContent))?.value);
    await page.selectOption('#toc', chapter);
    await page.waitForFunction(() => /Chapter 1/.test(globalThis.quirePreview.location?.toc ?? ''));
    await page.selectOption('#pdf-zoom', '0.75');
    await page.waitForTimeout(1500);
    // The second spread of the PDF (pages 4 and 5), where the sample's story starts.
    await page.evaluate(async () => {
      const pages = [...document.querySelectorAll('#pdf-pages .page')];
      const start = pages.find((p) => Number(p.dataset.page) % 2 === 0 && Number(p.dataset.page) >= 4) ?? pages[0];
      document.querySelector('#pdf-pane').scrollTo(0, start.offsetTop - 16);
    });
    await page.waitForTimeout(1500);
    fs.mkdirSync(out, { recursive: true });
    await page.screenshot({ path: path.join(out, 'preview.png') });

    await page.selectOption('#theme', 'sepia');
    const file = path.join(book, 'the-keeper-of-small-lights.txt');
    const good = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(path.join(book, 'book.yaml'), 'title: The Keeper of Small Lights\nquire:\n  page-size: [a5\n');
    await page.waitForSelector('#overlay:not([hidden])', { timeout: 20000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(out, 'preview-error.png') });
    fs.writeFileSync(file, good);
  } finally {
    await browser.close();
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    fs.rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${path.join(out, 'preview.png')}\n${path.join(out, 'preview-error.png')}\n`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
