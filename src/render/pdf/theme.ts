/** The PDF's typographic settings: `templates/pdf/theme.json` (a user's copy wins), checked and typed. */
import { pointPosition } from '../../diagnostics/reporter';
import type { Position } from '../../model/types';
import type { RenderContext } from '../types';
import { PAGE_SIZES } from './options';

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
}

/** Sizes a page size may change: any of the numbers of the theme's geometry and type (theme.json's `sizes`). */
type SizeOverride = { [K in 'margins' | 'body' | 'chapterTitle' | 'partTitle' | 'titlePage' | 'folio']?: Partial<Theme[K]> } & { small?: number };

const NAME = 'pdf/theme.json';

/**
 * Reads the theme for a page size: the base values (set for A5), with the numbers that theme.json's `sizes` gives
 * for `pageSize` put over them (wider pages get wider margins and larger type, so a line stays about 65 characters).
 * A missing or mistyped key is a `template-invalid` error naming it.
 */
export function loadTheme(ctx: RenderContext<unknown>, pageSize?: string): Theme {
  const text = ctx.assets.template(NAME);
  const locate = locator(text, ctx.assets.templatePath(NAME));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    ctx.report.fail('template-invalid', `${ctx.assets.templatePath(NAME)} is not valid JSON: ${(error as Error).message.split('\n')[0]}`, { position: locate.syntaxError() });
  }
  checkShape(parsed, SHAPE, 'theme', ctx, locate);
  const { sizes, strings, ...theme } = parsed as Theme & { sizes?: unknown; strings?: unknown };
  // The words the PDF prints were once here; they are the book's labels now, for the EPUB and the PDF alike.
  if (strings !== undefined) {
    // The same words as labels: the old `untitled` (`Chapter`) was followed by the number.
    const own = Object.entries(strings && typeof strings === 'object' ? strings : {})
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => (k === 'untitled' ? `chapter: "${v} {n}"` : `${k}: ${JSON.stringify(v)}`));
    ctx.report.warn('template-invalid', `\`theme.strings\` in ${ctx.assets.templatePath(NAME)} is no longer read; the PDF prints the book's labels`, {
      position: locate.value('theme.strings'),
      hint: `Write them in the book's metadata instead, as \`labels: {${own.join(', ') || 'contents: "…"'}}\`, and delete \`strings\` from theme.json.`,
    });
  }
  if (sizes === undefined) return theme;
  checkSizes(sizes, ctx, locate);
  const override = pageSize ? (sizes as Record<string, SizeOverride>)[pageSize] : undefined;
  if (!override) return theme;
  const out = { ...theme } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    out[key] = typeof value === 'object' ? { ...(theme[key as keyof Theme] as object), ...value } : value;
  }
  return out as unknown as Theme;
}

/** Checks theme.json's `sizes`: page-size names, each with some of the theme's numbers (`SIZE_SHAPE`). */
function checkSizes(sizes: unknown, ctx: RenderContext<unknown>, locate: ReturnType<typeof locator>): void {
  checkShape(sizes, {}, 'theme.sizes', ctx, locate, 'any');
  for (const [size, override] of Object.entries(sizes as Record<string, unknown>)) {
    const where = `theme.sizes.${size}`;
    if (!(size in PAGE_SIZES)) {
      ctx.report.fail('template-invalid', `\`${where}\` should be named by a page size (${Object.keys(PAGE_SIZES).join(', ')})`, { position: locate.value(where) });
    }
    checkShape(override, SIZE_SHAPE, where, ctx, locate, 'partial');
  }
}

/**
 * Positions in the theme file: JSON is YAML, and the `yaml` package keeps every node's offset. The file is parsed
 * again only when an error needs a place, so a good theme costs one JSON.parse.
 */
function locator(text: string, file: string) {
  let parsed: { doc: import('yaml').Document.Parsed; lineCounter: import('yaml').LineCounter } | undefined;
  const parse = () => {
    if (!parsed) {
      const { LineCounter, parseDocument } = require('yaml') as typeof import('yaml');
      const lineCounter = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter }), lineCounter };
    }
    return parsed;
  };
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return pointPosition(file, 1);
    const { line, col } = parse().lineCounter.linePos(offset);
    return pointPosition(file, line, col);
  };
  return {
    /** The first syntax error's place, or the file's start when YAML accepts what JSON does not. */
    syntaxError: (): Position => at(parse().doc.errors[0]?.pos[0]),
    /** The value at a dotted path, or the nearest enclosing value that exists. */
    value: (where: string): Position => {
      const { doc } = parse();
      const keys = where.split('.').slice(1);
      for (let n = keys.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : (doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined);
        if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0]);
      }
      return at(undefined);
    },
  };
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
};

/** The numbers a page size may override: the numeric parts of `SHAPE`. */
const SIZE_SHAPE: Shape = Object.fromEntries(
  (['margins', 'body', 'chapterTitle', 'partTitle', 'titlePage', 'folio', 'small'] as const).map((key) => [key, (SHAPE as Record<string, Shape>)[key]]),
);

/**
 * Checks `value` against `shape`. An object's keys are all required (`exact`), may each be left out but no other
 * key given (`partial`, all the way down), or are not looked at (`any`: only that it is an object).
 */
function checkShape(
  value: unknown,
  shape: Shape,
  where: string,
  ctx: RenderContext<unknown>,
  locate: ReturnType<typeof locator>,
  keys: 'exact' | 'partial' | 'any' = 'exact',
): void {
  const bad = (expected: string) =>
    ctx.report.fail('template-invalid', `\`${where}\` should be ${expected}`, { position: locate.value(where) });
  if (shape === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad('a non-negative number');
  } else if (shape === 'string') {
    if (typeof value !== 'string') bad('a string');
  } else if (shape === 'string[]') {
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) bad('a list of strings');
  } else {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) bad('an object');
    if (keys === 'any') return;
    const object = value as Record<string, unknown>;
    if (keys === 'partial') {
      for (const key of Object.keys(object)) {
        if (!(key in shape)) ctx.report.fail('template-invalid', `\`${where}.${key}\` should be one of ${Object.keys(shape).join(', ')}`, { position: locate.value(`${where}.${key}`) });
      }
    }
    for (const [key, sub] of Object.entries(shape)) {
      if (keys === 'partial' && object[key] === undefined) continue;
      checkShape(object[key], sub, `${where}.${key}`, ctx, locate, keys);
    }
  }
}
