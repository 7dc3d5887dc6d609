/** Cover, landmarks, metadata, the stylesheet and sentence rules, and EPUBCheck messages traced to the manuscript. */
import JSZip from 'jszip';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';
import { epubcheckDiagnostics, parseEpubcheckJson, runEpubcheck } from '../../../src/check/epubcheck';
import { plainCss } from '../../../src/render/epub/css';
import { addKoboSpans, sentences } from '../../../src/render/epub/kobo';
import { lookup } from '../../../src/render/epub/sourcemap';
import { sampleBook } from '../../helpers/sample-book';
import { tempDir, unzip } from '../../helpers/tools';
import { entry, renderBook, type Rendered } from './render-helpers';

let r: Rendered;
beforeAll(async () => {
  const book = sampleBook();
  book.meta.series = { name: 'Lights', index: 2 };
  book.meta.publisher = 'Small Press';
  book.meta.rights = 'CC BY 4.0';
  r = await renderBook(book);
});

test('the generated cover is a 1600×2560 PNG on a cover page first in the reading order', async () => {
  const png = (await unzip(r.data)).get('OEBPS/images/generated-cover.png') as Buffer;
  expect(imageSize(png)).toMatchObject({ width: 1600, height: 2560, type: 'png' });
  const opf = entry(r, 'content.opf');
  expect(opf).toContain('<item id="cover-image" href="images/generated-cover.png" media-type="image/png" properties="cover-image"/>');
  expect(opf).toContain('<meta name="cover" content="cover-image"/>');
  expect(opf).toMatch(/<spine[^>]*>\s*<itemref idref="item-cover"\/>/);
  const page = entry(r, 'cover.xhtml');
  expect(page).toContain('viewBox="0 0 1600 2560" preserveAspectRatio="xMidYMid meet" role="img" aria-label="Cover: The Lantern &amp; the Loft by Ada Quill and B. Marsh"');
  expect(page).toContain('<image width="1600" height="2560" xlink:href="images/generated-cover.png"/>');
});

test('the same book draws the same cover; another title draws another', async () => {
  const cover = async (title: string) => {
    const book = sampleBook();
    book.meta.title = title;
    return (await unzip((await renderBook(book)).data)).get('OEBPS/images/generated-cover.png') as Buffer;
  };
  const a = await cover('Same');
  expect((await cover('Same')).equals(a)).toBe(true);
  expect((await cover('Different')).equals(a)).toBe(false);
});

test('landmarks: cover, title page, contents, start of the story; the contents page does not list itself', () => {
  const nav = entry(r, 'toc.xhtml');
  const landmarks = [...nav.matchAll(/<a epub:type="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(landmarks).toEqual(['cover cover.xhtml', 'titlepage title-page.xhtml', 'toc contents.xhtml', 'bodymatter chapter-1.xhtml']);
  const toc = nav.slice(nav.indexOf('<nav epub:type="toc"'), nav.indexOf('</nav>'));
  for (const page of ['toc.xhtml', 'contents.xhtml', 'cover.xhtml']) {
    expect(toc).not.toContain(page);
    expect(entry(r, 'contents.xhtml')).not.toContain(`href="${page}"`);
    expect(entry(r, 'toc.ncx')).not.toContain(page);
  }
});

test('metadata: series for EPUB 3 and calibre, rating, publisher, rights, each author with file-as', () => {
  const opf = entry(r, 'content.opf');
  for (const line of [
    '<meta property="belongs-to-collection" id="series">Lights</meta>',
    '<meta refines="#series" property="collection-type">series</meta>',
    '<meta refines="#series" property="group-position">2</meta>',
    '<meta name="calibre:series" content="Lights"/>',
    '<meta name="calibre:series_index" content="2"/>',
    '<meta property="schema:contentRating">T</meta>',
    '<dc:publisher>Small Press</dc:publisher>',
    '<dc:rights>CC BY 4.0</dc:rights>',
    '<dc:creator id="creator-2">B. Marsh</dc:creator>',
  ]) expect(opf).toContain(line);
});

test('accessibility of a text-only book: textual, conformance claimed, hazards none', () => {
  const opf = entry(r, 'content.opf');
  expect([...opf.matchAll(/property="schema:accessMode">([^<]+)</g)].map((m) => m[1])).toEqual(['textual']);
  expect([...opf.matchAll(/property="schema:accessModeSufficient">([^<]+)</g)].map((m) => m[1])).toEqual(['textual']);
  expect(opf).not.toContain('alternativeText'); // no images, so nothing to claim
  expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level A</meta>');
  expect(opf).toContain('<meta property="a11y:certifiedBy">quire (automated)</meta>');
  expect(opf).toContain('Footnotes are linked from the text and link back to it. Tables have header rows');
});

test('sentences and koboSpans: text is kept exactly, code is not split', () => {
  expect(sentences('One. “Two!” Three… four? end')).toEqual(['One. ', '“Two!” ', 'Three… ', 'four? ', 'end']);
  const body = '<section><h1>Title</h1>\n<p>A &amp; B. <em>C.</em> D</p>\n<pre><code>x. y</code></pre>\n<ul><li><p>item</p></li></ul></section>';
  const spanned = addKoboSpans(body);
  expect(spanned).toContain('<h1><span class="koboSpan" id="kobo.1.1">Title</span></h1>');
  expect(spanned).toContain('<p><span class="koboSpan" id="kobo.2.1">A &amp; B. </span><em><span class="koboSpan" id="kobo.2.2">C.</span></em><span class="koboSpan" id="kobo.2.3"> D</span></p>');
  expect(spanned).toContain('<pre><code>x. y</code></pre>');
  expect(spanned).toContain('<li><p><span class="koboSpan" id="kobo.4.1">item</span></p></li>');
  expect(spanned.replace(/<span class="koboSpan" id="[^"]+">|<\/span>|<\/?div[^>]*>/g, '').trim()).toBe(body);
});

test('plainCss drops comments and resolves custom properties', () => {
  const css = '/* a -- b */\n:root { --ink: #333; }\np { color: var(--ink); margin: var(--gap, 1em); border: var(--none); }\n';
  expect(plainCss(css)).toBe('\n:root {  }\np { color: #333; margin: 1em;  }\n');
});

test('EPUBCheck messages about our XHTML point at the manuscript line of the block', async () => {
  // Break the paragraph written from sample.md:14 after rendering, as a faulty template or plugin might.
  const zip = await JSZip.loadAsync(r.data);
  const ch1 = entry(r, 'chapter-1.xhtml').replace('<p>See ', '<p><blink>See</blink> ');
  zip.file('OEBPS/chapter-1.xhtml', ch1);
  zip.file('mimetype', 'application/epub+zip', { compression: 'STORE' });
  const file = path.join(tempDir('quire-check-'), 'broken.epub');
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const result = runEpubcheck(file);
  expect(result.version).toBe('4.2.6');
  expect(result.messages.map((m) => m.id)).toEqual(['RSC-005']);
  const [d] = epubcheckDiagnostics(result, file, r.artifact.sourceMap);
  expect(d).toMatchObject({ severity: 'error', rule: 'epubcheck-rsc-005', position: { file: 'sample.md', start: { line: 14 } } });
  expect(d.message).toMatch(/"blink" not allowed here.*\(EPUBCheck RSC-005 in OEBPS\/chapter-1\.xhtml:\d+:\d+\)$/);
  // Without the map, the message stays at the file inside the EPUB.
  expect(epubcheckDiagnostics(result, file)[0].position?.file).toBe(`${file}/OEBPS/chapter-1.xhtml`);
});

test('the source map and the JSON parser on their own', () => {
  const map = r.artifact.sourceMap;
  expect(lookup(map, 'OEBPS/chapter-2.xhtml', 1)?.start.line).toBe(30); // the chapter heading's section
  expect(lookup(map, 'OEBPS/chapter-2.xhtml', 10_000)?.start.line).toBe(48); // its last paragraph
  expect(lookup(map, 'OEBPS/content.opf', 3)).toBeUndefined();
  const parsed = parseEpubcheckJson('Validating…\n{"messages":[{"ID":"OPF-003","severity":"WARNING","message":"m","locations":[{"path":"x","line":-1,"column":-1}]}],"checker":{"checkerVersion":"9"}}');
  expect(parsed).toEqual({ version: '9', fatals: 0, errors: 0, warnings: 1, messages: [{ id: 'OPF-003', severity: 'WARNING', message: 'm', path: 'x', line: undefined, column: undefined }] });
});

test('matter pages with an epub:type that has a DPUB-ARIA role carry both (epigraph, foreword, afterword), others neither; an untitled epigraph shows no heading', async () => {
  const book = sampleBook();
  const page = (role: 'epigraph' | 'foreword' | 'afterword' | 'other') => ({ type: 'matter' as const, role, id: role, children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: `The ${role}.` }] }] });
  book.front.push(page('epigraph'), page('foreword'));
  book.back.push(page('afterword'), page('other'));
  const rendered = await renderBook(book);
  const opening = (file: string) => entry(rendered, file).match(/<section class="matter [^"]*"[^>]*>/)?.[0];
  expect(opening('epigraph.xhtml')).toBe('<section class="matter epigraph" epub:type="epigraph" role="doc-epigraph" aria-label="Epigraph">');
  expect(entry(rendered, 'epigraph.xhtml')).not.toContain('<h1');
  expect(entry(rendered, 'foreword.xhtml')).toContain('<h1 class="page-title">Foreword</h1>');
  expect(opening('foreword.xhtml')).toBe('<section class="matter foreword" epub:type="foreword" role="doc-foreword">');
  expect(opening('afterword.xhtml')).toBe('<section class="matter afterword" epub:type="afterword" role="doc-afterword">');
  expect(opening('other.xhtml')).toBe('<section class="matter other">');
});
