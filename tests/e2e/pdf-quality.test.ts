/** War and Peace and the fan-fiction-style novels through the PDF renderer, measured against issue 4's targets (slow). */
import { corpusFile } from '../helpers/tools';
import { buildPdf, measure, misses } from '../render/pdf/metrics';

const BOOKS = ['war-and-peace/war-and-peace.md', 'fanfic-style/moby-dick.txt', 'fanfic-style/northanger-abbey.txt', 'fanfic-style/persuasion.txt'];

describe.each(BOOKS)('%s', (book) => {
  it('meets every target of typeset_metrics.py', async () => {
    const metrics = measure(await buildPdf(corpusFile(book)));
    expect(misses(metrics)).toEqual([]);
  });
});
