/** The renderer interface: a finished book in, one output file's bytes out. */
import type { Reporter } from '../diagnostics/types';
import type { Book } from '../model/types';

/** Files a renderer may need. No renderer touches the file system directly, so builds stay testable and reproducible. */
export interface AssetStore {
  /** A template's text by its path under `templates/` (`epub/style.css`); the user's copy wins over the built-in one. */
  template(name: string): string;
  /** The absolute path a template was read from (for messages). */
  templatePath(name: string): string;
  /** A file of the manuscript by a URL relative to the book's root; refuses paths outside it. */
  manuscriptFile(url: string): Buffer;
  /** A font file shipped by an npm package, by quire's font key (`serif-regular`, `serif-italic`, …). */
  font(key: string): Buffer;
}

export interface RenderContext<Options = unknown> {
  readonly options: Readonly<Options>;
  readonly report: Reporter;
  readonly assets: AssetStore;
  /** The build's timestamp: from SOURCE_DATE_EPOCH, else the manuscript's date, else a fixed date. Never the wall clock. */
  readonly now: Date;
  /** Reports how far rendering has got (chapters done of the total), for a progress display. Optional. */
  readonly progress?: (done: number, total: number) => void;
}

/** One output file. */
export interface Artifact {
  data: Uint8Array;
  /** `.epub`, `.pdf`. */
  extension: `.${string}`;
  mediaType: string;
}

/** A renderer: a name for messages, the output's extension, and one hook. */
export interface Renderer<Options = unknown> {
  readonly name: string;
  readonly extension: `.${string}`;
  readonly defaultOptions: Readonly<Options>;
  render(book: Book, ctx: RenderContext<Options>): Promise<Artifact>;
}
