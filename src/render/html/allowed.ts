/**
 * What AO3 keeps of the HTML pasted into a work: its sanitizer's element and attribute allow-lists, from
 * otwarchive's `config/initializers/gem-plugin_config/sanitizer_config.rb` (`Sanitize::Config::ARCHIVE`).
 * Anything else is stripped on posting, so the HTML renderer writes only from these lists.
 */

/** Elements AO3 keeps. */
export const AO3_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym address b big blockquote br caption center cite code col colgroup figcaption figure dd del dfn ' +
    'div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q s samp small span strike strong sub sup table ' +
    'tbody td tfoot th thead tr tt u ul var'
  ).split(' '),
);

/** Attributes AO3 keeps on every element. */
const GLOBAL_ATTRIBUTES = ['align', 'title', 'dir'];

/** Attributes AO3 keeps per element, besides the global ones. */
const ELEMENT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href', 'name'],
  blockquote: ['cite'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  hr: ['align', 'width'],
  img: ['align', 'alt', 'border', 'height', 'src', 'width'],
  ol: ['start', 'type'],
  q: ['cite'],
  table: ['border', 'summary', 'width'],
  td: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'width'],
  th: ['abbr', 'axis', 'colspan', 'height', 'rowspan', 'scope', 'width'],
  ul: ['type'],
};

/** Whether AO3 keeps attribute `name` on element `element`. */
export function ao3AllowsAttribute(element: string, name: string): boolean {
  return GLOBAL_ATTRIBUTES.includes(name) || (ELEMENT_ATTRIBUTES[element]?.includes(name) ?? false);
}

/** URL schemes AO3 keeps in a link's `href` (and relative URLs, which mean nothing once posted, so quire writes none). */
const LINK_SCHEMES = /^(?:https?|ftp|mailto):/i;
/** Schemes AO3 keeps in an image's `src`. */
const IMAGE_SCHEMES = /^https?:\/\//i;

/** Whether a link target survives AO3 and still works from a posted chapter. */
export function isPostableLink(url: string): boolean {
  return LINK_SCHEMES.test(url.trim());
}

/** Whether an image URL can be shown on AO3, which hosts no images: only images already on the web. */
export function isPostableImage(url: string): boolean {
  return IMAGE_SCHEMES.test(url.trim());
}
