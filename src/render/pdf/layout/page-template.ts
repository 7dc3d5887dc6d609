/**
 * PDF pages a user may redesign. `templates/pdf/<page>.ejs` prints a JSON list of page elements, which are set from
 * the top of the page down, each line centred:
 *
 *   { "space": 40 }                  space in points; "18%" is a share of the text block's height
 *   { "text": "by", "font": "italic", "size": 10 }
 *   { "content": "title", "font": "bold", "size": 24, "inset": 0.1 }
 *
 * `text` is a string the template makes; `content` is a piece of the book's own text with its emphasis (which
 * pieces a page offers is listed in the README). `font` is regular (default), italic, bold or bold-italic; `size`
 * is in points, or `scale` a multiple of the body size (default 1); `inset` narrows the lines by that share of the
 * measure on each side.
 */
import { pointPosition } from '../../../diagnostics/reporter';
import { renderTemplate } from '../../template';
import type { LayoutEnv } from './env';
import { centred, spacer } from './lines';
import type { FlowBox, FontKey } from './types';

/** Lays out one named piece of content on a page, in the element's face, scale and inset (in points). */
export type ContentSetter = (font: FontKey, scale: number, inset: number) => FlowBox[];

const FACES: Record<string, FontKey> = { regular: 'serif-regular', italic: 'serif-italic', bold: 'serif-bold', 'bold-italic': 'serif-bold-italic' };

/**
 * Renders `templates/pdf/<name>.ejs` with `data` (plus `theme`, the book's `labels`, and `list`, `join`, `formatNumber` and
 * `text`: the language's ways of writing names, tags, numbers and labels with placeholders) and lays out its
 * elements. `contents` names the pieces of the book a `content` element may ask for on this page.
 */
export function templatePage(name: string, data: Record<string, unknown>, contents: Record<string, ContentSetter>, env: LayoutEnv): FlowBox[] {
  const file = `pdf/${name}.ejs`;
  const { locale } = env;
  const language = {
    labels: locale.labels,
    list: (items: readonly string[]) => locale.list(items),
    join: (items: readonly string[]) => items.join(locale.labels.comma),
    formatNumber: (n: number) => locale.number(n),
    text: locale.text,
  };
  const printed = renderTemplate(file, { theme: env.theme, ...language, ...data }, env, 'render:pdf');
  const bad = (message: string): never =>
    env.report.fail('template-invalid', `template ${file} ${message}`, {
      position: pointPosition(env.assets.templatePath(file), 1),
      source: 'render:pdf',
      hint: 'It must print a JSON list such as [{"space": 40}, {"content": "title", "font": "bold", "size": 24}].',
    });
  let elements: unknown;
  try {
    elements = JSON.parse(printed);
  } catch (error) {
    bad(`did not print JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(elements)) return bad('must print a JSON list of page elements');
  const boxes: FlowBox[] = [];
  elements.forEach((element: unknown, i) => {
    const e = (element ?? {}) as Record<string, unknown>;
    const which = `element ${i + 1}`;
    if ('space' in e) {
      const space = e.space;
      if (typeof space === 'number' && space >= 0) boxes.push(spacer(space));
      else if (typeof space === 'string' && /^\d+(\.\d+)?%$/.test(space)) boxes.push(spacer(env.textHeight * (parseFloat(space) / 100)));
      else bad(`${which}: "space" must be a number of points or a percentage such as "18%" (got ${JSON.stringify(space)})`);
      return;
    }
    const font = FACES[(e.font as string | undefined) ?? 'regular'];
    if (!font) return bad(`${which}: "font" must be one of ${Object.keys(FACES).join(', ')} (got ${JSON.stringify(e.font)})`);
    const positive = (v: unknown): v is number => typeof v === 'number' && v > 0;
    let scale = 1;
    if (e.size !== undefined) {
      if (!positive(e.size)) return bad(`${which}: "size" must be a positive number of points (got ${JSON.stringify(e.size)})`);
      scale = e.size / env.theme.body.size;
    } else if (e.scale !== undefined) {
      if (!positive(e.scale)) return bad(`${which}: "scale" must be a positive number (got ${JSON.stringify(e.scale)})`);
      scale = e.scale;
    }
    const inset = e.inset ?? 0;
    if (typeof inset !== 'number' || inset < 0 || inset >= 0.5) return bad(`${which}: "inset" must be a share of the measure from 0 to 0.5 (got ${JSON.stringify(e.inset)})`);
    if (typeof e.text === 'string') {
      if (e.text.trim()) boxes.push(...centred(e.text, scale, font, env, inset ? env.measure * inset : 0));
    } else if (typeof e.content === 'string') {
      const set = contents[e.content];
      if (!set) return bad(`${which}: this page has no content "${e.content}" (it has ${Object.keys(contents).join(', ') || 'none'})`);
      boxes.push(...set(font, scale, inset ? env.measure * inset : 0));
    } else bad(`${which} must have "space", "text" or "content"`);
  });
  return boxes;
}
