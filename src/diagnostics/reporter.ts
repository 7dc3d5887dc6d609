/** Collects diagnostics and formats them as `path:line:col: severity: message`, with a hint and a code frame. */
import * as fs from 'node:fs';
import type { Position } from '../model/types';
import { catalogue } from './catalogue';
import { QuireError, type Diagnostic, type Reporter, type Severity } from './types';

type Extra = { position?: Position; hint?: string; source?: string };

/** A reporter that keeps every message in order, and passes each to `onMessage` as it arrives (for live output). */
export class CollectingReporter implements Reporter {
  readonly messages: Diagnostic[] = [];
  constructor(private readonly onMessage?: (d: Diagnostic) => void) {}

  private add(severity: Severity, rule: string, message: string, extra: Extra = {}): Diagnostic {
    const known = (catalogue as Record<string, { hint?: string }>)[rule];
    const d: Diagnostic = { severity, rule, message, ...extra };
    if (!d.hint && known?.hint && severity === 'error') d.hint = known.hint;
    for (const key of Object.keys(d) as (keyof Diagnostic)[]) if (d[key] === undefined) delete d[key];
    this.messages.push(d);
    this.onMessage?.(d);
    return d;
  }
  warn(rule: string, message: string, extra?: Extra): void {
    this.add('warning', rule, message, extra);
  }
  info(rule: string, message: string, extra?: Extra): void {
    this.add('info', rule, message, extra);
  }
  fail(rule: string, message: string, extra?: Extra): never {
    throw new QuireError(this.add('error', rule, message, extra));
  }
}

/** Throws a catalogued fatal error without a reporter at hand (used where no build is running yet). */
export function fail(rule: string, message: string, extra: Extra = {}): never {
  const known = (catalogue as Record<string, { hint?: string }>)[rule];
  throw new QuireError({ severity: 'error', rule, message, ...extra, hint: extra.hint ?? known?.hint });
}

/** `file:line:col` for a position (the file alone when the position has no line). */
export function formatPlace(position: Position): string {
  return position.start.line < 1 ? position.file : `${position.file}:${position.start.line}:${position.start.column}`;
}

/** Two lines of source around the position, with a caret under the column; empty when the file cannot be read. */
export function codeFrame(position: Position, source?: string): string {
  let text = source;
  if (text === undefined) {
    try {
      text = fs.readFileSync(position.file, 'utf8');
    } catch {
      return '';
    }
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const line = position.start.line;
  if (line < 1 || line > lines.length) return '';
  const out: string[] = [];
  const width = String(line).length;
  for (let n = Math.max(1, line - 1); n <= line; n++) {
    const content = lines[n - 1].slice(0, 160);
    out.push(`${n === line ? '>' : ' '} ${String(n).padStart(width)} | ${content}`);
  }
  out.push(`  ${' '.repeat(width)} | ${' '.repeat(Math.max(0, position.start.column - 1))}^`);
  return out.join('\n');
}

/** The human form of a diagnostic: `place: severity: message`, then `hint:` and a code frame if wanted. */
export function formatDiagnostic(d: Diagnostic, options: { frame?: boolean } = {}): string {
  const place = d.position ? `${formatPlace(d.position)}: ` : '';
  let out = `${place}${d.severity}: ${d.message}`;
  if (d.hint) out += `\n  hint: ${d.hint}`;
  if (options.frame && d.position && d.severity === 'error') {
    const frame = codeFrame(d.position);
    if (frame) out += `\n${frame}`;
  }
  return out;
}

/** A position naming a whole file, not a line in it (printed as the file alone). */
export function filePosition(file: string): Position {
  return { file, start: { line: 0, column: 0 }, end: { line: 0, column: 0 } };
}

/** A position covering a whole line (or a point in it). */
export function pointPosition(file: string, line: number, column = 1): Position {
  return { file, start: { line, column }, end: { line, column } };
}
