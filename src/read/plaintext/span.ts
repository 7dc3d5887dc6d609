/**
 * A span: text taken from one or more source lines (joined with spaces when a hard-wrapped paragraph is unwrapped)
 * that still knows where each of its characters came from, so that nodes built from it get exact positions.
 */
import type { Point, Position } from '../../model/types';
import { contentBounds, type Line } from './lines';

/** Where a run of the span's text starts in the source: from index `at` on, characters follow the source line. */
interface Segment {
  at: number;
  line: number;
  column: number;
  offset: number;
}

/** Text with a map back to the source. */
export interface Span {
  readonly text: string;
  readonly file: string;
  readonly segments: readonly Segment[];
}

/** Part of one line, `from` to `to` (0-based, end exclusive). */
export function lineSpan(file: string, line: Line, from: number, to: number = line.text.length): Span {
  return {
    text: line.text.slice(from, to),
    file,
    segments: [{ at: 0, line: line.line, column: from + 1, offset: line.offset + from }],
  };
}

/** A line's content without its leading and trailing whitespace. */
export function trimmedLineSpan(file: string, line: Line): Span {
  const [from, to] = contentBounds(line.text);
  return lineSpan(file, line, from, to);
}

/** Spans joined in order with one space between them (the space belongs to no source line). */
export function joinSpans(spans: readonly Span[]): Span {
  if (spans.length === 1) return spans[0];
  let text = '';
  const segments: Segment[] = [];
  for (const span of spans) {
    if (text) text += ' ';
    const base = text.length;
    for (const s of span.segments) segments.push({ ...s, at: base + s.at });
    text += span.text;
  }
  return { text, file: spans[0].file, segments };
}

/** The index of the last segment starting at or before `index` (binary search: spans may join thousands of lines). */
function segmentAt(segments: readonly Segment[], index: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].at <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The source point of the character at `index` (or just after the span's last character for `index` = length). */
export function pointAt(span: Span, index: number): Point {
  const { segments } = span;
  const lo = segmentAt(segments, index);
  const s = segments[lo];
  // The joining space after a line maps to the point just past that line's last character.
  const next = segments[lo + 1];
  const within = next && index >= next.at - 1 ? next.at - 1 - s.at : index - s.at;
  return { line: s.line, column: s.column + within, offset: s.offset + within };
}

/** The source position of the span's characters `from` to `to` (end exclusive, as in unist). */
export function positionOf(span: Span, from = 0, to: number = span.text.length): Position {
  return { file: span.file, start: pointAt(span, from), end: pointAt(span, to) };
}

/** The part of a span from `from` to `to`, still mapped to the source. */
export function sliceSpan(span: Span, from: number, to: number = span.text.length): Span {
  const segments: Segment[] = [];
  const first = pointAt(span, from);
  segments.push({ at: 0, line: first.line, column: first.column, offset: first.offset ?? 0 });
  for (let k = segmentAt(span.segments, from) + 1; k < span.segments.length && span.segments[k].at < to; k++) {
    segments.push({ ...span.segments[k], at: span.segments[k].at - from });
  }
  return { text: span.text.slice(from, to), file: span.file, segments };
}

/** The span without leading and trailing whitespace. */
export function trimSpan(span: Span): Span {
  const [from, to] = contentBounds(span.text);
  return from === 0 && to === span.text.length ? span : sliceSpan(span, from, to);
}
