/** The reader table loads each reader on first use; its names and extensions must match the readers' own. */
import { readers, readerFor } from '../../src/read';
import { markdownReader } from '../../src/read/markdown';
import { plaintextReader } from '../../src/read/plaintext';
import { htmlReader } from '../../src/read/html';
import { docxReader } from '../../src/read/docx';
import { CollectingReporter } from '../../src/diagnostics/reporter';

describe('the reader table', () => {
  it('lists each reader with the name and extensions the reader module gives', () => {
    expect(readers.map((r) => [r.name, r.extensions])).toEqual([markdownReader, plaintextReader, htmlReader, docxReader].map((r) => [r.name, r.extensions]));
  });

  it('reads through the loaded reader', () => {
    const text = 'Title: Lazy\n\nChapter 1\n\nA line of story.\n';
    const viaTable = readerFor('story.txt')!.read(text, { file: 'story.txt', report: new CollectingReporter() });
    const direct = plaintextReader.read(text, { file: 'story.txt', report: new CollectingReporter() });
    expect(viaTable).toEqual(direct);
    expect(readerFor('story.markdown')!.name).toBe('markdown');
    expect(readerFor('story.XHTML')!.name).toBe('html');
    expect(readerFor('story.docx')!.readBytes).toBeDefined();
    expect(readerFor('story.rtf')).toBeUndefined();
  });
});
