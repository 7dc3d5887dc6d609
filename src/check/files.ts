/** `quire check` and `quire build --check`: EPUBCheck on EPUB files, its messages printed as quire diagnostics. */
import * as fs from 'node:fs';
import { filePosition } from '../diagnostics/reporter';
import { epubcheckDiagnostics, epubcheckMissing, runEpubcheck } from './epubcheck';
import type { Diagnostic } from '../diagnostics/types';
import type { EpubArtifact } from '../render/epub';
import type { Artifact } from '../render/types';

/** An EPUB to check, with the artifact it was built from when quire just built it (for manuscript positions). */
export interface CheckTarget {
  file: string;
  artifact?: Artifact;
}

/**
 * Checks each file, printing every message and a one-line summary per file (`summary`). Returns whether any file has
 * errors (or could not be checked, which is reported as an error too).
 */
export function checkFiles(targets: readonly CheckTarget[], print: (d: Diagnostic) => void, summary: (line: string) => void): boolean {
  // A file that is not there is an error of its own, before EPUBCheck: a check of nothing is no pass.
  const absent = targets.filter(({ file }) => !fs.existsSync(file));
  for (const { file } of absent) print({ severity: 'error', rule: 'file-not-found', message: 'file not found', position: filePosition(file), source: 'check' });
  const present = targets.filter((target) => !absent.includes(target));
  const missing = epubcheckMissing();
  if (missing) {
    print({ severity: 'error', rule: 'epubcheck-missing', message: missing, source: 'check:epubcheck' });
    return targets.length > 0;
  }
  let failed = absent.length > 0;
  for (const { file, artifact } of present) {
    const result = runEpubcheck(file);
    const sourceMap = artifact && 'sourceMap' in artifact ? (artifact as EpubArtifact).sourceMap : undefined;
    for (const d of epubcheckDiagnostics(result, file, sourceMap)) print(d);
    summary(`${file}: EPUBCheck ${result.version}: ${result.fatals + result.errors} errors, ${result.warnings} warnings\n`);
    failed ||= result.fatals + result.errors > 0;
  }
  return failed;
}
