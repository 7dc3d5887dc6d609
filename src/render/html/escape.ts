/** HTML escaping for AO3 fragments: text and double-quoted attribute values, without the control characters HTML forbids. */

/** C0 controls other than tab, line feed and carriage return, and the non-characters U+FFFE/U+FFFF. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text content with `&`, `<`, `>` escaped. Line breaks become spaces: AO3 turns a newline inside text into `<br />`,
 * so only the renderer's own block separators may be newlines.
 */
export function escapeText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/\r\n?|\n/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Preformatted text: escaped like text, but newlines kept (AO3 leaves `<pre>` alone). */
export function escapePre(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/\r\n?/g, '\n').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `name="value"` pairs for the defined entries, each with a leading space, in the given order. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value !== undefined) out += ` ${name}="${escapeText(String(value)).replace(/"/g, '&quot;')}"`;
  }
  return out;
}
