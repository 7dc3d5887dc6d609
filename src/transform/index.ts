/** The default transform pipeline, in order: the language is decided first, since typography and the renderers read it. */
import type { Book } from '../model/types';
import { checks } from './checks';
import { ids } from './ids';
import { language } from './language';
import { ratings } from './ratings';
import { stats } from './stats';
import type { Transform, TransformContext } from './types';
import { typography } from './typography';

export const defaultTransforms: readonly Transform[] = [language, checks, ratings, typography, ids, stats];

/** Runs transforms in order; a transform may change the book in place or return a new one. */
export function runTransforms(book: Book, ctx: TransformContext, transforms: readonly Transform[] = defaultTransforms): Book {
  let current = book;
  for (const transform of transforms) current = transform.run(current, ctx) ?? current;
  return current;
}
