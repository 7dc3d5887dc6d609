/** Runs ../shared/tools/typeset_metrics.py on a PDF (through bench/quality.ts) and checks issue 4's targets. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { misses, TARGETS, typesetMetrics, type QualityFigures } from '../../../bench/quality';
import { read, render } from '../../../src/build';
import { CollectingReporter } from '../../../src/diagnostics/reporter';
import { requireTool, tempDir } from '../../helpers/tools';

export { misses, TARGETS };
export type Metrics = Omit<QualityFigures, 'pages'>;

/** Measures a PDF file; python3 and pdftotext are required (a failure under CI, never a skip). */
export function measure(file: string): Metrics {
  requireTool('python3', 'python3');
  requireTool('pdftotext', 'poppler-utils');
  const { pages: _pages, ...figures } = typesetMetrics(file);
  return figures;
}

/** Reads a corpus book with the real readers, renders its PDF and writes it to a temporary file. */
export async function buildPdf(input: string): Promise<string> {
  const report = new CollectingReporter();
  const book = read(input, { report });
  const [artifact] = await render(book, { formats: ['pdf'], report, input });
  const file = path.join(tempDir('quire-quality-'), `${path.basename(input)}.pdf`);
  fs.writeFileSync(file, artifact.data);
  return file;
}
