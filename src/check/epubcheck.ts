/**
 * W3C EPUBCheck from quire: runs the jar when Java and it are installed, reads its JSON report, and turns each
 * message into a quire diagnostic, placed at the manuscript line the EPUB's XHTML was written from when the
 * renderer's source map knows it, else at the file inside the EPUB (`book.epub/OEBPS/chapter-3.xhtml:41:7`).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { Diagnostic, Severity } from '../diagnostics/types';
import { pointPosition } from '../diagnostics/reporter';
import { lookup, type SourceMap } from '../render/epub/sourcemap';

/** Where Debian's `epubcheck` package puts the jar. */
export const DEFAULT_JAR = '/usr/share/java/epubcheck.jar';

/** One message of EPUBCheck's JSON report (`--json -`), reduced to what quire uses. */
export interface EpubCheckMessage {
  /** EPUBCheck's message id (`RSC-005`, `OPF-085`). */
  id: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  message: string;
  /** The first location: a path inside the EPUB, with line and column when EPUBCheck knows them. */
  path?: string;
  line?: number;
  column?: number;
}

export interface EpubCheckResult {
  /** EPUBCheck's version (`4.2.6`). */
  version: string;
  messages: EpubCheckMessage[];
  fatals: number;
  errors: number;
  warnings: number;
}

/** Why EPUBCheck cannot run here, with what to install; `undefined` when it can. */
export function epubcheckMissing(jar = DEFAULT_JAR): string | undefined {
  if (!fs.existsSync(jar)) return `EPUBCheck is not installed (no ${jar}): apt-get install -y epubcheck`;
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'Java is not installed: apt-get install -y default-jre-headless';
  return undefined;
}

interface RawLocation {
  path?: string;
  line?: number;
  column?: number;
}
interface RawMessage {
  ID: string;
  severity: EpubCheckMessage['severity'];
  message: string;
  locations?: RawLocation[];
}
interface RawReport {
  messages: RawMessage[];
  checker?: { checkerVersion?: string };
}

/** Parses the stdout of `epubcheck --json -`: a line or two of text, then the JSON report. */
export function parseEpubcheckJson(stdout: string): EpubCheckResult {
  const start = stdout.search(/^\{/m);
  if (start === -1) throw new Error(`EPUBCheck printed no JSON report:\n${stdout.slice(0, 500)}`);
  const raw = JSON.parse(stdout.slice(start)) as RawReport;
  const messages = raw.messages.map((m): EpubCheckMessage => {
    const at = m.locations?.[0];
    // EPUBCheck writes -1 for an unknown line or column.
    const known = (n: number | undefined) => (n !== undefined && n > 0 ? n : undefined);
    return { id: m.ID, severity: m.severity, message: m.message, path: at?.path, line: known(at?.line), column: known(at?.column) };
  });
  const count = (s: EpubCheckMessage['severity']) => messages.filter((m) => m.severity === s).length;
  return { version: raw.checker?.checkerVersion ?? 'unknown', messages, fatals: count('FATAL'), errors: count('ERROR'), warnings: count('WARNING') };
}

/** Runs EPUBCheck on an EPUB file; throws when it cannot run (see `epubcheckMissing`). */
export function runEpubcheck(file: string, jar = DEFAULT_JAR): EpubCheckResult {
  const missing = epubcheckMissing(jar);
  if (missing) throw new Error(missing);
  const run = spawnSync('java', ['-jar', jar, '--json', '-', file], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (run.error) throw run.error;
  return parseEpubcheckJson(run.stdout);
}

const SEVERITY: Record<EpubCheckMessage['severity'], Severity> = {
  FATAL: 'error',
  ERROR: 'error',
  WARNING: 'warning',
  USAGE: 'info',
  INFO: 'info',
  SUPPRESSED: 'info',
};

/**
 * EPUBCheck's messages as quire diagnostics (rule `epubcheck-<id>`). A message about one of our XHTML files is placed
 * at the manuscript position `sourceMap` gives for its line, and says where in the EPUB it was.
 */
export function epubcheckDiagnostics(result: EpubCheckResult, epubFile: string, sourceMap?: SourceMap): Diagnostic[] {
  return result.messages.map((m): Diagnostic => {
    const inEpub = m.path ? `${m.path}${m.line ? `:${m.line}${m.column ? `:${m.column}` : ''}` : ''}` : '';
    const source = m.path && sourceMap ? lookup(sourceMap, m.path, m.line) : undefined;
    const position = source ?? (m.path ? pointPosition(`${epubFile}/${m.path}`, m.line ?? 1, m.column ?? 1) : pointPosition(epubFile, 1));
    const message = source ? `${m.message} (EPUBCheck ${m.id} in ${inEpub})` : `${m.message} (EPUBCheck ${m.id})`;
    return { severity: SEVERITY[m.severity], rule: `epubcheck-${m.id.toLowerCase()}`, message, position, source: 'check:epubcheck' };
  });
}
