/** Moby-Dick through the real reader and the PDF renderer, measured as issue 4 asks: better than LaTeX on every count. */
import { execFileSync } from 'node:child_process';
import { corpusFile, pdfText } from '../../helpers/tools';
import { buildPdf, measure, misses, type Metrics } from './metrics';

describe('Moby-Dick typeset quality', () => {
  let file: string;
  let metrics: Metrics;

  beforeAll(async () => {
    file = await buildPdf(corpusFile('novels/moby-dick.md'));
    metrics = measure(file);
  });

  it('meets every target of typeset_metrics.py', () => {
    expect(misses(metrics)).toEqual([]);
    expect(metrics.hyphenRun).toBeGreaterThan(0); // hyphenation is on and measurable
  });

  it('extracts a word hyphenated at a line end as the whole word', () => {
    const layout = execFileSync('pdftotext', ['-f', '20', '-l', '40', '-layout', file, '-'], { encoding: 'utf8' }).split('\n');
    const plain = pdfText(file);
    const broken = layout.flatMap((line, i) => {
      const head = /(\p{Ll}{2,})-$/u.exec(line.trimEnd());
      const tail = /^\s*(\p{Ll}{3,})[\s,.;:!?]/u.exec(layout[i + 1] ?? '');
      return head && tail ? [head[1] + tail[1]] : [];
    });
    expect(broken.length).toBeGreaterThan(5);
    for (const word of broken) expect(plain).toContain(word);
    expect(plain).not.toContain('\u00ad');
  });
});
