/**
 * The catalogue of fatal errors: permanent names, a title and a hint (after astro's errors-data.ts).
 *
 * A rule id never changes meaning once released. The message says what is wrong; the position is not part of it
 * (the reporter prints it); the hint says what to do.
 */
export interface CatalogueEntry {
  title: string;
  hint?: string;
}

export const catalogue = {
  'input-not-found': { title: 'Input not found', hint: 'Give a manuscript file (.md, .markdown, .txt, .html, .htm, .xhtml, .docx) or a folder that holds one.' },
  'input-unsupported': { title: 'Unsupported input file', hint: 'quire reads Markdown (.md, .markdown), plain text (.txt), HTML (.html, .htm, .xhtml) and Word documents (.docx).' },
  'input-empty': { title: 'Manuscript is empty', hint: 'Write the story below the metadata header or front matter.' },
  'input-no-story': { title: 'Manuscript has metadata but no story', hint: 'Write the story below the metadata.' },
  'input-not-text': { title: 'File is not text', hint: 'Save the manuscript as UTF-8 text.' },
  'encoding-invalid': { title: 'Text is not valid in its encoding', hint: 'Give the file\'s real encoding with --encoding, or save it as UTF-8 (in most editors: Save As… → Encoding → UTF-8).' },
  'encoding-unknown': { title: 'Unknown encoding', hint: 'Use utf-8, windows-1252, latin1, utf-16le, utf-16be, or another WHATWG Encoding label (shift_jis, koi8-r, gb18030…).' },
  'encoding-control': { title: 'Text holds C1 control characters', hint: 'Give the file\'s real encoding with --encoding NAME, or save it as UTF-8.' },
  'docx-invalid': { title: 'File is not a Word document', hint: 'Open it in Word, LibreOffice or Google Docs and save it again as a Word document (.docx).' },
  'yaml-invalid': { title: 'Front matter is not valid YAML', hint: 'Check the indentation and quote values that contain a colon followed by a space.' },
  'yaml-unclosed': { title: 'Front matter is never closed', hint: 'End the front matter with a line holding only `---`.' },
  'front-matter-language': { title: 'Front matter is not YAML', hint: 'Remove the language name after the opening `---` and write YAML `key: value` lines.' },
  'yaml-not-mapping': { title: 'Front matter is not a mapping', hint: 'Write front matter as `key: value` lines.' },
  'meta-invalid': { title: 'Metadata value has the wrong type' },
  'asset-missing': { title: 'File not found', hint: 'Paths are relative to the manuscript folder.' },
  'asset-outside': { title: 'File outside the manuscript folder', hint: 'Keep images and covers inside the manuscript folder.' },
  'format-unknown': { title: 'Unknown output format', hint: 'Use one of the formats `quire --help` lists.' },
  'reader-unknown': { title: 'Unknown input format' },
  'template-invalid': { title: 'Template error' },
  'config-invalid': { title: 'Invalid option in book.yaml', hint: 'The README\'s Configuration section lists every option of `quire:` and its values.' },
  'init-exists': { title: 'File already exists', hint: 'Run `quire init` in an empty folder, or give it a new one: `quire init my-book`.' },
  'write-failed': { title: 'Could not write output' },
  'render-failed': { title: 'Rendering failed' },
} satisfies Record<string, CatalogueEntry>;

export type CatalogueRule = keyof typeof catalogue;
