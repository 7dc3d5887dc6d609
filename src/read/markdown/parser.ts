/** The one configured markdown-it instance, and the checks on its token stream that markdown-it leaves to us. */
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { footnoteTail } from './footnote-tail';

/**
 * CommonMark plus tables, strikethrough and footnotes. `html` is on so raw HTML arrives as its own tokens (kept as
 * text today, filtered by an allow-list later) instead of being mixed into paragraphs; the typographer is off
 * because quire's typography transform runs after reading, on every input format alike.
 */
const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false })
  .enable(['table', 'strikethrough'])
  .use(footnote);
// The plugin's own tail rule is quadratic in the number of notes (see footnote-tail.ts).
md.core.ruler.at('footnote_tail', footnoteTail);
// Every link reaches the reader, which keeps only safe URLs and warns about the rest (inlines.ts); markdown-it's own
// check would leave `[text](javascript:…)` in the book as literal text, URL included.
md.validateLink = () => true;

/** What markdown-it-footnote leaves in the parse environment: `:label` → note index, or -1 while unreferenced. */
interface FootnoteState {
  refs?: Record<string, number>;
}

/** A parsed Markdown text. */
export interface ParsedMarkdown {
  tokens: MarkdownIt.Token[];
  /** Labels of footnote definitions that nothing refers to (markdown-it-footnote drops them). */
  unusedFootnotes: string[];
}

/** Parses Markdown into markdown-it's flat token stream. */
export function parseMarkdown(text: string): ParsedMarkdown {
  const env: MarkdownIt.Env = {};
  const tokens = md.parse(text, env);
  const refs = (env.footnotes as FootnoteState | undefined)?.refs ?? {};
  // A definition sets its ref to -1; the first reference replaces it with the note's index.
  const unusedFootnotes = Object.keys(refs)
    .filter((key) => refs[key] < 0)
    .map((key) => key.slice(1));
  return { tokens, unusedFootnotes };
}

/**
 * The first container that markdown-it opened at its nesting limit and left empty: it stops parsing there, and
 * whatever the source nested deeper is lost. Undefined when nothing was cut.
 */
export function truncatedContainer(tokens: readonly MarkdownIt.Token[]): MarkdownIt.Token | undefined {
  const limit = md.options.maxNesting ?? 100;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    if (token.nesting === 1 && token.level >= limit - 1 && tokens[i + 1].nesting === -1) return token;
  }
  return undefined;
}
