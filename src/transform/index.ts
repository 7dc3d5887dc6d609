/** The default transform pipeline, in order: the language is decided first, since typography and the renderers read it. */
import type { Book } from '../model/types';
import { checks } from './checks';
import { footnotes } from './footnotes';
import { ids } from './ids';
import { language } from './language';
import { images } from './images';
import { ratings } from './ratings';
import { stats } from './stats';
import type { Transform, TransformContext } from './types';
import { typography } from './typography';

// Images last: a remote image's alt text stands as written (typography has curled a standing image's alt already),
// and the stats count remote images as images.
export const defaultTransforms: readonly Transform[] = [language, checks, footnotes, ratings, typography, ids, stats, images];

/** Runs transforms in order; a transform may change the book in place or return a new one. */
export function runTransforms(book: Book, ctx: TransformContext, transforms: readonly Transform[] = defaultTransforms): Book {
  let current = book;
  for (const transform of transforms) current = transform.run(current, ctx) ?? current;
  return current;
}
