/**
 * Accessibility metadata (EPUB Accessibility 1.1, schema.org terms) computed from what the book contains, so that the
 * package claims only what is true of this book: `visual` only with images, `alternativeText` only when every image
 * has one, a conformance claim only when the book meets it.
 */

import { ENGLISH, type Labels } from '../../locale/labels';

/** What the content holds, as counted while it was serialised. */
export interface A11yFacts {
  /** Images shown in the text (the cover page's image included). */
  images: number;
  /** How many of them have no alt text. */
  imagesWithoutAlt: number;
  /** GIF images, which may animate and flash. */
  animatedCandidates: number;
  /** Footnotes, tables and verse: worth naming in the summary. */
  footnotes: number;
  tables: number;
}

export interface A11yMetadata {
  accessModes: string[];
  accessModeSufficient: string[];
  features: string[];
  hazards: string[];
  summary: string;
  /** `dcterms:conformsTo`, only when met; with the evaluator for `a11y:certifiedBy`. */
  conformsTo?: string;
  certifiedBy?: string;
}

/**
 * WCAG 2.1 level A is met by what quire writes itself (language, titles, headings, reading order, link text from the
 * author, no colour-only meaning) as long as every image has a text alternative; level AA would need contrast and
 * reflow checks of user stylesheets that quire cannot make, so it is never claimed.
 */
const CONFORMANCE = 'EPUB Accessibility 1.1 - WCAG 2.1 Level A';

/** `labels` gives the summary's sentences in the book's language (English when not given). */
export function accessibility(facts: A11yFacts, labels: Labels = ENGLISH): A11yMetadata {
  const hasImages = facts.images > 0;
  const allAlt = facts.imagesWithoutAlt === 0;
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (hasImages && allAlt) features.push('alternativeText');
  const some = labels.a11ySomeAlt.replace('{n}', String(facts.imagesWithoutAlt)).replace('{total}', String(facts.images));
  const summary = [
    labels.a11yStructure,
    hasImages && allAlt ? labels.a11yAllAlt : '',
    hasImages && !allAlt ? some : '',
    facts.footnotes ? labels.a11yFootnotes : '',
    facts.tables ? labels.a11yTables : '',
    allAlt ? labels.a11yConforms : labels.a11yNoClaim,
  ].filter(Boolean);
  return {
    accessModes: hasImages ? ['textual', 'visual'] : ['textual'],
    // A book whose every image has alt text reads fully as text; otherwise a reader needs to see the images too.
    accessModeSufficient: !hasImages ? ['textual'] : allAlt ? ['textual', 'textual,visual'] : ['textual,visual'],
    features,
    hazards: facts.animatedCandidates > 0 ? ['unknown'] : ['none'],
    // Sentences ending in an ideographic full stop (Japanese, Chinese) are written without a space between them.
    summary: summary.join(/[\u3002\uff0e\uff01\uff1f]$/.test(labels.a11yStructure) ? '' : ' '),
    conformsTo: allAlt ? CONFORMANCE : undefined,
    certifiedBy: allAlt ? 'quire (automated)' : undefined,
  };
}
