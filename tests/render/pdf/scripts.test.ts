/**
 * Scripts the serif lacks: per-run fallback fonts (polytonic Greek, Hebrew, Arabic, Japanese, Korean, Chinese),
 * right-to-left paragraphs, CJK line breaking, and characters no font has. Checked in the PDF with poppler
 * (pdffonts, pdftotext) and qpdf, and in the layout's own positions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAssets } from '../../../src/assets';
import { read } from '../../../src/build';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { FontSet } from '../../../src/render/pdf/fonts';
import { toWords } from '../../../src/render/pdf/layout/collect';
import { mirrorBox } from '../../../src/render/pdf/layout/mirror';
import { setParagraph, type ParagraphSpec } from '../../../src/render/pdf/layout/paragraph';
import type { DrawOp, FlowBox, TextStyle } from '../../../src/render/pdf/layout/types';
import { pdfFonts, pdfPages, pdfText, qpdfCheck, tempDir } from '../../helpers/tools';
import { renderPdf } from './helpers';
import { decideLanguage } from '../../../src/locale';

type TextOp = Extract<DrawOp, { type: 'text' }>;
const texts = (box: FlowBox) => box.ops.filter((op): op is TextOp => op.type === 'text');
const regular: TextStyle = { font: 'serif-regular', size: 10 };
const spec = (width: number, extra: Partial<ParagraphSpec> = {}): ParagraphSpec => ({ width, align: 'justify', leading: 13, ...extra });
const assets = new FileAssets({ root: path.resolve(__dirname, '..', '..', 'fixtures') });

const RUSSIAN = 'Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по своему.';
const GREEK = 'Ἄνδρα μοι ἔννεπε, Μοῦσα, πολύτροπον, ὃς μάλα πολλὰ πλάγχθη.';
const HEBREW = 'בראשית ברא אלהים את השמים ואת הארץ. והארץ היתה תהו ובהו וחשך על פני תהום ורוח אלהים מרחפת על פני המים.';
const ARABIC = 'في البدء خلق الله السماوات والأرض. وكانت الأرض خربة وخالية وعلى وجه الغمر ظلمة وروح الله يرف على وجه المياه.';
const JAPANESE = '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
const KOREAN = '대한민국의 수도는 서울입니다.';
const CHINESE = '我们说中文，这是一个测试。';

const MANUSCRIPT = `---
title: Scripts
author: Test Author
language: en
---

# Many scripts

${RUSSIAN}

${GREEK}

He said שלום עולם to me, twice.

${JAPANESE}

${KOREAN} ${CHINESE}

A unicorn 🦄 has no glyph.
`;

/** A one-chapter book in `language` whose story is `paragraphs`. */
const story = (language: string, title: string, paragraphs: readonly string[]) =>
  `---\ntitle: ${title}\nauthor: Test Author\nlanguage: ${language}\n---\n\n# ${title}\n\n${paragraphs.join('\n\n')}\n`;

/**
 * pdftotext's text with its bidi embedding marks removed and white space collapsed. poppler reads a right-to-left
 * line in logical order, but sets a full stop that a font of its own draws apart as a left-to-right run (" .word"):
 * that spacing is put back.
 */
const flat = (text: string) =>
  text
    .replace(/[\u202a-\u202e]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])(?=\S)/g, '$1 ');
/** …and with no white space at all (CJK lines are joined without a space). */
const tight = (text: string) => flat(text).replace(/ /g, '');

/** Every word of a PDF with its page (from 1) and horizontal extent. */
const pdfWords = (file: string) => pdfPages(file).flatMap((page, i) => page.words.map((word) => ({ ...word, page: i + 1 })));

/** Builds a manuscript into a PDF; its file, its text and the build's messages. */
async function buildPdf(manuscript: string): Promise<{ file: string; text: string; report: CollectingReporter }> {
  const dir = tempDir('quire-scripts-');
  fs.writeFileSync(path.join(dir, 'book.md'), manuscript);
  const result = await renderPdf(read(path.join(dir, 'book.md')));
  const file = path.join(dir, 'book.pdf');
  fs.writeFileSync(file, result.data);
  return { file, text: pdfText(file), report: result.ctx.report };
}

describe('scripts beyond Latin, Greek and Cyrillic', () => {
  let mixed: Awaited<ReturnType<typeof buildPdf>>;
  let hebrew: Awaited<ReturnType<typeof buildPdf>>;
  let arabic: Awaited<ReturnType<typeof buildPdf>>;

  beforeAll(async () => {
    mixed = await buildPdf(MANUSCRIPT);
    hebrew = await buildPdf(story('he', 'בראשית', [HEBREW, HEBREW]));
    arabic = await buildPdf(story('ar', 'التكوين', [ARABIC, ARABIC]));
  });

  it('embeds and subsets a fallback font for each script the serif lacks', () => {
    const names: string[] = [];
    for (const { file } of [mixed, hebrew, arabic]) {
      const fonts = pdfFonts(file);
      for (const font of fonts) expect(font).toMatchObject({ embedded: true, subset: true });
      names.push(...fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')));
      expect(qpdfCheck(file).status).toBe(0);
    }
    for (const family of ['SourceSerif4-Regular', 'NotoSerif-Regular', 'NotoSerifHebrew-Regular', 'Amiri-Regular', 'NotoSansJP-Regular', 'NotoSansKR-Regular', 'NotoSansHans-Regular']) {
      expect(names).toContain(family);
    }
  });

  it('gives Russian, Greek, Japanese, Korean and Chinese back intact through pdftotext', () => {
    expect(flat(mixed.text)).toContain(RUSSIAN);
    expect(flat(mixed.text)).toContain(GREEK);
    expect(tight(mixed.text)).toContain(JAPANESE);
    expect(tight(mixed.text)).toContain(tight(`${KOREAN}${CHINESE}`));
    expect(flat(mixed.text)).toMatch(/He said ?שלום עולם ?to me, twice\./);
  });

  it('gives Hebrew and Arabic books back intact, in logical order', () => {
    expect(flat(hebrew.text)).toContain(`${HEBREW} ${HEBREW}`);
    expect(flat(arabic.text)).toContain(`${ARABIC} ${ARABIC}`);
    expect([...hebrew.report.messages, ...arabic.report.messages]).toEqual([]);
  });

  it('reads the direction from the book’s locale, as the EPUB does: Sorani right to left, Kurmanji left to right, `dir:` over both', async () => {
    const direction = async (front: string) => {
      const { file } = await buildPdf(`---\ntitle: T\n${front}\n---\n\n# One\n\nText.\n`);
      return /\/Direction \/R2L/.test(fs.readFileSync(file, 'latin1')) ? 'rtl' : 'ltr';
    };
    expect(await direction('language: ckb')).toBe('rtl');
    expect(await direction('language: ku')).toBe('ltr');
    expect(await direction('language: en\ndir: rtl')).toBe('rtl');
  });

  it('lays out a right-to-left book’s contents and running heads from the right', async () => {
    const long = Array.from({ length: 12 }, () => `${HEBREW} ${HEBREW}`);
    const list = '1. פריט ראשון\n2. פריט שני';
    const manuscript = `---\ntitle: ספר הבדיקה\nauthor: Test Author\nlanguage: he\n---\n\n# פרק ראשון\n\n${HEBREW}\n\n${list}\n\n${long.join('\n\n')}\n\n# פרק שני\n\n${long.join('\n\n')}\n`;
    const { file, report: messages } = await buildPdf(manuscript);
    expect(messages.messages).toEqual([]);
    // Spreads read right to left.
    expect(fs.readFileSync(file, 'latin1')).toMatch(/\/Direction \/R2L/);
    // A list's numbers hang on the right of its items, and read right to left (-bbox gives a right-to-left word's
    // letters in visual order).
    const words = pdfWords(file);
    const item = words.find((w) => w.text === [...'פריט'].reverse().join(''))!;
    const marker = words.find((w) => w.text === '.1' && w.page === item.page)!;
    expect(marker.xMin).toBeGreaterThan(item.xMax);
    const pages = pdfText(file).split('\f').map(flat);
    // Contents (headed in Hebrew): poppler reads the page right to left, so the title, the leaders, then the number on the left.
    const toc = pages.find((page) => page.includes('תוכן העניינים'));
    expect(toc).toMatch(/פרק ראשון( \.){3,} ?\d+ פרק שני( \.){3,} ?\d+/);
    // Running heads: the book's title with its words in order, on pages that are not chapter openings.
    const headed = pages.filter((page) => page.trim().startsWith('ספר הבדיקה') && !page.includes('פרק'));
    expect(headed.length).toBeGreaterThan(2);
  });

  it('warns at its place about a character no font has, and draws nothing for it', () => {
    const warnings = mixed.report.messages.filter((m) => m.rule === 'glyph-missing');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('U+1F984');
    expect(warnings[0].position?.start.line).toBe(MANUSCRIPT.split('\n').findIndex((l) => l.includes('unicorn')) + 1);
    expect(flat(mixed.text)).toContain('A unicorn has no glyph.');
    expect(mixed.report.messages.filter((m) => m.rule !== 'glyph-missing')).toEqual([]);
  });
});

describe('FontSet fallback', () => {
  const fonts = new FontSet(assets, decideLanguage({ language: 'en' }));

  it('keeps text the serif covers in one run, and cuts the rest into runs by face', () => {
    expect(fonts.segments('Москва, Δελφοί', 'serif-regular')).toEqual([{ text: 'Москва, Δελφοί', face: 'serif-regular' }]);
    expect(fonts.segments('שלום,', 'serif-bold')).toEqual([
      { text: 'שלום', face: 'hebrew-bold' },
      { text: ',', face: 'serif-bold' },
    ]);
    expect(fonts.segments('Ἄνδρα', 'serif-italic')).toEqual([
      { text: 'Ἄ', face: 'greek-italic' },
      { text: 'νδρα', face: 'serif-italic' },
    ]);
    // Pointed Hebrew: the points stay with their letter, whichever face has them.
    expect(fonts.segments('בְּרֵאשִׁית', 'serif-regular')).toEqual([{ text: 'בְּרֵאשִׁית', face: 'hebrew-regular' }]);
    expect(fonts.segments('x🦄y', 'serif-regular')).toEqual([
      { text: 'x', face: 'serif-regular' },
      { text: '🦄', face: undefined },
      { text: 'y', face: 'serif-regular' },
    ]);
  });

  it('measures fallback text with its own face, so a line of it still fits the measure', () => {
    const width = fonts.width('吾輩は猫', regular);
    expect(width).toBeCloseTo(40, 0); // four full-width characters at 10 pt
    expect(fonts.width('🦄', regular)).toBe(0);
  });

  it('takes Han glyphs from the book’s own locale first', () => {
    expect(new FontSet(assets, decideLanguage({ language: 'zh-Hans' })).segments('中文', 'serif-regular')[0].face).toBe('sc-regular');
    expect(new FontSet(assets, decideLanguage({ language: 'ja' })).segments('中文', 'serif-regular')[0].face).toBe('jp-regular');
    expect(new FontSet(assets, decideLanguage({ language: 'ko' })).segments('中文', 'serif-regular')[0].face).toBe('kr-regular');
  });
});

describe('right-to-left paragraphs', () => {
  const fonts = new FontSet(assets, decideLanguage({ language: 'en' }));
  const width = 240;

  it('sets a Hebrew paragraph from the right: first word at the right margin, indent and short last line on the right', () => {
    const lines = setParagraph(toWords([{ text: `${HEBREW} ויאמר אלהים יהי אור.`, style: regular }]), spec(width, { firstIndent: 15 }), fonts);
    expect(lines.length).toBeGreaterThan(1);
    const first = texts(lines[0]);
    const words = HEBREW.split(' ');
    // The first logical word is the rightmost, the indent's width short of the margin.
    const firstWord = first.find((op) => op.text === words[0]);
    expect(firstWord).toBeDefined();
    expect(firstWord!.x + firstWord!.width).toBeCloseTo(width - 15, 3);
    for (const op of first) {
      expect(op.rtl).toBe(true);
      expect(op.x).toBeGreaterThanOrEqual(-0.01);
      expect(op.x + op.width).toBeLessThanOrEqual(width - 15 + 0.01);
    }
    // Logical order runs right to left.
    const xs = first.map((op) => op.x);
    expect([...xs].sort((a, b) => b - a)).toEqual(xs.slice().sort((a, b) => b - a));
    const order = first.map((op) => words.indexOf(op.text)).filter((i) => i >= 0);
    const byX = [...first].sort((a, b) => b.x - a.x).map((op) => words.indexOf(op.text)).filter((i) => i >= 0);
    expect(byX).toEqual([...order].sort((a, b) => a - b));
    // The last line keeps natural spacing and ends at the right margin; its left end is free.
    const last = texts(lines[lines.length - 1]);
    expect(Math.max(...last.map((op) => op.x + op.width))).toBeCloseTo(width, 3);
    expect(Math.min(...last.map((op) => op.x))).toBeGreaterThan(width / 4);
  });

  it('reverses a Hebrew phrase inside an English line, and only it', () => {
    const [line] = setParagraph(toWords([{ text: 'He said שלום עולם to me.', style: regular }]), spec(400, { align: 'left' }), fonts);
    const ops = texts(line);
    expect(ops.map((op) => op.text)).toEqual(['He', 'said', 'עולם', 'שלום', 'to', 'me.']);
    expect(ops.map((op) => Boolean(op.rtl))).toEqual([false, false, true, true, false, false]);
    for (let i = 1; i < ops.length; i++) expect(ops[i].x).toBeGreaterThan(ops[i - 1].x + ops[i - 1].width);
  });

  it('keeps punctuation after a Hebrew word on its left, and numbers left to right', () => {
    const [line] = setParagraph(toWords([{ text: 'שלום, 123 עולם.', style: regular }]), spec(300, { align: 'left' }), fonts);
    // Visual order, left to right: "עולם." (with its full stop on the left), then 123, then "שלום,".
    const ops = texts(line).sort((a, b) => a.x - b.x);
    expect(ops.map((op) => [op.text, Boolean(op.rtl)])).toEqual([
      ['עולם.', true],
      ['123', false],
      ['שלום,', true],
    ]);
  });

  it('sets every paragraph of a right-to-left book from the right, even one that starts with a Latin word', () => {
    const hebrewBook = new FontSet(assets, decideLanguage({ language: 'he' }));
    const [line] = setParagraph(toWords([{ text: 'Quire היא תוכנה.', style: regular }]), spec(300, { align: 'justify' }), hebrewBook);
    // The book is laid out mirrored and flipped whole once laid out.
    const ops = texts(mirrorBox(line, 300));
    expect(Math.max(...ops.map((op) => op.x + op.width))).toBeCloseTo(300, 3);
    const quire = ops.find((op) => op.text === 'Quire')!;
    expect(quire.x).toBe(Math.max(...ops.map((op) => op.x)));
  });
});

describe('CJK line breaking', () => {
  const fonts = new FontSet(assets, decideLanguage({ language: 'ja' }));
  const width = 150;
  const lines = setParagraph(toWords([{ text: JAPANESE, style: regular }]), spec(width), fonts);
  const lineText = (box: FlowBox) => texts(box).map((op) => op.text).join('');

  it('breaks between characters where no space is, filling each line to the measure', () => {
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.map(lineText).join('')).toBe(JAPANESE);
    for (const line of lines.slice(0, -1)) {
      const right = Math.max(...texts(line).map((op) => op.x + op.width));
      expect(right).toBeCloseTo(width, 3);
    }
  });

  it('never starts a line with closing punctuation or a small kana, nor ends one with an opening bracket', () => {
    for (const line of lines.slice(1)) expect(lineText(line)).not.toMatch(/^[、。」』）ゃゅょっャュョッー]/u);
    const quoted = setParagraph(toWords([{ text: `「${JAPANESE}」「${JAPANESE}」`, style: regular }]), spec(width), fonts);
    for (const line of quoted.slice(0, -1)) expect(lineText(line)).not.toMatch(/[「（]$/u);
  });
});
