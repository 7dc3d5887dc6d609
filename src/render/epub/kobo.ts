/**
 * Kobo's kepub conventions, applied to a finished document body: every sentence in a span
 * `<span class="koboSpan" id="kobo.P.S">` (P counts paragraphs, S the pieces of text in it), which Kobo's reader uses
 * for highlights, reading position and page counts, and the body wrapped in `#book-columns > #book-inner`.
 * The body is quire's own XHTML (no comments, CDATA or scripts), so a tag-or-text scan is enough.
 */

/** Elements whose text is a "paragraph" for Kobo: each one starts a new `kobo.P`. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'dt', 'dd', 'figcaption']);
/** Elements whose text is left as it is: preformatted code keeps its exact characters. */
const VERBATIM = new Set(['pre', 'code']);

/**
 * A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed by white space. The white
 * space stays with the sentence before it, as in Kobo's own kepubs, so that no text falls between spans.
 */
const SENTENCE = /[^.!?\u2026]*(?:[.!?\u2026]+["'\u201d\u2019)\]]*(?:\s+|$)|$)/g;

/** Splits text (escaped XHTML text, entities intact) into sentences; their concatenation is the input. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SENTENCE)) if (m[0]) out.push(m[0]);
  return out;
}

/** Wraps each sentence of each paragraph-level element's text in a koboSpan. */
export function addKoboSpans(body: string): string {
  const open: string[] = [];
  let paragraph = 0;
  let segment = 0;
  let out = '';
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>|[^<]+/g)) {
    const [token, closing, name, selfClosing] = m;
    if (name !== undefined) {
      const tag = name.toLowerCase();
      if (closing) open.pop();
      else if (!selfClosing) {
        open.push(tag);
        if (PARAGRAPHS.has(tag)) {
          paragraph += 1;
          segment = 0;
        }
      }
      out += token;
      continue;
    }
    const inParagraph = open.some((t) => PARAGRAPHS.has(t)) && !open.some((t) => VERBATIM.has(t));
    if (!inParagraph || !token.trim()) {
      out += token;
      continue;
    }
    for (const sentence of sentences(token)) {
      segment += 1;
      out += `<span class="koboSpan" id="kobo.${paragraph}.${segment}">${sentence}</span>`;
    }
  }
  return `<div id="book-columns"><div id="book-inner">\n${out}</div></div>\n`;
}
