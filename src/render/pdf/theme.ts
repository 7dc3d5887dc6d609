/** The PDF's typographic settings: `templates/pdf/theme.json` (a user's copy wins), checked and typed. */
import type { RenderContext } from '../types';

/** All sizes in points; `body.indent` in ems; `body.wordSpace` as a multiple of the font's space character. */
export interface Theme {
  margins: { top: number; bottom: number; inner: number; outer: number };
  body: { size: number; leading: number; indent: number; wordSpace: number };
  chapterTitle: { size: number; leading: number; dropLines: number };
  partTitle: { size: number; leading: number };
  titlePage: { title: number; subtitle: number; authors: number; meta: number };
  /** Scale for block quotes, notes and author's notes. */
  small: number;
  folio: { size: number };
  /** Scene-break ornaments in order of preference; the first the font can draw is used. */
  sceneBreak: string[];
  bullet: string;
  strings: Record<'contents' | 'notes' | 'by' | 'rating' | 'fandoms' | 'words' | 'summary' | 'untitled', string>;
}

const NAME = 'pdf/theme.json';

/** Reads the theme; a missing or mistyped key is a `template-invalid` error naming it. */
export function loadTheme(ctx: RenderContext<unknown>): Theme {
  let parsed: unknown;
  try {
    parsed = JSON.parse(ctx.assets.template(NAME));
  } catch (error) {
    ctx.report.fail('template-invalid', `${ctx.assets.templatePath(NAME)} is not valid JSON: ${(error as Error).message}`);
  }
  checkShape(parsed, SHAPE, 'theme', ctx);
  return parsed as Theme;
}

/** The expected shape: 'number' / 'string' / 'string[]' leaves, nested objects. */
type Shape = 'number' | 'string' | 'string[]' | { [key: string]: Shape };

const SHAPE: Shape = {
  margins: { top: 'number', bottom: 'number', inner: 'number', outer: 'number' },
  body: { size: 'number', leading: 'number', indent: 'number', wordSpace: 'number' },
  chapterTitle: { size: 'number', leading: 'number', dropLines: 'number' },
  partTitle: { size: 'number', leading: 'number' },
  titlePage: { title: 'number', subtitle: 'number', authors: 'number', meta: 'number' },
  small: 'number',
  folio: { size: 'number' },
  sceneBreak: 'string[]',
  bullet: 'string',
  strings: { contents: 'string', notes: 'string', by: 'string', rating: 'string', fandoms: 'string', words: 'string', summary: 'string', untitled: 'string' },
};

function checkShape(value: unknown, shape: Shape, where: string, ctx: RenderContext<unknown>): void {
  const bad = (expected: string) =>
    ctx.report.fail('template-invalid', `${ctx.assets.templatePath(NAME)}: \`${where}\` should be ${expected}`);
  if (shape === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad('a non-negative number');
  } else if (shape === 'string') {
    if (typeof value !== 'string') bad('a string');
  } else if (shape === 'string[]') {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) bad('a list of strings');
  } else {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('an object');
    for (const [key, sub] of Object.entries(shape)) checkShape((value as Record<string, unknown>)[key], sub, `${where}.${key}`, ctx);
  }
}
