/**
 * Templates: rendering one with ejs, and saying where one went wrong. ejs reports a runtime error with `file:LINE`
 * and the template's lines in its message, but a syntax error with no line at all (it fails in `new Function`); for
 * those the generated source is compiled again with `vm.Script`, whose error gives a line of that source, and the
 * `__line = N` bookkeeping ejs writes before each tag maps it back to the template's line. An unclosed tag is found
 * by scanning.
 */
import * as vm from 'node:vm';
import * as ejs from 'ejs';
import { pointPosition } from '../diagnostics/reporter';
import type { Reporter } from '../diagnostics/types';
import type { AssetStore } from './types';

export interface TemplateErrorPlace {
  /** 1-based line and column in the template (column 1 when ejs knows only the line). */
  line: number;
  column: number;
  /** The error's own message, without ejs's copy of the template. */
  message: string;
}

/** The line and column of an opening `<%` that no `%>` closes. */
function unclosedTag(text: string): { line: number; column: number } | undefined {
  const re = /<%|%>/g;
  let open: number | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '<%' && open === undefined) open = m.index;
    else if (m[0] === '%>') open = undefined;
  }
  if (open === undefined) return undefined;
  const before = text.slice(0, open).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** The template line of a syntax error: the last `__line = N` before the generated line that failed to compile. */
function syntaxErrorLine(text: string): number | undefined {
  try {
    const template = new ejs.Template(text, { compileDebug: true, filename: 'template.ejs' }) as unknown as { generateSource(): void; source: string };
    template.generateSource();
    const wrapped = `(function (locals, escapeFn, include, rethrow) {\n${template.source}\n})`;
    try {
      new vm.Script(wrapped, { filename: 'quire-ejs-source.js' });
      return undefined;
    } catch (error) {
      const m = /quire-ejs-source\.js:(\d+)/.exec((error as Error).stack ?? '');
      if (!m) return undefined;
      let line: number | undefined;
      for (const generated of wrapped.split('\n').slice(0, Number(m[1]))) for (const n of generated.matchAll(/__line = (\d+)/g)) line = Number(n[1]);
      return line;
    }
  } catch {
    return undefined;
  }
}

/** The column of the first tag on a line (where ejs knows only the line), else 1. */
function tagColumn(text: string, line: number): number {
  const index = (text.split('\n')[line - 1] ?? '').indexOf('<%');
  return index + 1 || 1;
}

/** Where in `text` (the template's source) `error`, thrown by ejs while compiling or rendering it, happened. */
export function templateErrorPlace(text: string, error: unknown): TemplateErrorPlace {
  const raw = error instanceof Error ? error.message : String(error);
  // Runtime errors: "file:LINE\n    1| …\n >> 2| …\n\nmessage".
  const runtime = /^[^\n]*:(\d+)\n(?:.*\n)*?\n([\s\S]*)$/.exec(raw);
  if (runtime && /^\s+(?:>>)?\s*\d+\|/m.test(raw)) return { line: Number(runtime[1]), column: tagColumn(text, Number(runtime[1])), message: runtime[2].trim() };
  if (/Could not find matching close tag/.test(raw)) {
    const at = unclosedTag(text);
    if (at) return { ...at, message: raw.trim() };
  }
  let message = raw.split('\n')[0].replace(/ in \S+ while compiling ejs$/, '').replace(/ while compiling ejs$/, '').trim();
  // ejs closes its generated function with `} catch`, which an unclosed `{` in the template runs into.
  if (message === "Unexpected token 'catch'") message = 'a block opened with `{` is never closed (a `<% } %>` is missing)';
  const line = syntaxErrorLine(text) ?? 1;
  return { line, column: tagColumn(text, line), message };
}

/**
 * Compiled templates by file, with the text each was compiled from: a batch renders the same few templates for every
 * work, and compiling one costs more than rendering it. A file whose text has changed (`--watch`, an edited user
 * template) is compiled again; cleared when full, since a long-lived worker may meet many template folders.
 */
const COMPILED = new Map<string, { text: string; fn: ejs.TemplateFunction }>();
const COMPILED_LIMIT = 200;

function compiled(text: string, filename: string): ejs.TemplateFunction {
  const known = COMPILED.get(filename);
  if (known?.text === text) return known.fn;
  const fn = ejs.compile(text, { filename });
  if (!known && COMPILED.size >= COMPILED_LIMIT) COMPILED.clear();
  COMPILED.set(filename, { text, fn });
  return fn;
}

/** What reporting a template error needs: the template files and the reporter. */
export interface TemplateContext {
  assets: AssetStore;
  report: Reporter;
}

/** Fails the build with a `template-invalid` error at the place in `templates/<file>` where ejs went wrong. */
export function failTemplate(file: string, text: string, error: unknown, ctx: TemplateContext, source: string): never {
  const place = templateErrorPlace(text, error);
  return ctx.report.fail('template-invalid', `template ${file} failed: ${place.message}`, {
    position: pointPosition(ctx.assets.templatePath(file), place.line, place.column),
    source,
  });
}

/**
 * Renders `templates/<file>` (the user's copy first) with `data`; a broken template is a fatal `template-invalid` at
 * the template's line and column. Every renderer's pages go through here.
 */
export function renderTemplate(file: string, data: Record<string, unknown>, ctx: TemplateContext, source: string): string {
  const text = ctx.assets.template(file);
  try {
    return compiled(text, ctx.assets.templatePath(file))(data);
  } catch (error) {
    return failTemplate(file, text, error, ctx, source);
  }
}
