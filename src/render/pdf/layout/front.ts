/** The pages before the story: title page, disclaimer, dedication, other front matter and the table of contents. */
import { hasCopyrightPage } from '../../../model/build-helpers';
import type { Book, Matter } from '../../../model/types';
import { copyrightFacts, titlePageFacts } from '../../facts';
import { layoutBlocks } from './blocks';
import { bodyStyle, wordsOfText, type LayoutEnv } from './env';
import { centred, spacer } from './lines';
import { templatePage } from './page-template';
import { setParagraph } from './paragraph';
import { adopt, tag } from './tags';
import type { FlowBlock, FlowBox, FontKey, Mark, PageStart } from './types';

const PLAIN: PageStart = { numbering: 'roman', plainFirst: true, plain: true };

/** The short rule between the text and the footnotes, with half a line of space above and a quarter below. */
export function noteSeparator(env: LayoutEnv): FlowBox {
  const leading = env.theme.body.leading;
  return { height: leading * 0.75, ops: [{ type: 'rule', x1: 0, y1: leading / 2, x2: env.measure * 0.25, y2: leading / 2, width: 0.4 }] };
}

/** The title page, from `templates/pdf/title-page.ejs`: title, subtitle, authors, rating, fandoms, words, summary. */
export function titlePage(book: Book, env: LayoutEnv): FlowBlock {
  const { meta } = book;
  const summary = book.front.find((m) => m.role === 'summary');
  const facts = titlePageFacts(book, env.locale);
  const data = {
    meta: {
      title: meta.title,
      subtitle: meta.subtitle ?? '',
      authors: meta.authors.map((a) => a.name),
      rating: meta.rating ?? '',
      fandoms: meta.fandoms,
      words: facts.find((f) => f.key === 'words')?.value ?? '',
    },
    facts,
    hasSummary: Boolean(summary || meta.summary),
  };
  const boxes = templatePage('title-page', data, {
    title: (font, scale, inset) => centred(meta.title, scale, font, env, inset),
    subtitle: (font, scale, inset) => (meta.subtitle ? centred(meta.subtitle, scale, font, env, inset) : []),
    summary: (font, scale, inset) => {
      if (summary) return layoutBlocks(summary.children, { left: inset, right: inset, scale, indentFirst: false }, env).flatMap((b) => b.boxes);
      return meta.summary ? centred(meta.summary, scale, font, env, inset) : [];
    },
  }, env);
  return { boxes, spaceBefore: 0, spaceAfter: 0, splittable: true, breakBefore: { ...PLAIN, restart: true } };
}

/**
 * The copyright page, from `templates/pdf/copyright.ejs`, on the title page's verso: only when the book has rights, a
 * publisher, its own identifier or a date. Set at the foot of the page, as a book's verso is: the space above it
 * fills the text block (none when the page is full).
 */
export function copyrightPage(book: Book, env: LayoutEnv): FlowBlock[] {
  const { meta } = book;
  const { locale } = env;
  if (!hasCopyrightPage(book)) return [];
  const facts = new Map(copyrightFacts(meta, locale).map((f) => [f.key, f.label + locale.labels.colon + f.value]));
  const data = {
    meta: {
      title: meta.title,
      authors: meta.authors.map((a) => a.name),
      rights: meta.rights?.trim() ?? '',
      publisher: facts.get('publisher') ?? '',
      date: facts.get('published') ?? '',
      identifier: facts.get('identifier') ?? '',
    },
  };
  const boxes = templatePage('copyright', data, {
    title: (font, scale, inset) => centred(meta.title, scale, font, env, inset),
  }, env);
  const height = boxes.reduce((sum, box) => sum + box.height, 0);
  // A point to spare, so that rounding never pushes the last line over the page.
  const above = env.textHeight - height - 1;
  if (above > 0) boxes.unshift(spacer(above));
  return [{ boxes, spaceBefore: 0, spaceAfter: 0, splittable: true, breakBefore: PLAIN }];
}

/**
 * A front-matter page of one role, from `templates/pdf/<role>.ejs`: its matter if the book has one, else the
 * metadata string (disclaimer, dedication). Paragraphs are set centred in the template's face; other blocks (lists,
 * quotes) keep their own layout.
 */
export function matterPage(book: Book, role: 'disclaimer' | 'dedication', env: LayoutEnv): FlowBlock[] {
  const matter = book.front.find((m) => m.role === role);
  const text = role === 'disclaimer' ? book.meta.disclaimer : book.meta.dedication;
  if (!matter && !text) return [];
  const content = (font: FontKey, scale: number, inset: number): FlowBox[] => {
    if (!matter) return centred(text!, scale, font, env, inset);
    const boxes: FlowBox[] = [];
    for (const block of matter.children) {
      if (block.type === 'paragraph') boxes.push(...centred(block.children, scale, font, env, inset), spacer(env.theme.body.leading / 2));
      else for (const b of layoutBlocks([block], { left: 0, right: 0, scale, indentFirst: false }, env)) boxes.push(...b.boxes);
    }
    return boxes;
  };
  const boxes = templatePage(role, {}, { [role]: content }, env);
  return [{ boxes, spaceBefore: 0, spaceAfter: 0, splittable: true, breakBefore: PLAIN }];
}

/** Any other matter page (epigraph, foreword, afterword, notes): its title, then its blocks, from a new page. */
export function otherMatter(matter: Matter, env: LayoutEnv, numbering: PageStart['numbering'], mark?: Mark): FlowBlock[] {
  const title = matter.title?.length ? centred(matter.title, env.theme.chapterTitle.size / env.theme.body.size, 'serif-bold', env) : [];
  const head: FlowBlock = {
    boxes: [spacer(env.theme.body.leading * 2), ...title, spacer(env.theme.body.leading)],
    spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
    breakBefore: { numbering, plainFirst: true },
    marks: mark ? [mark] : undefined,
  };
  return [head, ...layoutBlocks(matter.children, { left: 0, right: 0, scale: 1, indentFirst: false }, env)];
}

/** One line of the table of contents. */
export interface TocEntry {
  id: string;
  title: string;
  level: number;
}

/** The table of contents: titles left, page numbers right (filled in after pagination through `pageRef` ops). */
export function contents(entries: readonly TocEntry[], env: LayoutEnv): FlowBlock[] {
  const head: FlowBlock = {
    boxes: [spacer(env.theme.body.leading * 2), ...centred(env.locale.labels.contents, 1.4, 'serif-bold', env), spacer(env.theme.body.leading)],
    spaceBefore: 0, spaceAfter: 0, splittable: false, keepWithNext: true,
    breakBefore: { numbering: 'roman', plainFirst: true },
  };
  const style = bodyStyle(env);
  const reserve = env.fonts.width('0000', style);
  const blocks = entries.map((entry): FlowBlock => {
    const font: FontKey = entry.level === 0 && entries.some((e) => e.level > 0) ? 'serif-bold' : 'serif-regular';
    const indent = entry.level * env.theme.body.size * 1.5;
    const lines = setParagraph(wordsOfText(entry.title, { ...style, font }), {
      width: env.measure - reserve, indent, hang: env.theme.body.size, align: 'left', leading: env.theme.body.leading,
    }, env.fonts);
    const last = lines[lines.length - 1];
    const text = last.ops.find((op) => op.type === 'text');
    const baseline = text?.type === 'text' ? text.baseline : last.height * 0.75;
    last.ops.push({ type: 'pageRef', target: entry.id, style, right: env.measure, baseline });
    // Dot leaders from the title to the page number guide the eye (and tell the line apart from body text).
    const end = Math.max(0, ...last.ops.map((op) => (op.type === 'text' ? op.x + op.width : 0)));
    const dot = env.fonts.width('.\u2009', style);
    const count = Math.floor((env.measure - reserve - end - dot) / dot);
    if (count >= 2) {
      const leader = '.\u2009'.repeat(count).trimEnd();
      const width = env.fonts.width(leader, style);
      last.ops.push({ type: 'text', text: leader, style, x: env.measure - reserve - width, baseline, width });
    }
    return { boxes: lines, spaceBefore: entry.level === 0 ? env.theme.body.leading / 3 : 0, spaceAfter: 0, splittable: false };
  });
  const toc = tag('TOC');
  for (const block of blocks) adopt([block], { ...tag('TOCI'), parent: toc });
  adopt([head], tag('H1'));
  return [head, ...blocks];
}
