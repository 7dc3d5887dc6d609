/** The sample book (every node type) as an EPUB: validity, metadata, reading order, and what each node becomes. */
import { assertEpubXmlWellFormed } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';
import { entry, expectCleanEpubcheck, renderBook, spineHrefs, type Rendered } from './render-helpers';

let r: Rendered;
beforeAll(async () => {
  r = await renderBook(sampleBook());
});

test('passes EPUBCheck with no messages and every XML file is well-formed', async () => {
  expectCleanEpubcheck(r.file);
  expect(await assertEpubXmlWellFormed(r.data)).toBeGreaterThanOrEqual(8);
  expect(r.report.messages).toEqual([]);
});

test('the OPF has one creator per author, the language, the summary and the build date', () => {
  const opf = entry(r, 'content.opf');
  expect([...opf.matchAll(/<dc:creator id="[^"]+">([^<]*)</g)].map((m) => m[1])).toEqual(['Ada Quill', 'B. Marsh']);
  expect(opf).toContain('<meta refines="#creator-1" property="file-as">Quill, Ada</meta>');
  expect(opf).toContain('<dc:language>en</dc:language>');
  expect(opf).toContain('xml:lang="en"');
  expect(opf).toContain('<dc:description>Two friends, one lantern, a long night.</dc:description>');
  expect(opf).toContain('<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>');
  expect(opf).toContain('<dc:date>2024-03-01</dc:date>');
  expect([...opf.matchAll(/<dc:subject>([^<]*)</g)].map((m) => m[1])).toEqual(['Original Work', 'friendship', 'winter', 'Mara', 'Tobiah']);
  expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/);
  expect(opf).toContain('<meta property="schema:accessMode">textual</meta>');
  expect(opf).toContain('<meta property="schema:accessibilityHazard">none</meta>');
  expect(opf).not.toContain('All rights reserved');
});

test('reading order: cover, title page, copyright page (the book has a date), disclaimer, dedication, contents page (not the navigation document), chapters', () => {
  expect(spineHrefs(entry(r, 'content.opf'))).toEqual(['cover.xhtml', 'title-page.xhtml', 'copyright.xhtml', 'disclaimer.xhtml', 'dedication.xhtml', 'contents.xhtml', 'chapter-1.xhtml', 'chapter-2.xhtml']);
  expect(entry(r, 'title-page.xhtml')).toContain('epub:type="titlepage"');
  expect(entry(r, 'disclaimer.xhtml')).toContain('epub:type="copyright-page"');
  expect(entry(r, 'dedication.xhtml')).toContain('epub:type="dedication"');
});

test('the title page shows title, subtitle, authors, rating, fandom, summary and word count', () => {
  const page = entry(r, 'title-page.xhtml');
  for (const text of ['The Lantern &amp; the Loft', 'A Story in Two Chapters', 'Ada Quill and B. Marsh', '<span class="fact-label">Rating:</span> T</p>', 'Original Work', 'Two friends, one lantern', '<span class="fact-label">Words:</span> 120</p>']) {
    expect(page).toContain(text);
  }
});

test('the navigation document has the contents and the landmarks', () => {
  const nav = entry(r, 'toc.xhtml');
  expect(nav).toContain('<a href="chapter-1.xhtml">Chapter 1: The Lantern</a>');
  expect(nav).toContain('<a epub:type="toc" href="contents.xhtml">');
  expect(nav).toContain('<a epub:type="titlepage" href="title-page.xhtml">');
  expect(nav).toContain('<a epub:type="bodymatter" href="chapter-1.xhtml">');
  expect(entry(r, 'toc.ncx')).toContain('<content src="chapter-2.xhtml"/>');
  for (const [name, text] of r.files) if (name.endsWith('.xhtml')) expect(text).toMatch(/<html [^>]*lang="en" xml:lang="en"/);
});

test('the footnote is an aside at the end of its chapter with a noteref and a back-link', () => {
  const ch1 = entry(r, 'chapter-1.xhtml');
  expect(ch1).toContain('<a epub:type="noteref" role="doc-noteref" id="note-ref-1" href="#note-1" class="noteref">1</a>');
  expect(ch1).toMatch(/<aside epub:type="footnote" role="doc-footnote" id="note-1"[^>]*><p class="footnote-label"><a href="#note-ref-1"[^>]*>1\.<\/a><\/p>\s*<p>A storm lantern, brass and glass\.<\/p>/);
  expect(ch1.indexOf('<aside')).toBeGreaterThan(ch1.indexOf('Thanks for reading!'));
  expect(entry(r, 'chapter-2.xhtml')).not.toContain('<aside');
});

test('every node type is rendered visibly', () => {
  const ch1 = entry(r, 'chapter-1.xhtml');
  const ch2 = entry(r, 'chapter-2.xhtml');
  expect(ch1).toContain('<h1 class="chapter-title"><span class="label">Chapter 1</span> <span class="title">The Lantern</span></h1>');
  expect(ch1).toContain('<em>old</em>');
  expect(ch1).toContain('<strong>truly</strong>');
  expect(ch1).toContain('<a href="https://example.org/lanterns">the lantern guild</a>');
  expect(ch1).toContain('<code>light()</code>.<br/>A new line.');
  expect(ch1).toContain('<div class="scene-break" role="separator" aria-label="Scene break">* * *</div>');
  expect(ch1).toContain('<blockquote><p>Light is a promise.</p>');
  expect(ch1).toContain('<p class="verse-line">Keep the lamp, keep the lamp,</p><p class="verse-line indent-1">keep it burning through the damp.</p>');
  expect(ch1).toContain('<div class="author-note"><p class="author-note-label">A/N</p><p>Thanks for reading!</p>');
  expect(ch2).toMatch(/<ul><li><p>oil<\/p>\s*<\/li><li><p>wick<\/p>/);
  expect(ch2).toContain('<ol start="3"><li><p>third</p>');
  expect(ch2).toContain('<thead><tr><th class="align-left">Item</th><th class="align-right">Count</th></tr></thead>');
  expect(ch2).toContain('<td class="align-left">Lanterns</td><td class="align-right">2</td>');
  expect(ch2).toContain('<pre><code class="language-js">if (dark) {\n  light();\n}</code></pre>');
  expect(ch2).toContain('<h3>A Smaller Heading</h3>');
  expect(ch2).toContain('Δελφοί and Москва');
});

test('text with < and & is escaped', () => {
  expect(entry(r, 'disclaimer.xhtml')).toContain('All characters are my own. &lt;Not&gt; yours &amp; not theirs.');
});

test('the same book renders to the same bytes; another build date changes only dcterms:modified', async () => {
  const again = await renderBook(sampleBook());
  expect(Buffer.from(again.data).equals(Buffer.from(r.data))).toBe(true);
  const later = await renderBook(sampleBook(), new Date('2025-06-30T12:34:56.789Z'));
  expect(entry(later, 'content.opf')).toContain('<meta property="dcterms:modified">2025-06-30T12:34:56Z</meta>');
  expect(entry(later, 'content.opf').replace(/2025-06-30T12:34:56Z/, '2024-01-01T00:00:00Z')).toBe(entry(r, 'content.opf'));
});

test('mimetype is the first entry, stored uncompressed', () => {
  const bytes = Buffer.from(r.data);
  expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
  expect(bytes.readUInt16LE(8)).toBe(0); // compression method: stored
  const nameLength = bytes.readUInt16LE(26);
  expect(bytes.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
  expect(bytes.subarray(30 + nameLength + bytes.readUInt16LE(28)).subarray(0, 20).toString()).toBe('application/epub+zip');
});
