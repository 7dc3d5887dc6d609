/** The XHTML serialiser's handlers and the renderer's diagnostics, without EPUBCheck. */
import { FileAssets } from '../../../src/assets';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { QuireError } from '../../../src/diagnostics/types';
import { ENGLISH } from '../../../src/locale';
import { emptyBook } from '../../../src/model/build-helpers';
import type { Block, Inline, Position } from '../../../src/model/types';
import { bookIdentifier, uuidV5 } from '../../../src/render/epub/identifier';
import { ImageCatalog } from '../../../src/render/epub/images';
import { epubRenderer } from '../../../src/render/epub';
import { FootnoteRegistry } from '../../../src/render/epub/notes';
import { blocks } from '../../../src/render/epub/xhtml/blocks';
import type { XhtmlContext } from '../../../src/render/epub/xhtml/context';
import { unzip } from '../../helpers/tools';
import { FIXTURES, entry, renderBook } from './render-helpers';

const at: Position = { file: 'book.md', start: { line: 3, column: 5 }, end: { line: 3, column: 20 } };
const t = (value: string): Inline => ({ type: 'text', value });

function context(report = new CollectingReporter()): XhtmlContext {
  return {
    report,
    notes: new FootnoteRegistry(emptyBook(FIXTURES)),
    images: new ImageCatalog(new FileAssets({ root: FIXTURES }), report, ENGLISH.image),
    links: (url) => (url.startsWith('https:') ? url : undefined),
    labels: ENGLISH,
  };
}

test('uuidV5 matches the RFC 4122 example and book ids are stable', () => {
  expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  const meta = { ...emptyBook('.').meta, title: 'A', authors: [{ name: 'B' }] };
  expect(bookIdentifier(meta)).toBe(bookIdentifier({ ...meta }));
  expect(bookIdentifier(meta)).not.toBe(bookIdentifier({ ...meta, title: 'A2' }));
  expect(bookIdentifier({ ...meta, identifier: 'isbn:9780000000000' })).toBe('isbn:9780000000000');
});

test('text and attributes are escaped and forbidden control characters dropped', () => {
  const ctx = context();
  const html = blocks([{ type: 'paragraph', children: [t('a < b & "c"\u0007'), { type: 'link', url: 'https://x.org/?a=1&b="2"', title: '<t>', children: [t('go')] }] }], ctx);
  expect(html).toBe('<p>a &lt; b &amp; "c"<a href="https://x.org/?a=1&amp;b=&quot;2&quot;" title="&lt;t&gt;">go</a></p>\n');
});

test('an unresolvable link keeps its text and a missing footnote its label, each with a warning', () => {
  const report = new CollectingReporter();
  const html = blocks([{ type: 'paragraph', children: [{ type: 'link', url: 'ftp-ish:nowhere', children: [t('x')], position: at }, { type: 'footnoteReference', identifier: 'nope', label: '9', position: at }] }], context(report));
  expect(html).toBe('<p><span class="link">x</span>[9]</p>\n');
  expect(report.messages.map((m) => m.rule)).toEqual(['footnote-missing']);
});

test('remote and unsupported images become their alt text with a positioned warning; a missing one is fatal', () => {
  const report = new CollectingReporter();
  const ctx = context(report);
  const image = (url: string): Block => ({ type: 'imageBlock', url, alt: `alt of ${url}`, position: at });
  expect(blocks([image('https://example.org/a.png'), image('notes.bmp')], ctx)).toBe(
    '<figure class="image"><p class="image-missing">alt of https://example.org/a.png</p></figure>\n<figure class="image"><p class="image-missing">alt of notes.bmp</p></figure>\n',
  );
  expect(report.messages.map((m) => [m.rule, m.position])).toEqual([['image-remote', at], ['image-unsupported', at]]);
  let thrown: unknown;
  try {
    blocks([image('gone.png')], ctx);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(QuireError);
  expect((thrown as QuireError).diagnostic).toMatchObject({ rule: 'asset-missing', position: at });
});

test('a user template replaces the built-in one', async () => {
  const book = emptyBook(FIXTURES);
  book.meta.title = 'Custom';
  book.body = [{ type: 'section', role: 'chapter', depth: 1, id: 'c1', title: [t('One')], children: [], sections: [] }];
  const report = new CollectingReporter();
  const assets = new FileAssets({ root: FIXTURES, userTemplates: `${FIXTURES}/templates` });
  const artifact = await epubRenderer.render(book, { options: epubRenderer.defaultOptions, report, assets, now: new Date(0) });
  const page = (await unzip(artifact.data)).get('OEBPS/title-page.xhtml')?.toString('utf8');
  expect(page).toContain('<p class="custom-title">CUSTOM</p>');
  // The built-in rendering, for contrast.
  expect(entry(await renderBook(book), 'title-page.xhtml')).not.toContain('custom-title');
});
