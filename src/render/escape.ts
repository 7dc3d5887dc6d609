/** XML escaping shared by every renderer that writes markup: text, attribute values, and the characters XML 1.0 forbids. */

/** Control characters that may not appear in an XML 1.0 document at all, even escaped. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text content: `&`, `<`, `>` escaped; forbidden control characters dropped. */
export function escapeText(value: string): string {
  return value.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An attribute value for use inside double quotes. */
export function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

/** `name="value"` pairs for the defined entries, each with a leading space, in the given order. */
export function attrs(pairs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value !== undefined) out += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return out;
}
