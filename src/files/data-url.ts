/** `data:` URLs (RFC 2397): images embedded in the model, for inputs whose pictures have no file (a Word document's). */

/** An embedded image's URL (`data:image/png;base64,…`): how a Word document's pictures, which have no file, reach the book. */
const DATA_URL = /^data:(image\/[a-z0-9.+-]+)?(;[^,]*)?,/i;

/** Whether a URL embeds its image (a `data:` URL) rather than naming a file. */
export const isDataUrl = (url: string): boolean => DATA_URL.test(url.trim());

/** The bytes a `data:` URL holds (base64 or percent-encoded, per RFC 2397), or undefined for any other URL. */
export function dataUrlBytes(url: string): Buffer | undefined {
  const match = DATA_URL.exec(url.trim());
  if (!match) return undefined;
  const payload = url.trim().slice(match[0].length);
  if (/;base64$/i.test(match[2] ?? '')) return Buffer.from(payload, 'base64');
  try {
    return Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    // A stray `%` is a literal character.
    return Buffer.from(payload, 'utf8');
  }
}
