import { Parser } from 'htmlparser2';
import { read } from '../../../src/build';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import type { Book, Section } from '../../../src/model/types';
import { AO3_ELEMENTS, ao3AllowsAttribute, ao3Chapters, ao3Work, htmlRenderer, type Ao3Work, type HtmlOptions } from '../../../src/render/html';
import type { RenderContext } from '../../../src/render/types';
import { corpusFile } from '../../helpers/tools';
import { sampleBook } from '../../helpers/sample-book';

interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/** Every element of an HTML fragment, in document order. */
function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => tags.push({ name, attributes }) }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return tags;
}

/** Fails with the offending tag when a fragment uses anything AO3's sanitizer would strip. */
function expectAo3Safe(html: string): void {
  for (const tag of tagsOf(html)) {
    expect(AO3_ELEMENTS.has(tag.name) ? tag.name : `<${tag.name}> is not allowed`).toBe(tag.name);
    for (const attribute of Object.keys(tag.attributes)) {
      expect(ao3AllowsAttribute(tag.name, attribute) ? attribute : `${tag.name}[${attribute}] is not allowed`).toBe(attribute);
    }
  }
}

function fragments(work: Ao3Work): string[] {
  return [work.summary, work.notes, work.endNotes, ...work.chapters.flatMap((c) => [c.html, c.notes, c.endNotes])].filter((f): f is string => !!f);
}

function context(options: Partial<HtmlOptions> = {}): RenderContext<HtmlOptions> & { report: CollectingReporter } {
  return {
    options: { ...htmlRenderer.defaultOptions, ...options },
    report: new CollectingReporter(),
    assets: { template: () => '', templatePath: () => '', manuscriptFile: () => Buffer.alloc(0), font: () => Buffer.alloc(0) },
    now: new Date('2024-03-01T00:00:00Z'),
  };
}

test('every fragment of the sample book uses only the tags and attributes AO3 keeps', () => {
  const work = ao3Work(sampleBook());
  const all = fragments(work);
  expect(all.length).toBeGreaterThanOrEqual(5);
  for (const html of all) expectAo3Safe(html);
  const names = new Set(all.flatMap((html) => tagsOf(html).map((t) => t.name)));
  // The sample uses every node type, so these must all appear.
  for (const name of ['p', 'em', 'strong', 'a', 'sup', 'br', 'hr', 'blockquote', 'ul', 'ol', 'li', 'table', 'th', 'td', 'pre', 'code', 'h4']) expect(names).toContain(name);
});

test('the checker itself rejects what AO3 strips', () => {
  expect(() => expectAo3Safe('<p class="x">a</p>')).toThrow();
  expect(() => expectAo3Safe('<section><p>a</p></section>')).toThrow();
  expect(() => expectAo3Safe('<p style="color:red">a</p>')).toThrow();
  expect(() => expectAo3Safe('<p align="center">a</p>')).not.toThrow();
});

test('text is escaped and never becomes markup', () => {
  const work = ao3Work(sampleBook());
  expect(work.notes).toContain('All characters are my own. &lt;Not&gt; yours &amp; not theirs.');
  expect(tagsOf(work.notes!).map((t) => t.name)).not.toContain('not');
  const book = sampleBook();
  book.body[0].children = [{ type: 'paragraph', children: [{ type: 'text', value: 'a <script>alert("x")</script> & b\nc\u0007' }] }];
  const [first] = ao3Chapters(book);
  expect(first.html).toBe('<p>a &lt;script&gt;alert("x")&lt;/script&gt; &amp; b c</p>');
});

test('a chapter opening with an author\'s note puts it in the beginning notes; one closing it goes to the end notes', () => {
  const book = sampleBook();
  book.body[1].children.unshift({ type: 'authorNote', label: 'A/N', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Set a year later.' }] }] });
  const [one, two] = ao3Chapters(book);
  expect(one.notes).toBeUndefined();
  expect(one.endNotes).toBe('<p>Thanks for reading!</p>');
  expect(one.html).not.toContain('Thanks for reading');
  expect(two.notes).toBe('<p>Set a year later.</p>');
  expect(two.html).not.toContain('a year later');
});

test('an author\'s note inside the text stays there, labelled', () => {
  const book = sampleBook();
  book.body[0].children.push({ type: 'paragraph', children: [{ type: 'text', value: 'After the note.' }] });
  const [one] = ao3Chapters(book);
  expect(one.endNotes).toBeUndefined();
  expect(one.html).toContain('<blockquote>\n<p><strong>A/N:</strong> Thanks for reading!</p>\n</blockquote>');
});

test('chapter titles leave out the label AO3 adds itself', () => {
  expect(ao3Chapters(sampleBook()).map((c) => c.title)).toEqual(['The Lantern', '\u0398\u03b5\u03cc\u03c2 and \u0416\u0438\u0437\u043d\u044c']);
  const book = sampleBook();
  book.body[0].title = [];
  book.body[1].title = [];
  book.body[1].label = 'Epilogue';
  expect(ao3Chapters(book).map((c) => c.title)).toEqual(['', 'Epilogue']);
});

test('footnotes are numbered per chapter and linked both ways with name anchors', () => {
  const [one, two] = ao3Chapters(sampleBook());
  expect(one.html).toContain('lantern<sup><a href="#chapter1-note1" name="chapter1-ref1">1</a></sup>');
  expect(one.html).toContain('<h4>Footnotes</h4>\n<p><a name="chapter1-note1" href="#chapter1-ref1">1.</a> A storm lantern, brass and glass.</p>');
  expect(two.html).not.toContain('Footnotes');
});

test('the headings quire adds are in the book’s language, with its own labels over it', () => {
  const book = sampleBook();
  book.meta = { ...book.meta, language: 'de' };
  const work = ao3Work(book);
  expect(work.chapters[0].html).toContain('<h4>Fußnoten</h4>');
  expect(work.notes).toContain('<p><strong>Haftungsausschluss</strong></p>');
  expect(work.notes).toContain('<p><strong>Widmung</strong></p>');
  book.meta = { ...book.meta, labels: { footnotes: 'Anmerkungen & Fußnoten' } };
  expect(ao3Work(book).chapters[0].html).toContain('<h4>Anmerkungen &amp; Fußnoten</h4>');
});

test('no paragraph spans two lines, because AO3 turns a newline in text into a line break', () => {
  for (const html of fragments(ao3Work(sampleBook()))) {
    for (const line of html.replace(/<pre>[\s\S]*?<\/pre>/g, '').split('\n')) {
      if (line.startsWith('<p')) expect(line).toMatch(/<\/p>$/);
    }
  }
  expect(ao3Chapters(sampleBook())[1].html).toContain('<pre><code>if (dark) {\n  light();\n}</code></pre>');
});

test('links AO3 cannot follow keep only their text; local images become their description, with a warning', () => {
  const book = sampleBook();
  book.body[0].children = [
    {
      type: 'paragraph',
      children: [
        { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'bad' }] },
        { type: 'link', url: 'chapter-2.md', children: [{ type: 'text', value: 'next' }] },
        { type: 'link', url: 'mailto:wren@example.org', children: [{ type: 'text', value: 'mail' }] },
      ],
    },
    { type: 'imageBlock', url: 'images/map.png', alt: 'A map of the bay' },
    { type: 'imageBlock', url: 'https://example.org/map.png', alt: 'Map', caption: [{ type: 'text', value: 'The bay' }] },
  ];
  const report = new CollectingReporter();
  const [one] = ao3Chapters(book, { report });
  expect(one.html).toContain('<p>badnext<a href="mailto:wren@example.org">mail</a></p>');
  expect(one.html).toContain('<p>[A map of the bay]</p>');
  expect(one.html).toContain('<figure><img src="https://example.org/map.png" alt="Map" /><figcaption>The bay</figcaption></figure>');
  expect(report.messages.map((m) => m.rule)).toEqual(['html-image-local']);
  expectAo3Safe(one.html);
});

test('verse keeps its lines and indentation', () => {
  const [one] = ao3Chapters(sampleBook());
  expect(one.html).toContain('<p>Keep the lamp, keep the lamp,<br />\u00a0\u00a0\u00a0\u00a0keep it burning through the damp.</p>');
});

test('scene breaks: a rule by default, the ornament on request', async () => {
  expect(ao3Chapters(sampleBook())[0].html).toContain('\n<hr />\n');
  const ornament = ao3Chapters(sampleBook(), { options: { sceneBreak: 'ornament' } })[0].html;
  expect(ornament).toContain('<p align="center">~*~*~</p>');
  expect(ornament).not.toContain('<hr');
});

test('a part folds into its first chapter, under an h3', () => {
  const book: Book = sampleBook();
  const part: Section = { type: 'section', role: 'part', depth: 1, id: 'part-1', title: [{ type: 'text', value: 'Winter' }], children: [{ type: 'paragraph', children: [{ type: 'text', value: 'Cold.' }] }], sections: book.body };
  for (const chapter of part.sections) chapter.depth = 2;
  book.body = [part];
  const chapters = ao3Chapters(book);
  expect(chapters).toHaveLength(2);
  expect(chapters[0].html.startsWith('<h3>Winter</h3>\n<p>Cold.</p>\n<p>Mara lit')).toBe(true);
  expect(chapters[1].html.startsWith('<ul>')).toBe(true);
});

test('the renderer writes one HTML file with every field between named markers', async () => {
  const ctx = context();
  const artifact = await htmlRenderer.render(sampleBook(), ctx);
  expect(artifact.extension).toBe('.ao3.html');
  expect(artifact.mediaType).toBe('text/html');
  const html = new TextDecoder('utf-8', { fatal: true }).decode(artifact.data);
  expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />')).toBe(true);
  expect(html).toContain('<!-- Chapter 1 title: The Lantern -->');
  expect(html).toContain('<!-- Chapter 2 title: \u0398\u03b5\u03cc\u03c2 and \u0416\u0438\u0437\u043d\u044c -->');
  for (const name of ['Work summary', 'Work notes (beginning)', 'Chapter 1 text', 'Chapter 1 notes (end)', 'Chapter 2 text']) {
    expect(html).toContain(`<!-- ${name}: begin -->`);
    expect(html).toContain(`<!-- ${name}: end -->`);
  }
  const body = html.slice(html.indexOf('<body>') + '<body>'.length, html.indexOf('</body>'));
  expectAo3Safe(body);
  expect(ctx.report.messages).toEqual([]);
});

test('a title cannot close a marker comment', async () => {
  const book = sampleBook();
  book.body[0].title = [{ type: 'text', value: 'Ends --> here' }];
  const html = new TextDecoder().decode((await htmlRenderer.render(book, context())).data);
  expect(html).toContain('<!-- Chapter 1 title: Ends \u2013 here -->');
});

test('the seed and the sample manuscript', () => {
  const report = new CollectingReporter();
  const seed = ao3Work(read(corpusFile('seed/000_27920b3cbfe5b9b8.txt'), { report }));
  expect(seed.chapters).toHaveLength(1);
  expect(seed.chapters[0].title).toBe('');
  expect(seed.chapters[0].html.split('\n').filter((l) => l.startsWith('<p>'))).toHaveLength(21);
  expect(seed.summary).toContain('When Lex has a fight with his father');
  expect(seed.notes).toContain('<p><strong>Disclaimer</strong></p>\n<p>I do not now nor will I ever own Smallville.');
  for (const html of fragments(seed)) expectAo3Safe(html);

  const sample = ao3Work(read('manuscript', { report }));
  expect(sample.chapters.map((c) => c.title)).toEqual(['The Dark Window', 'The Keeper']);
  expect(sample.chapters[0].notes).toMatch(/^<p>This is my first story posted here/);
  expect(sample.chapters[1].endNotes).toBeDefined();
  expect(sample.chapters[0].html).toContain('\n<hr />\n');
  for (const html of fragments(sample)) expectAo3Safe(html);
});
