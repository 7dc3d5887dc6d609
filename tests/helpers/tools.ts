/**
 * Real validators for test artefacts: EPUBCheck, poppler, qpdf, a strict XML parser.
 * A missing tool is a test failure (with the install command), never a skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
export const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');

/** Throws (failing the test) when a command-line tool is absent. */
export function requireTool(command: string, debianPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found) throw new Error(`${command} is not installed: apt-get install -y ${debianPackage} (.ci/run installs it)`);
}

/** Path to a corpus file; throws when ../shared/corpus is missing (under CI and locally alike). */
export function corpusFile(rel: string): string {
  const file = path.join(CORPUS, rel);
  if (!fs.existsSync(file)) throw new Error(`corpus file missing: ${file} (../shared must sit beside the repository)`);
  return file;
}

export interface EpubCheckResult {
  errors: number;
  warnings: number;
  fatals: number;
  messages: string[];
  output: string;
}

/** Runs W3C EPUBCheck on a file and counts its messages. */
export function epubcheck(file: string): EpubCheckResult {
  if (!fs.existsSync(EPUBCHECK_JAR)) throw new Error(`EPUBCheck missing at ${EPUBCHECK_JAR}: apt-get install -y epubcheck`);
  requireTool('java', 'default-jre-headless');
  const run = spawnSync('java', ['-jar', EPUBCHECK_JAR, '-q', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const output = `${run.stdout}\n${run.stderr}`;
  const messages = output.split('\n').filter((l) => /^(ERROR|WARNING|FATAL|USAGE)/.test(l));
  return {
    errors: messages.filter((l) => l.startsWith('ERROR')).length,
    warnings: messages.filter((l) => l.startsWith('WARNING')).length,
    fatals: messages.filter((l) => l.startsWith('FATAL')).length,
    messages,
    output,
  };
}

/** Parses XML strictly; throws with the first well-formedness error. */
export function assertWellFormedXml(xml: string, name = 'document'): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  if (error) throw new Error(`${name} is not well-formed XML: ${error.message}`);
}

/** Every entry of a zip (EPUB) as text or bytes. */
export async function unzip(data: Uint8Array | Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    const entry = zip.files[name];
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  }
  return out;
}

/** Checks every XHTML/XML/OPF/NCX file in an EPUB with the strict parser. Returns the number checked. */
export async function assertEpubXmlWellFormed(data: Uint8Array | Buffer): Promise<number> {
  let n = 0;
  for (const [name, bytes] of await unzip(data)) {
    if (/\.(xhtml|html|opf|ncx|xml)$/.test(name)) {
      assertWellFormedXml(bytes.toString('utf8'), name);
      n++;
    }
  }
  return n;
}

/** pdftotext of a PDF file (layout-free reading order). */
export function pdfText(file: string): string {
  requireTool('pdftotext', 'poppler-utils');
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 });
}

/** A PDF's pages as pdftotext -bbox reads them: page size, and each word with its extent (y from the page's top). */
export function pdfPages(file: string): { width: number; height: number; words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[] }[] {
  requireTool('pdftotext', 'poppler-utils');
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return html.split('<page ').slice(1).map((page) => {
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(page) ?? [];
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
    return {
      width: Number(width),
      height: Number(height),
      words: words.map((w) => ({ text: w[5], xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]) })),
    };
  });
}

/** pdffonts rows: name, type, embedded, subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  requireTool('pdffonts', 'poppler-utils');
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // columns from the right: object ID (2 cols), uni, sub, emb
      const n = cols.length;
      return { name: cols[0], embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
    });
}

/** pdfinfo as a key → value map. */
export function pdfInfo(file: string): Record<string, string> {
  requireTool('pdfinfo', 'poppler-utils');
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) info[m[1].trim()] = m[2].trim();
  }
  return info;
}

/** Runs `qpdf --check`; returns its exit status and output. */
export function qpdfCheck(file: string): { status: number; output: string } {
  requireTool('qpdf', 'qpdf');
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

/** A fresh temporary folder under the OS temp dir. */
export function tempDir(prefix = 'quire-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const BATCH = path.join(__dirname, 'java', 'EpubCheckBatch.java');

/** Runs EPUBCheck on many files in one JVM (tests/helpers/java/EpubCheckBatch.java); results by file. */
export function epubcheckMany(files: readonly string[]): Map<string, EpubCheckResult> {
  if (!fs.existsSync(EPUBCHECK_JAR)) throw new Error(`EPUBCheck missing at ${EPUBCHECK_JAR}: apt-get install -y epubcheck`);
  requireTool('javac', 'default-jdk-headless'); // the single-file source launcher needs the compiler module
  const results = new Map<string, EpubCheckResult>();
  // Keep command lines short: a few hundred files per JVM.
  for (let i = 0; i < files.length; i += 200) {
    const chunk = files.slice(i, i + 200);
    const run = spawnSync('java', ['-cp', EPUBCHECK_JAR, BATCH, ...chunk], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (run.status !== 0) throw new Error(`EpubCheckBatch failed (${run.status}): ${run.stderr}`);
    let current: string | undefined;
    let lines: string[] = [];
    const flush = () => {
      if (current === undefined) return;
      const messages = lines.filter((l) => /^(ERROR|WARNING|FATAL)/.test(l));
      results.set(current, {
        errors: messages.filter((l) => l.startsWith('ERROR')).length,
        warnings: messages.filter((l) => l.startsWith('WARNING')).length,
        fatals: messages.filter((l) => l.startsWith('FATAL')).length,
        messages,
        output: lines.join('\n'),
      });
    };
    for (const line of run.stdout.split('\n')) {
      if (line.startsWith('FILE\t')) {
        flush();
        current = line.slice(5);
        lines = [];
      } else {
        lines.push(line);
      }
    }
    flush();
  }
  for (const file of files) if (!results.has(file)) throw new Error(`EpubCheckBatch gave no result for ${file}`);
  return results;
}
