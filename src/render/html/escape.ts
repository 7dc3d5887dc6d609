/** HTML escaping for AO3 fragments: the shared XML escaping, with AO3's rule for line breaks. */
import { escapeText as escapeXml } from '../escape';

export { attrs } from '../escape';

/**
 * Text content with `&`, `<`, `>` escaped. Line breaks become spaces: AO3 turns a newline inside text into `<br />`,
 * so only the renderer's own block separators may be newlines.
 */
export function escapeText(value: string): string {
  return escapeXml(value.replace(/\r\n?|\n/g, ' '));
}

/** Preformatted text: escaped like text, but newlines kept (AO3 leaves `<pre>` alone). */
export function escapePre(value: string): string {
  return escapeXml(value.replace(/\r\n?/g, '\n'));
}
