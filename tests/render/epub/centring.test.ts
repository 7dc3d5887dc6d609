/// <reference lib="dom" />
/**
 * Front matter stays centred in reading systems that restyle paragraphs. Foliate, KOReader and Kobo inject
 * `p { text-align: justify }`; an element that is centred only because its container is (`.title-page`,
 * `.dedication`) then falls flush left under a centred heading. Every paragraph, heading or div that is meant to be
 * centred must have a `text-align` rule of its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { sampleBook } from '../../helpers/sample-book';
import { tempDir, unzip } from '../../helpers/tools';
import { renderBook } from './render-helpers';

const TEMPLATES = path.resolve(__dirname, '..', '..', '..', 'templates', 'epub');
const CSS = fs.readFileSync(path.join(TEMPLATES, 'style.css'), 'utf8');

/** Elements reading systems are known to restyle (their text-align or text-indent). */
const RESTYLED = /^(?:p|h[1-6]|div|figcaption|blockquote)$/;

/** The stylesheet's rules as (selector, text-align) pairs, one per selector of a rule that sets `text-align`. */
function textAlignRules(css: string): { selector: string; align: string }[] {
  const out: { selector: string; align: string }[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
    const align = /(?:^|;)\s*text-align\s*:\s*([\w-]+)/.exec(m[2])?.[1];
    if (align) for (const selector of m[1].split(',')) out.push({ selector: selector.trim(), align });
  }
  return out;
}

/** An element as the test sees it: its tag and classes. */
interface El {
  tag: string;
  classes: string[];
}

/** Whether a compound selector (`p`, `.x`, `p.x`, `.x.y`) matches an element. */
function compoundMatches(compound: string, el: El): boolean {
  const m = /^([a-z][a-z0-9]*|\*)?((?:\.[\w-]+)*)$/i.exec(compound);
  if (!m || (!m[1] && !m[2])) return false;
  if (m[1] && m[1] !== '*' && m[1] !== el.tag) return false;
  return m[2].split('.').filter(Boolean).every((c) => el.classes.includes(c));
}

/** Whether a selector matches `el` inside `ancestors` (descendant and child combinators, both read as descendant). */
function selectorMatches(selector: string, el: El, ancestors: El[]): boolean {
  const parts = selector.replace(/\s*>\s*/g, ' ').split(/\s+/);
  if (parts.some((p) => /[+~:[]/.test(p))) return false; // sibling and pseudo selectors: not an element's own rule here
  if (!compoundMatches(parts[parts.length - 1], el)) return false;
  let i = ancestors.length - 1;
  for (let k = parts.length - 2; k >= 0; k--) {
    while (i >= 0 && !compoundMatches(parts[k], ancestors[i])) i--;
    if (i < 0) return false;
    i--;
  }
  return true;
}

/** The element's own `text-align` (the last matching rule's; specificity is not needed for this stylesheet), if any. */
function ownAlign(rules: { selector: string; align: string }[], el: El, ancestors: El[]): string | undefined {
  let align: string | undefined;
  for (const rule of rules) if (selectorMatches(rule.selector, el, ancestors)) align = rule.align;
  return align;
}

/**
 * The elements of a template in document order with their ancestors. EJS output tags become a placeholder word;
 * `<%- body %>`-style insertions of XHTML become a `p` (what the serialiser writes there).
 */
function templateElements(text: string): { el: El; ancestors: El[] }[] {
  const markup = text
    .replace(/<%#[\s\S]*?%>/g, '')
    .replace(/<%-\s*(body|summary|notes)\s*-?%>/g, '<p></p>')
    .replace(/<%=[\s\S]*?%>/g, 'x')
    .replace(/<%[\s\S]*?%>/g, '');
  const out: { el: El; ancestors: El[] }[] = [];
  const stack: El[] = [{ tag: 'body', classes: [] }];
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, closing, tag, attrs, selfClosing] = m;
    if (closing) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const el: El = { tag, classes: (/\bclass="([^"]*)"/.exec(attrs)?.[1] ?? '').split(/\s+/).filter(Boolean) };
    out.push({ el, ancestors: [...stack] });
    if (!selfClosing && !['img', 'br', 'image', 'link', 'meta'].includes(tag)) stack.push(el);
  }
  return out;
}

const rules = textAlignRules(CSS);
const templates = fs.readdirSync(TEMPLATES).filter((f) => f.endsWith('.ejs') && !f.endsWith('.xhtml.ejs') && !f.endsWith('.opf.ejs') && !f.endsWith('.ncx.ejs'));

test('the stylesheet parser sees the rules it must (a check of the check)', () => {
  expect(rules.find((r) => r.selector === 'body')?.align).toBe('justify');
  expect(ownAlign(rules, { tag: 'p', classes: [] }, [{ tag: 'body', classes: [] }])).toBeUndefined();
  expect(ownAlign(rules, { tag: 'h1', classes: [] }, [])).toBe('center');
  // A centred container: the property a child would inherit and a reading system overrides.
  expect(ownAlign(rules, { tag: 'section', classes: ['dedication'] }, [])).toBe('center');
  expect(templates).toEqual(expect.arrayContaining(['title-page.ejs', 'dedication.ejs', 'part-title.ejs']));
});

test.each(templates.map((t) => [t]))('%s: no paragraph, heading or div is centred only by inheritance', (name) => {
  const elements = templateElements(fs.readFileSync(path.join(TEMPLATES, name), 'utf8'));
  const inherited: string[] = [];
  for (const { el, ancestors } of elements) {
    if (!RESTYLED.test(el.tag) || ownAlign(rules, el, ancestors) !== undefined) continue;
    // The nearest ancestor that sets text-align decides what this element would show, if the reader left it alone.
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const align = ownAlign(rules, ancestors[i], ancestors.slice(0, i));
      if (align === undefined) continue;
      if (align === 'center') inherited.push(`${el.tag}${el.classes.map((c) => `.${c}`).join('')} in ${ancestors.slice(1).map((a) => `${a.tag}.${a.classes.join('.')}`).join(' > ')}`);
      break;
    }
  }
  expect(inherited).toEqual([]);
});

describe('in Chromium, with a reading system\'s `p { text-align: justify }` added', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
    const book = sampleBook();
    // Long enough to wrap: the dedication's centring shows on every line, not only on a short last one.
    book.meta.dedication = 'For everyone who keeps a light on in a window for someone still out on the water after dark.';
    book.front = book.front.filter((m) => m.role !== 'dedication');
    const r = await renderBook(book);
    dir = tempDir('quire-centring-');
    for (const [name, bytes] of await unzip(r.data)) {
      if (!name.startsWith('OEBPS/')) continue;
      const file = path.join(dir, name.slice('OEBPS/'.length));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, bytes);
    }
    fs.appendFileSync(path.join(dir, 'style.css'), '\np { text-align: justify; }\n');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** For each element matching `selector`: the space left and right of its text, in CSS pixels, per line box. */
  async function margins(file: string, selector: string, width = 600): Promise<{ left: number; right: number }[][]> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`file://${path.join(dir, file)}`);
    const out = await page.$$eval(selector, (els) =>
      els.map((el) => {
        const box = el.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        return Array.from(range.getClientRects()).filter((r) => r.width > 1).map((r) => ({ left: r.left - box.left, right: box.right - r.right }));
      }),
    );
    await page.close();
    return out;
  }

  test('the author line and the subtitle are centred under the title', async () => {
    for (const selector of ['.book-authors', '.book-subtitle']) {
      const [lines] = await margins('title-page.xhtml', selector);
      expect(lines.length).toBeGreaterThan(0);
      for (const { left, right } of lines) {
        expect(left).toBeGreaterThan(20); // not flush left
        expect(Math.abs(left - right)).toBeLessThan(2);
      }
    }
  });

  test('every line of the dedication is centred', async () => {
    const paragraphs = await margins('dedication.xhtml', '.dedication p', 400);
    const lines = paragraphs.flat();
    expect(lines.length).toBeGreaterThan(1);
    const last = paragraphs[paragraphs.length - 1];
    // Justified text would fill its first lines edge to edge and leave the last flush left; centred, each line has
    // equal space either side (a few pixels for a line's trailing space).
    for (const { left, right } of last) expect(Math.abs(left - right)).toBeLessThan(6);
    expect(last[last.length - 1].left).toBeGreaterThan(20);
  });

  test('the cover fits one screen, portrait or landscape, with no scrolling', async () => {
    for (const viewport of [{ width: 600, height: 900 }, { width: 1000, height: 600 }]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`file://${path.join(dir, 'cover.xhtml')}`);
      const { scroll, image } = await page.evaluate(() => {
        const r = document.querySelector('svg image, img')!.getBoundingClientRect();
        return { scroll: document.scrollingElement!.scrollHeight, image: { top: r.top, bottom: r.bottom, left: r.left, right: r.right } };
      });
      await page.close();
      expect(scroll).toBeLessThanOrEqual(viewport.height);
      expect(image.top).toBeGreaterThanOrEqual(0);
      expect(image.bottom).toBeLessThanOrEqual(viewport.height + 0.5);
      expect(image.right).toBeLessThanOrEqual(viewport.width + 0.5);
      // It fills the screen in one direction at least: the viewBox scales it up to fit, not just caps it.
      expect(Math.max(image.bottom - image.top - viewport.height * 0.95, image.right - image.left - viewport.width * 0.85)).toBeGreaterThan(0);
    }
  });
});
