/**
 * `TextObjects` writes what pdfkit's `_fragment` writes for the same string, byte for byte but for the glyphs, which
 * it writes as literal strings where pdfkit writes hex, and leaves the font's subset (glyph order, widths, ToUnicode)
 * as pdfkit leaves it. Each case draws the same strings into two fresh documents, one through pdfkit and one through
 * `TextObjects`, and compares the page's content (ours with its literal strings written as hex) and the fonts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import PDFDocument from 'pdfkit';
import { FileAssets } from '../../../src/assets';
import { FONT_KEYS, FontSet } from '../../../src/render/pdf/fonts';
import { glyphCode, TextObjects, type TextDoc } from '../../../src/render/pdf/text-object';
import { pdfPages } from '../../helpers/tools';

/** A string to draw: in a face and size, with word spacing (a justified run of words) and glyph scaling. */
interface Draw {
  font: (typeof FONT_KEYS)[number];
  size: number;
  text: string;
  x: number;
  y: number;
  wordSpacing?: number;
  scale?: number;
}

type Doc = PDFKit.PDFDocument & TextDoc & {
  _fragment(text: string, x: number, y: number, options: object): void;
  page: { content: { buffer: Uint8Array[] } };
  _font: { subset: { glyphs: number[] }; widths: number[]; unicode: number[][] };
};

const fonts = new FontSet(new FileAssets({ root: '.' }));

/** Content with each literal string, `(…)`, written as the hex string of the same bytes, `<…>`, as pdfkit writes it. */
function asHex(content: string): string {
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  let out = '';
  for (let i = 0; i < content.length; i++) {
    if (content[i] !== '(') {
      out += content[i];
      continue;
    }
    let bytes = '';
    for (i++; content[i] !== ')'; i++) {
      if (content[i] !== '\\') bytes += content[i];
      else if (/[0-7]/.test(content[++i])) {
        const octal = /^[0-7]{1,3}/.exec(content.slice(i))![0];
        bytes += String.fromCharCode(parseInt(octal, 8));
        i += octal.length - 1;
      } else bytes += escapes[content[i]];
    }
    out += `<${Buffer.from(bytes, 'latin1').toString('hex')}>`;
  }
  return out;
}

test('asHex reads literal strings with escapes as PDF readers do', () => {
  expect(asHex('[(\x00A\x00\\(\x00\\)\x00\\\\) -12 (\x00\\r\x00\\n\x01\\101) 0] TJ')).toBe('[<004100280029005c> -12 <000d000a0141> 0] TJ');
});

test('every glyph id is written as a literal string that reads back as its two bytes', () => {
  const wrong: number[] = [];
  for (let gid = 0; gid <= 0xffff; gid++) if (asHex(`(${glyphCode(gid)})`) !== `<${gid.toString(16).padStart(4, '0')}>`) wrong.push(gid);
  expect(wrong).toEqual([]);
  // The ids whose bytes need escaping are among them: parentheses, the backslash and the line ends, high byte or low.
  expect([0x28, 0x29, 0x5c, 0x0d, 0x0a, 0x2800, 0x5c5c].map(glyphCode)).toEqual(['\x00\\(', '\x00\\)', '\x00\\\\', '\x00\\r', '\x00\\n', '\\(\x00', '\\\\\\\\']);
});

/** Draws `draws` through pdfkit, or through `TextObjects` (given a string, or its words as `Canvas.words` gives them). */
function newDoc(compress = false): Doc {
  const doc = new PDFDocument({ autoFirstPage: false, compress, size: [419.53, 595.28], margin: 0, fontLayoutCache: false }) as unknown as Doc;
  for (const key of FONT_KEYS) doc.registerFont(key, fonts.fontkitFont(key) as unknown as Buffer);
  doc.addPage();
  return doc;
}

function drawAll(draws: readonly Draw[], ours: boolean, asWords = false): { content: string; subsets: unknown; fellBack: number } {
  const doc = newDoc();
  const objects = new TextObjects();
  let fellBack = 0;
  for (const d of draws) {
    doc.font(d.font).fontSize(d.size);
    const scale = d.scale ?? 1;
    const wordSpacing = d.wordSpacing ?? 0;
    const text = asWords && wordSpacing ? d.text.split(' ') : d.text;
    if (ours && objects.write(doc, text, d.x, d.y, wordSpacing, scale * 100)) continue;
    if (ours) fellBack++;
    doc._fragment(d.text, d.x, d.y, { baseline: 'alphabetic', wordSpacing, textWidth: 0, wordCount: 1, ...(scale === 1 ? {} : { horizontalScaling: scale * 100 }) });
  }
  const content = Buffer.concat(doc.page.content.buffer).toString('latin1');
  const subsets = FONT_KEYS.map((key) => {
    doc.font(key);
    const font = doc._font;
    return { glyphs: [...font.subset.glyphs], widths: [...font.widths], unicode: font.unicode.map((u) => (u ? [...u] : u)) };
  });
  return { content, subsets, fellBack };
}

const JUSTIFIED: Draw[] = [
  { font: 'serif-regular', size: 10, text: 'It was the AVATAR of Wavy Tom, Ahab’s whale-ship', x: 54, y: 100.25, wordSpacing: 0.8731 },
  { font: 'serif-regular', size: 10, text: 'office affluent flick “Quoth” —the ﬁnal', x: 54, y: 113.75, wordSpacing: 1e-6, scale: 1.012 },
  { font: 'serif-italic', size: 10, text: 'Pequod’s voyage: yet, AT LAST', x: 60.5, y: 127.25, wordSpacing: -0.412, scale: 0.988 },
  { font: 'serif-bold', size: 18, text: 'CHAPTER 1. Loomings.', x: 80, y: 60, wordSpacing: 2.5 },
];
const SINGLE: Draw[] = [
  { font: 'serif-regular', size: 10, text: 'Wavy', x: 54, y: 140 },
  { font: 'serif-bold-italic', size: 8.5, text: 'To, Ta. Yo!', x: 54, y: 150, scale: 1.02 },
  { font: 'serif-regular', size: 10, text: 'Wavy', x: 154, y: 140 },
  { font: 'serif-regular', size: 9, text: '  spaces kept ', x: 54, y: 160 },
];

test('a justified run of words, with kerning, ligatures, word spacing and glyph scaling, is written as pdfkit writes it', () => {
  const theirs = drawAll(JUSTIFIED, false);
  for (const ours of [drawAll(JUSTIFIED, true), drawAll(JUSTIFIED, true, true)]) {
    expect(ours.fellBack).toBe(0);
    expect(asHex(ours.content)).toBe(theirs.content);
    expect(ours.subsets).toEqual(theirs.subsets);
  }
  // The runs did set kerned and spaced glyphs apart: there is something to get wrong.
  expect(theirs.content).toMatch(/<[0-9a-f]+> -?\d+(\.\d+)?/);
  expect(theirs.content).toContain('101.2 Tz');
});

test('single strings, repeated, in other faces and sizes, with leading and trailing spaces', () => {
  const theirs = drawAll(SINGLE, false);
  const ours = drawAll(SINGLE, true);
  expect(ours.fellBack).toBe(0);
  expect(asHex(ours.content)).toBe(theirs.content);
  expect(ours.subsets).toEqual(theirs.subsets);
});

test('a word with a combining mark is left to pdfkit, which places the mark; the rest of the page is unchanged', () => {
  const draws: Draw[] = [JUSTIFIED[0], { font: 'serif-regular', size: 10, text: 'cafe\u0301 nai\u0308ve', x: 54, y: 170, wordSpacing: 0.5 }, SINGLE[0]];
  const theirs = drawAll(draws, false);
  const ours = drawAll(draws, true, true);
  expect(ours.fellBack).toBe(1);
  expect(asHex(ours.content)).toBe(theirs.content);
  expect(ours.subsets).toEqual(theirs.subsets);
});

/** The document's bytes, written to a file for poppler. */
async function saved(doc: Doc, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await done;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'quire-text-object-')), name);
  fs.writeFileSync(file, Buffer.concat(chunks));
  return file;
}

test('a line whose gaps differ is one text object, and poppler finds every word where it is drawn alone', async () => {
  // A justified line with TeX's space factor: wider gaps after the comma and the full stop, kerning, a ligature.
  const words = ['Whenever', 'I', 'find', 'myself', 'growing', 'grim,', 'about', 'the', 'mouth.', 'Then,', 'AVAST!'];
  const gaps = [3.1, 3.1, 3.1, 3.1, 3.1, 3.9, 3.1, 3.1, 5.6, 3.5];
  for (const [font, size, scale] of [['serif-regular', 10, 1.013], ['serif-italic', 9, 0.991], ['serif-bold', 10, 1]] as const) {
    const style = { font, size };
    const xs = [42];
    words.slice(1).forEach((_, k) => xs.push(xs[k] + fonts.width(words[k], style) * scale + gaps[k]));

    const ours = newDoc(true);
    ours.font(font).fontSize(size);
    expect(new TextObjects().writeWords(ours, words, gaps, xs[0], 100, scale * 100)).toBe(true);
    expect(Buffer.concat(ours.page.content.buffer).toString('latin1').match(/\bBT\b/g)).toHaveLength(1);

    // The reference: pdfkit draws each word alone at the place layout gave it.
    const alone = newDoc(true);
    alone.font(font).fontSize(size);
    words.forEach((word, k) =>
      alone._fragment(word, xs[k], 100, { baseline: 'alphabetic', textWidth: 0, wordCount: 1, ...(scale === 1 ? {} : { horizontalScaling: scale * 100 }) }),
    );

    const [ourPage] = pdfPages(await saved(ours, 'ours.pdf'));
    const [theirPage] = pdfPages(await saved(alone, 'alone.pdf'));
    // (pdftotext gives the "fi" ligature as one character, U+FB01.)
    expect(ourPage.words.map((w) => w.text.normalize('NFKC'))).toEqual(words);
    expect(theirPage.words.map((w) => w.text)).toEqual(ourPage.words.map((w) => w.text));
    ourPage.words.forEach((w, k) => {
      expect(w.xMin).toBeCloseTo(theirPage.words[k].xMin, 3);
      expect(w.xMax).toBeCloseTo(theirPage.words[k].xMax, 3);
      expect(w.xMin).toBeCloseTo(xs[k], 2);
    });
  }
});

test('a word pdfkit must place itself makes writeWords write nothing', () => {
  const doc = newDoc();
  doc.font('serif-regular').fontSize(10);
  expect(new TextObjects().writeWords(doc, ['plain', 'cafe\u0301', 'words'], [3, 3], 54, 100)).toBe(false);
  expect(Buffer.concat(doc.page.content.buffer).toString('latin1')).not.toContain('BT');
});

test('words in a face that has a shaper are encoded from its runs, a face without one by pdfkit, to the same bytes', () => {
  const words = 'It was the AVATAR of Wavy Tom, Ahab’s whale-ship; office affluent'.split(' ');
  const gaps = words.slice(1).map((_, k) => 2.5 + (k % 3) * 0.25);
  const write = (doc: Doc): { content: string; encodes: number } => {
    const font = doc._font as unknown as { encode: (...args: unknown[]) => unknown };
    const encode = font.encode.bind(font);
    let encodes = 0;
    font.encode = (...args: unknown[]) => (encodes++, encode(...args));
    expect(new TextObjects().writeWords(doc, words, gaps, 54, 100, 101)).toBe(true);
    return { content: Buffer.concat(doc.page.content.buffer).toString('latin1'), encodes };
  };
  // FontSet's faces have shapers (fonts.ts): pdfkit's encode is never called.
  const shaped = newDoc();
  shaped.font('serif-regular').fontSize(10);
  const fromRuns = write(shaped);
  expect(fromRuns.encodes).toBe(0);
  // The same font file registered with pdfkit directly has none: each distinct word goes through pdfkit's encode.
  const plain = newDoc();
  plain.registerFont('plain', fs.readFileSync(require.resolve('source-serif/TTF/SourceSerif4-Regular.ttf')));
  plain.font('plain').fontSize(10);
  const byPdfkit = write(plain);
  expect(byPdfkit.encodes).toBe(new Set(words).size);
  expect(fromRuns.content.replace(/\/F\d+ /g, '/F ')).toBe(byPdfkit.content.replace(/\/F\d+ /g, '/F '));
  expect(fromRuns.content).toMatch(/\([^)]+\) -?\d/);
  // (The font's name in the content differs: each document numbers its fonts in the order they were registered.)
  expect(shaped._font.subset.glyphs).toEqual(plain._font.subset.glyphs);
  expect(shaped._font.widths).toEqual(plain._font.widths);
  expect(shaped._font.unicode).toEqual(plain._font.unicode);
});
