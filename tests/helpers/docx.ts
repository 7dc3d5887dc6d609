/**
 * Writes real Word documents for tests, part by part as Word does (ECMA-376): `[Content_Types].xml`, the package
 * relationships, `word/document.xml` with its relationships, `word/styles.xml`, `word/footnotes.xml`, an embedded
 * image and `docProps/core.xml`. Paragraphs are given as small objects so a test reads like the document it makes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

/** A run of text, optionally italic or bold; `note` makes it a footnote reference whose note holds that text. */
export type Run = string | { text: string; italic?: boolean; bold?: boolean } | { note: string } | { image: string };

/** A paragraph: its style (`Title`, `Heading1`; none for body text) and its runs. */
export interface Para {
  style?: string;
  runs: Run[];
}

export interface DocxSpec {
  paragraphs: Para[];
  /** docProps/core.xml's dc:title and dc:creator. */
  core?: { title?: string; creator?: string };
  /**
   * Style id → style name, for the styles the paragraphs use. By default Word's English ones (`Heading1` named
   * `heading 1`); a Dutch Word writes `Kop1` named `heading 1`, LibreOffice `Heading1` named `Heading 1`.
   */
  styles?: Record<string, string>;
  /** The embedded picture's bytes and the content type its extension is given (default: a PNG). */
  picture?: { bytes: Buffer; extension: string; contentType: string };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

/** A 2×2 red PNG, from the render fixtures. */
export const PNG = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'render', 'epub', 'dot.png'));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const text = (value: string) => `<w:t xml:space="preserve">${escape(value)}</w:t>`;

/** Word's own names for the styles a manuscript uses: built-in headings are lower case in styles.xml. */
const STYLES: Record<string, string> = { Title: 'Title', Subtitle: 'Subtitle', Heading1: 'heading 1', Heading2: 'heading 2' };

function run(r: Run, notes: string[]): string {
  if (typeof r === 'string') return `<w:r>${text(r)}</w:r>`;
  if ('note' in r) {
    notes.push(r.note);
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${notes.length}"/></w:r>`;
  }
  if ('image' in r) {
    return (
      `<w:r><w:drawing><wp:inline><wp:extent cx="190500" cy="190500"/><wp:docPr id="1" name="Picture 1" descr="${escape(r.image)}"/>` +
      `<a:graphic><a:graphicData uri="${PIC}"><pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="image1.png" descr="${escape(r.image)}"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="rIdImage1"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
    );
  }
  const props = `${r.italic ? '<w:i/>' : ''}${r.bold ? '<w:b/>' : ''}`;
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}${text(r.text)}</w:r>`;
}

const paragraph = (p: Para, notes: string[]) => `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${p.runs.map((r) => run(r, notes)).join('')}</w:p>`;

/** The bytes of a .docx holding `spec`. */
export async function makeDocx(spec: DocxSpec): Promise<Buffer> {
  const notes: string[] = [];
  const picture = spec.picture ?? { bytes: PNG, extension: 'png', contentType: 'image/png' };
  const body = spec.paragraphs.map((p) => paragraph(p, notes)).join('');
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Default Extension="${picture.extension}" ContentType="${picture.contentType}"/>` +
      `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
      `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
      `<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>` +
      `<Relationship Id="rIdImage1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.${picture.extension}"/></Relationships>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:wp="${WP}" xmlns:a="${A}" xmlns:pic="${PIC}"><w:body>${body}</w:body></w:document>`,
  );
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">` +
      `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
      Object.entries(spec.styles ?? STYLES).map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/></w:style>`).join('') +
      `<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>`,
  );
  zip.file(
    'word/footnotes.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="${W}">` +
      `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
      notes.map((note, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:footnoteRef/></w:r><w:r>${text(` ${note}`)}</w:r></w:p></w:footnote>`).join('') +
      `</w:footnotes>`,
  );
  zip.file(`word/media/image1.${picture.extension}`, picture.bytes);
  const core = spec.core ?? {};
  zip.file(
    'docProps/core.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      `${core.title !== undefined ? `<dc:title>${escape(core.title)}</dc:title>` : ''}${core.creator !== undefined ? `<dc:creator>${escape(core.creator)}</dc:creator>` : ''}</cp:coreProperties>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
