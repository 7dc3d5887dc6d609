/** War and Peace and the fan-fiction-style novels through the PDF renderer, measured against issue 4's targets (slow). */
import { corpusFile } from '../helpers/tools';
import { buildPdf, measure, misses, TARGETS, type Metrics } from '../render/pdf/metrics';

const BOOKS = ['fanfic-style/moby-dick.txt', 'fanfic-style/northanger-abbey.txt', 'fanfic-style/persuasion.txt'];

describe.each(BOOKS)('%s', (book) => {
  it('meets every target of typeset_metrics.py', async () => {
    const metrics = measure(await buildPdf(corpusFile(book)));
    expect(misses(metrics)).toEqual([]);
  });
});

/**
 * War and Peace meets issue 4's figures but two: typeset_metrics.py takes a body line holding three or more lone
 * ellipses ("Sergéy Kuzmích … From all sides … From all sides …") for a line of table-of-contents dot leaders, and so
 * sees a paragraph end before or after it. Twice in the book that falls at a page break, and the tool counts one
 * widow (page 1320) and one orphan (page 294) in paragraphs that in fact run on. This test holds everything else at
 * the targets and allows those two, so a real widow or orphan still fails it.
 */
const WAR_AND_PEACE: Metrics = { ...TARGETS, widows: 1, orphans: 1 };

describe('war-and-peace/war-and-peace.md', () => {
  it('meets every target but the two ellipsis lines the tool misreads', async () => {
    const metrics = measure(await buildPdf(corpusFile('war-and-peace/war-and-peace.md')));
    expect(misses(metrics, WAR_AND_PEACE)).toEqual([]);
  });
});
