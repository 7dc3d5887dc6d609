/** The pages before the story: title page, disclaimer, dedication, other front matter and the table of contents. */
import type { Book, Inline, Matter, MatterRole } from '../../../model/types';
import { layoutBlocks, leadingOf } from './blocks';
import { bodyStyle, wordsOf, wordsOfText, type LayoutEnv } from './env';
import { setParagraph } from './paragraph';
import { adopt, tag } from './tags';
import type { FlowBlock, FlowBox, FontKey, Mark, PageStart } from './types';

const PLAIN: PageStart = { numbering: 'roman', plainFirst: true, plain: true };

/** Empty vertical space that, unlike `spaceBefore`, survives at the top of a page. */
export function spacer(height: number): FlowBox {
  return { height, ops: [] };
}

/** The short rule between the text and the footnotes, with half a line of space above and a quarter below. */
export function noteSeparator(env: LayoutEnv): FlowBox {
  const leading = env.theme.body.leading;
  return { height: leading * 0.75, ops: [{ type: 'rule', x1: 0, y1: leading / 2, x2: env.measure * 0.25, y2: leading / 2, width: 0.4 }] };
}

/** Centred lines of inline content in one style. */
export function centred(content: readonly Inline[] | string, scale: number, font: FontKey, env: LayoutEnv, inset = 0): FlowBox[] {
  const style = { ...bodyStyle(env, 1, font), size: env.theme.body.size * scale };
  const words = typeof content === 'string' ? wordsOfText(content, style) : wordsOf(content, style, env);
  return setParagraph(words, { width: env.measure - inset, indent: inset, align: 'center', leading: leadingOf(env, scale) }, env.fonts);
}

/** The title page: title, subtitle, authors, then rating, fandoms, word count and the summary. */
export function titlePage(book: Book, env: LayoutEnv): FlowBlock {
  const { meta } = book;
  const t = env.theme.titlePage;
  const size = env.theme.body.size;
  const boxes: FlowBox[] = [spacer(env.textHeight * 0.18)];
  boxes.push(...centred(meta.title, t.title / size, 'serif-bold', env));
  if (meta.subtitle) boxes.push(spacer(size / 2), ...centred(meta.subtitle, t.subtitle / size, 'serif-italic', env));
  if (meta.authors.length) {
    boxes.push(spacer(size * 2), ...centred(env.theme.strings.by, 1, 'serif-italic', env));
    boxes.push(...centred(meta.authors.map((a) => a.name).join(', '), t.authors / size, 'serif-regular', env));
  }
  const facts: string[] = [];
  const s = env.theme.strings;
  if (meta.rating) facts.push(`${s.rating}: ${meta.rating}`);
  if (meta.fandoms.length) facts.push(`${s.fandoms}: ${meta.fandoms.join(', ')}`);
  if (book.stats?.words) facts.push(`${s.words}: ${book.stats.words.toLocaleString('en-US')}`);
  if (facts.length) boxes.push(spacer(size * 3));
  for (const fact of facts) boxes.push(...centred(fact, t.meta / size, 'serif-regular', env));

  const summary = book.front.find((m) => m.role === 'summary');
  if (summary || meta.summary) {
    boxes.push(spacer(size * 2), ...centred(s.summary, t.meta / size, 'serif-italic', env));
    const scale = t.meta / size;
    const inset = env.measure * 0.1;
    if (summary) {
      const blocks = layoutBlocks(summary.children, { left: inset, right: inset, scale, indentFirst: false }, env);
      for (const block of blocks) boxes.push(...block.boxes);
    } else if (meta.summary) boxes.push(...centred(meta.summary, scale, 'serif-regular', env, inset));
  }
  return { boxes, spaceBefore: 0, spaceAfter: 0, splittable: true, breakBefore: { ...PLAIN, restart: true } };
}

/** A front-matter page of one role: its matter if the book has one, else the metadata string (disclaimer, dedication). */
export function matterPage(book: Book, role: MatterRole, env: LayoutEnv): FlowBlock[] {
  const matter = book.front.find((m) => m.role === role);
  const text = role === 'disclaimer' ? book.meta.disclaimer : role === 'dedication' ? book.meta.dedication : undefined;
  if (!matter && !text) return [];
  const boxes: FlowBox[] = [spacer(env.textHeight * 0.25)];
  const font: FontKey = 'serif-italic';
  if (matter) {
    for (const block of matter.children) {
      // Short pages are set centred in italics; other blocks (lists, quotes) keep their own layout.
      if (block.type === 'paragraph') boxes.push(...centred(block.children, 1, font, env, env.measure * 0.1), spacer(env.theme.body.leading / 2));
      else for (const b of layoutBlocks([block], { left: 0, right: 0, scale: 1, indentFirst: false }, env)) boxes.push(...b.boxes);
    }
  } else if (text) boxes.push(...centred(text, 1, font, env, env.measure * 0.1));
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
    boxes: [spacer(env.theme.body.leading * 2), ...centred(env.theme.strings.contents, 1.4, 'serif-bold', env), spacer(env.theme.body.leading)],
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
