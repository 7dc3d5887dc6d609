/** What the AO3 HTML handlers share while they write one chapter: options, the reporter and the chapter's footnotes. */
import type { Labels } from '../../locale';
import type { Reporter } from '../../diagnostics/types';
import type { Footnote } from '../../model/types';
import { CitedNotes } from '../cited-notes';
import type { HtmlOptions } from './options';

export { DEFAULT_HTML_OPTIONS, type HtmlOptions, type SceneBreakStyle } from './options';

/**
 * Numbers one chapter's footnotes in the order they are first cited. AO3 keeps `name` but not `id`, so the anchors
 * are `<a name>`; the scope in them (`chapter3`) keeps them unique when AO3 shows the whole work on one page.
 */
export class ChapterNotes extends CitedNotes {
  constructor(
    footnotes: ReadonlyMap<string, Footnote>,
    /** Prefix of the anchor names: `chapter3`, or `work` for the work's notes. */
    private readonly scope: string,
  ) {
    super(footnotes);
  }

  /** The anchor name of note `n`'s text. */
  noteName(n: number): string {
    return `${this.scope}-note${n}`;
  }

  /** The anchor name of note `n`'s first citation. */
  refName(n: number): string {
    return `${this.scope}-ref${n}`;
  }
}

export interface HtmlContext {
  readonly options: Readonly<HtmlOptions>;
  /** The book's labels (its language's, with its own `labels:` over them): the words this renderer prints. */
  readonly labels: Labels;
  readonly report: Reporter;
  readonly notes: ChapterNotes;
}
