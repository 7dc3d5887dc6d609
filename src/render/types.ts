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
  /** The file's bytes. An artifact made in `parts` joins them into one buffer when this is first read. */
  readonly data: Uint8Array;
  /**
   * The same bytes in order, when the renderer made them in pieces (the PDF: blocks of a mebibyte as they were
   * written). Writers and hashers take these (`partsOf`), so a long book's file is never held twice to be written.
   */
  readonly parts?: readonly Uint8Array[];
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

/** An artifact's bytes as pieces in order: its `parts`, or its `data` alone. */
export const partsOf = (artifact: Artifact): readonly Uint8Array[] => artifact.parts ?? [artifact.data];

/** An artifact made of `parts`; its `data` joins them the first time it is read. */
export function piecedArtifact(parts: readonly Uint8Array[], extension: `.${string}`, mediaType: string): Artifact {
  let joined: Uint8Array | undefined;
  return {
    parts,
    get data() {
      joined ??= parts.length === 1 ? parts[0] : Buffer.concat(parts);
      return joined;
    },
    extension,
    mediaType,
  };
}
