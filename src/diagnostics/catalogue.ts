/**
 * The catalogue of every rule id quire reports under: a permanent name, a title, what it means and what to do
 * (after astro's errors-data.ts). `quire --explain RULE` prints an entry; tests/diagnostics/catalogue.test.ts fails on
 * a rule id used in src/ and missing here.
 *
 * A rule id never changes meaning once released. A message says what is wrong; the position is not part of it (the
 * reporter prints it). `hint` says what to do; the reporter adds it to an error that gives none of its own.
 */
export interface CatalogueEntry {
  /** A few words, as a heading. */
  title: string;
  /** What it means: what quire found, and what it did about it. */
  means: string;
  /** What to do. */
  hint?: string;
}

const MANUSCRIPT_FORMATS = 'Markdown (.md, .markdown), plain text (.txt), HTML (.html, .htm, .xhtml) or a Word document (.docx)';

export const catalogue = {
  // The input: files, encodings, formats
  'input-not-found': { title: 'Input not found', means: 'The file or folder given to quire does not exist, cannot be read, or is a folder with no manuscript file in it.', hint: 'Give a manuscript file (.md, .markdown, .txt, .html, .htm, .xhtml, .docx) or a folder that holds one.' },
  'input-unsupported': { title: 'Unsupported input file', means: `The input's extension names no format quire reads; it reads ${MANUSCRIPT_FORMATS}.`, hint: 'quire reads Markdown (.md, .markdown), plain text (.txt), HTML (.html, .htm, .xhtml) and Word documents (.docx).' },
  'input-empty': { title: 'Manuscript is empty', means: 'The manuscript holds no text at all, or only blank lines.', hint: 'Write the story below the metadata header or front matter.' },
  'input-no-story': { title: 'Manuscript has metadata but no story', means: 'The file holds a metadata header or front matter and nothing below it.', hint: 'Write the story below the metadata.' },
  'input-not-text': { title: 'File is not text', means: 'The file is binary (an image, an archive, a PDF) or UTF-16 text without a byte-order mark, not a text manuscript.', hint: 'Save the manuscript as UTF-8 text.' },
  'file-skipped': { title: 'File skipped in a manuscript folder', means: 'A file in the manuscript folder is a README, licence, change log or source note, so it is not read as a chapter.', hint: 'Rename the file if it is a chapter.' },
  'encoding-invalid': { title: 'Text is not valid in its encoding', means: 'A byte sequence cannot be read in the encoding the file was read in (given, or UTF-8).', hint: 'Give the file\'s real encoding with --encoding, or save it as UTF-8 (in most editors: Save As… → Encoding → UTF-8).' },
  'encoding-unknown': { title: 'Unknown encoding', means: 'The encoding named by --encoding or `quire.encoding` is not a WHATWG Encoding label.', hint: 'Use utf-8, windows-1252, latin1, utf-16le, utf-16be, or another WHATWG Encoding label (shift_jis, koi8-r, gb18030…).' },
  'encoding-control': { title: 'Text holds C1 control characters', means: 'Read in the given encoding, the text holds control characters U+0080–U+009F, which real text never does: the file is in another encoding.', hint: 'Give the file\'s real encoding with --encoding NAME, or save it as UTF-8.' },
  'encoding-guessed': { title: 'Encoding guessed', means: 'The file is not UTF-8 throughout; the bytes that are not were read as Windows-1252, the usual encoding of older Windows text.', hint: 'Check the accented letters in the book; give --encoding NAME if they are wrong, or save the file as UTF-8.' },
  'control-character': { title: 'Control character removed', means: 'The text held an invisible control character (not a tab or a line break); it was removed.', hint: 'Nothing, unless a character is missing where it stood.' },
  'docx-invalid': { title: 'File is not a Word document', means: 'A .docx file is not a valid Word document (not a zip, or no document inside).', hint: 'Open it in Word, LibreOffice or Google Docs and save it again as a Word document (.docx).' },
  'docx-content': { title: 'Word content not kept', means: 'The Word document uses a feature quire does not convert; that part is left out or simplified.', hint: 'Check this part of the document in the book; Word features quire does not know are left out.' },
  'docx-style': { title: 'Unknown Word style', means: 'A paragraph or run style has no meaning for quire, so its text is read as plain text (shown with --verbose).', hint: 'Use Word\'s Heading, Quote and List styles for text that should stand out.' },

  // Metadata: front matter, header, book.yaml
  'yaml-invalid': { title: 'Front matter is not valid YAML', means: 'The front matter or book.yaml does not parse as YAML.', hint: 'Check the indentation and quote values that contain a colon followed by a space.' },
  'yaml-unclosed': { title: 'Front matter is never closed', means: 'The front matter opened by `---` on line 1 has no closing `---`.', hint: 'End the front matter with a line holding only `---`.' },
  'front-matter-language': { title: 'Front matter is not YAML', means: 'The front matter names another language after its opening `---` (`---toml`); quire reads YAML only.', hint: 'Remove the language name after the opening `---` and write YAML `key: value` lines.' },
  'yaml-not-mapping': { title: 'Front matter is not a mapping', means: 'The front matter or book.yaml is a list or a single value, not `key: value` lines.', hint: 'Write front matter as `key: value` lines.' },
  'meta-invalid': { title: 'Metadata value has the wrong type', means: 'A metadata value is not of the kind its key takes (a list where text is due, say); it is ignored.', hint: 'Write the value as the message says; the README\'s Metadata section lists every key.' },
  'unknown-key': { title: 'Unknown metadata key', means: 'A metadata key (or a label name under `labels:`) is not one quire knows; a key is kept as extra metadata, a label ignored.', hint: 'Check the spelling (the message suggests a near miss); the README lists every key.' },
  'language-invalid': { title: 'Language is not a BCP 47 tag', means: 'The `language` value is neither a BCP 47 tag (`en`, `pt-BR`) nor a language name quire knows; another language is used.', hint: 'Write a BCP 47 tag such as `en`, `fr`, `pt-BR` or `zh-Hant`.' },
  'date-invalid': { title: 'Date is not a date', means: 'The `date` value is not a date (`2024-05-01`, `2024`), so the EPUB gets no publication date.', hint: 'Write the date as YYYY-MM-DD, or a year.' },
  'rating-unknown': { title: 'Unknown rating', means: 'The `rating` is not an AO3 or FanFiction.net rating quire knows; it is kept as written and not mapped to the other site\'s.', hint: 'Use an AO3 rating (General Audiences, Teen And Up Audiences, Mature, Explicit, Not Rated) or FanFiction.net\'s (K, K+, T, M).' },
  'title-missing': { title: 'No title', means: 'The manuscript gives no title, so quire takes one from the input\'s file or folder name.', hint: 'Add `Title: …` to the header or `title:` to the front matter.' },
  'config-invalid': { title: 'Invalid option in book.yaml', means: 'An option under `quire:` in book.yaml is unknown or has a value it does not take.', hint: 'The README\'s Configuration section lists every option of `quire:` and its values.' },
  'config-ignored': { title: '`quire:` options ignored', means: '`quire:` options were found in a manuscript\'s own front matter or header; they are read from book.yaml in a manuscript folder only.', hint: 'Move them to book.yaml beside the chapters (`quire init` shows the layout), or use command-line flags.' },

  // The story's structure, as readers find it (notes shown with --verbose)
  'chapter-label': { title: 'Chapters found by their label', means: 'Lines such as `Chapter 1` or `Ch. 3: Title` were taken for chapter headings.', hint: 'Nothing, if the chapters are right; otherwise see the README\'s plain-text format.' },
  'part-label': { title: 'Parts found by their label', means: 'Lines such as `Part One` or `Book 2` were taken for part headings, above the chapters.', hint: 'Nothing, if the parts are right.' },
  'chapter-named': { title: 'Named chapters found', means: 'Lines such as `Prologue`, `Epilogue`, `Interlude` or `Afterword` were taken for chapter headings.', hint: 'Nothing, if the chapters are right.' },
  'chapter-number': { title: 'Chapters found by bare numbers', means: 'Lines holding only a number (`1`, `IV`, `12. Title`) were taken for chapter headings, as they run in order.', hint: 'Nothing, if the chapters are right; label them `Chapter 1` to be sure.' },
  'chapter-number-ignored': { title: 'Numbered lines kept as text', means: 'Lines that look like bare chapter numbers were not taken for chapters (they do not run in order, or are too few), and stay text.', hint: 'Label the chapters `Chapter 1`, `Chapter 2` if they are chapters.' },
  'title-heading': { title: 'First heading is the title', means: 'The Markdown\'s first heading is the book\'s title (or repeats it), so it is not printed again as a chapter.', hint: 'Nothing, unless that heading is a chapter: then give the title in the front matter.' },
  'numbered-sections': { title: 'Numbered headings are sections', means: 'A one-chapter book\'s numbered headings were read as its sections, not as chapters.', hint: 'Nothing, if that is right; otherwise make each chapter a top-level heading.' },
  'epigraph': { title: 'Epigraph found', means: 'A quotation before the first heading became the book\'s epigraph, a page before the contents.', hint: 'Nothing, if it is an epigraph.' },
  'header-in-story': { title: 'Header entry inside the story', means: 'A `Key: value` line that looks like a metadata header entry stands below the header, in the story; it is kept as story text.', hint: 'Move it up into the header at the top of the file if it is metadata.' },
  'page-text-dropped': { title: 'Page text dropped', means: 'Lines around a saved web page\'s or a downloader\'s title block are neither metadata nor story (menus, extras); they are left out.', hint: 'Check the start of the book; copy any line you want into the story.' },
  'duplicate-chapter-title': { title: 'Two chapters with one title', means: 'Two chapters have the same title, which a reader\'s contents page cannot tell apart.', hint: 'Give each chapter its own title, or number them.' },

  // Content the readers and transforms keep, change or drop
  'raw-html': { title: 'Raw HTML removed', means: 'HTML in the manuscript that quire does not keep (scripts, forms, unknown elements) was removed with its content.', hint: 'Use Markdown for formatting; quire keeps only the HTML it can put in every format.' },
  'html-tag-dropped': { title: 'HTML tag removed', means: 'An HTML tag in a plain-text manuscript was removed; its text is kept.', hint: 'Nothing, unless the tag mattered: then use the plain-text format\'s own marks.' },
  'html-too-deep': { title: 'HTML nested too deep', means: 'Elements nested more deeply than quire follows keep only their text.', hint: 'Simplify the HTML around the position shown.' },
  'markdown-too-deep': { title: 'Markdown nested too deep', means: 'Content nested 100 levels deep or more (block quotes, lists) was dropped.', hint: 'Simplify the nesting around the position shown.' },
  'footnote-undefined': { title: 'Footnote never defined', means: 'A footnote reference `[^label]` has no footnote text anywhere in the book.', hint: 'Add `[^label]: the note` or remove the reference.' },
  'footnote-unused': { title: 'Footnote never referenced', means: 'A footnote is defined but nothing refers to it; it is left out.', hint: 'Add a reference `[^label]` where it belongs, or delete the note.' },
  'footnote-missing': { title: 'Footnote reference without a note', means: 'While rendering, a footnote reference had no note to point to; the mark is left out.', hint: 'Define the footnote the reference names.' },
  'link-invalid': { title: 'Link address is not a URL', means: 'A link\'s address is not a valid URL; its text is kept without the link.', hint: 'Fix the address (a full https:// URL, or `#id` within the book).' },
  'link-unresolved': { title: 'Link target not in the book', means: 'An internal link points to an id no chapter or heading has; its text is kept without the link.', hint: 'Point the link at an existing heading\'s id, or make it a full URL.' },

  // Images and covers
  'image-unsupported': { title: 'Image format not supported', means: 'An image is not a format the output takes (EPUB: JPEG, PNG, GIF, SVG, WebP; PDF: JPEG, PNG); it stops the build when quire checks the images, or its alt text stands in when a renderer cannot use it.', hint: 'Convert the image to PNG or JPEG.' },
  'image-corrupt': { title: 'Image is damaged', means: 'The image file\'s data cannot be read in the format it claims.', hint: 'Export the image again.' },
  'image-remote': { title: 'Image is not a local file', means: 'An image is given by a web address; quire fetches nothing from the network, so its alt text stands in.', hint: 'Download the image into the manuscript folder and link to the file.' },
  'image-alt-missing': { title: 'Image has no alt text', means: 'An image has no description, which a reader using a screen reader needs (and stores check for).', hint: 'Describe the image: `![a lighthouse at dusk](light.png)`.' },
  'html-image-local': { title: 'AO3 cannot show a local image', means: 'The AO3 HTML cannot include an image from the manuscript folder; its description is written instead.', hint: 'Upload the image to an image host and use its https:// URL, or add it after posting.' },
  'asset-missing': { title: 'File not found', means: 'A file the manuscript names (an image, a cover) does not exist or is a folder.', hint: 'Paths are relative to the manuscript folder.' },
  'asset-outside': { title: 'File outside the manuscript folder', means: 'A file the manuscript names is outside the manuscript folder (by its path or a link), which quire does not read.', hint: 'Keep images and covers inside the manuscript folder.' },
  'cover-format': { title: 'Cover is not JPEG or PNG', means: 'The given cover is in a format stores do not take, so quire generates a cover instead.', hint: 'Give a JPEG or PNG cover.' },
  'cover-small': { title: 'Cover too small', means: 'The cover has fewer pixels than the stores\' minimum.', hint: 'Use a cover of 1600×2560 pixels.' },
  'cover-ratio': { title: 'Cover not 1.6:1', means: 'The cover\'s height is not 1.6 times its width, the shape stores expect.', hint: 'Crop the cover to 1600×2560 pixels (or another size 1.6 times as high as it is wide).' },
  'cover-glyphs-missing': { title: 'Letters missing from the generated cover', means: 'The generated cover\'s fonts have no glyphs for some letters of the title or author; those letters are left out of the cover.', hint: 'Give a cover image of your own.' },
  'glyph-missing': { title: 'Character left out of the PDF', means: 'No font quire ships can draw a character (an emoji, a rare script), so the PDF leaves it out; the EPUB keeps it.', hint: 'Replace the character, or accept its absence from the PDF.' },

  // Rendering, templates, output
  'format-unknown': { title: 'Unknown output format', means: 'A format asked for (--format, `quire.formats`) has no renderer.', hint: 'Use one of the formats `quire --help` lists.' },
  'template-invalid': { title: 'Template error', means: 'A template (yours, in a templates/ folder, or quire\'s) or the PDF\'s theme.json has an error, or uses something quire no longer reads.', hint: 'Fix the template at the place shown, or delete your copy to use quire\'s own.' },
  'render-failed': { title: 'Rendering failed', means: 'A renderer could not make its output from the book and the options given (an unknown page size, say).', hint: 'Check the option the message names; `quire --help` lists the values.' },
  'write-failed': { title: 'Could not write output', means: 'The output folder cannot be written: it is a file, is under a file, is read-only or not yours, or the disk is full. Nothing was half-written: every file is written whole or not at all.', hint: 'Give --out (or `quire.out`) a folder you can write to.' },
  'init-exists': { title: 'File already exists', means: '`quire init` would overwrite a file that is already there, so it wrote nothing.', hint: 'Run `quire init` in an empty folder, or give it a new one: `quire init my-book`.' },

  // Checking, and the command itself
  'epubcheck-missing': { title: 'EPUBCheck not available', means: '`quire check` and `--check` need Java and EPUBCheck, and one of them was not found.', hint: 'Install both: apt-get install -y default-jre-headless epubcheck.' },
  'file-not-found': { title: 'File not found', means: 'A file given to `quire check` does not exist; a check of nothing is not a pass.', hint: 'Check the file name and the folder it is run in.' },
  'usage-error': { title: 'Command-line error', means: 'The command line has an unknown command or option, or an option without its value (exit code 2).', hint: 'Run `quire --help`.' },
  'preview-port-busy': { title: 'Preview port in use', means: '`quire preview --port N` could not listen on 127.0.0.1:N: another program (or another preview) uses that port.', hint: 'Stop the other program, pick another port, or leave out --port for a free one.' },
  'internal-error': { title: 'Internal error', means: 'quire failed in a way it did not foresee: a bug, not a problem with the manuscript.', hint: 'Run again with --debug and report it, with the stack trace, at quire\'s issue tracker.' },
} satisfies Record<string, CatalogueEntry>;

export type CatalogueRule = keyof typeof catalogue;

/** EPUBCheck's own messages, reported as `epubcheck-<id>` (`epubcheck-rsc-005`); their meaning is EPUBCheck's. */
const EPUBCHECK_RULE = /^epubcheck-([a-z]{3}-\d{3}[a-z]?)$/;

/** The entry for a rule id, or undefined for a rule quire does not have. */
export function catalogueEntry(rule: string): CatalogueEntry | undefined {
  if (Object.hasOwn(catalogue, rule)) return (catalogue as Record<string, CatalogueEntry>)[rule];
  const epubcheck = EPUBCHECK_RULE.exec(rule);
  if (!epubcheck) return undefined;
  const id = epubcheck[1].toUpperCase();
  return {
    title: `EPUBCheck message ${id}`,
    means: `EPUBCheck, the EPUB validator stores use, reported ${id} about the EPUB; quire places it at the manuscript line it came from when it can.`,
    hint: `Look up ${id} in EPUBCheck's messages (github.com/w3c/epubcheck); the message names the file and line inside the EPUB when quire cannot place it in the manuscript.`,
  };
}

/** An entry as `quire --explain` prints it: the rule id and title, then what it means and what to do. */
export function formatEntry(rule: string, entry: CatalogueEntry): string {
  return `${rule}: ${entry.title}\n\n${entry.means}\n${entry.hint ? `\nWhat to do: ${entry.hint}\n` : ''}`;
}
