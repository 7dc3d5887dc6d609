/** The licence a rights statement names, as a URL: Creative Commons licences, CC0 and the Public Domain Mark. */

const CC_VERSIONS = ['1.0', '2.0', '2.5', '3.0', '4.0'];
/** The current version, assumed when a statement names a licence without one (as the licence chooser offers it). */
const CURRENT = '4.0';

/** Licence elements in their canonical order, from the words or abbreviations a statement may use. */
const ELEMENTS: [string, RegExp][] = [
  ['by', /\bby\b|attribution/],
  ['nc', /\bnc\b|non[- ]?commercial/],
  ['nd', /\bnd\b|no[- ]?deriv/],
  ['sa', /\bsa\b|share[- ]?alike/],
];

/**
 * The licence URL a rights text names, or undefined: `CC BY-NC 4.0` and `Creative Commons Attribution-ShareAlike`
 * give the licence's deed URL; `CC0` and `Public Domain Mark` the public-domain tools'. A creativecommons.org URL in
 * the text wins.
 */
export function licenceUrl(rights: string | undefined): string | undefined {
  if (!rights) return undefined;
  const url = /https?:\/\/(?:www\.)?creativecommons\.org\/(?:licenses|publicdomain)\/[\w.\-/]+/i.exec(rights);
  if (url) return url[0].replace(/^http:/i, 'https:').replace(/\/?$/, '/');
  const text = rights.toLowerCase();
  if (/\bcc0\b|cc zero|public domain dedication/.test(text)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  if (/public domain mark/.test(text)) return 'https://creativecommons.org/publicdomain/mark/1.0/';
  if (!/\bcc\b|creative commons/.test(text)) return undefined;
  const parts = ELEMENTS.filter(([, pattern]) => pattern.test(text)).map(([part]) => part);
  // Every CC licence requires attribution; ND and SA never combine.
  if (!parts.includes('by') || (parts.includes('nd') && parts.includes('sa'))) return undefined;
  const version = CC_VERSIONS.find((v) => text.includes(v)) ?? CURRENT;
  return `https://creativecommons.org/licenses/${parts.join('-')}/${version}/`;
}
