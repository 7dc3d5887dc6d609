/** `quire check` and `quire build --check`: EPUBCheck on EPUB files, its messages printed as quire diagnostics. */
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
  const missing = epubcheckMissing();
  if (missing) {
    print({ severity: 'error', rule: 'epubcheck-missing', message: missing, source: 'check:epubcheck' });
    return targets.length > 0;
  }
  let failed = false;
  for (const { file, artifact } of targets) {
    const result = runEpubcheck(file);
    const sourceMap = artifact && 'sourceMap' in artifact ? (artifact as EpubArtifact).sourceMap : undefined;
    for (const d of epubcheckDiagnostics(result, file, sourceMap)) print(d);
    summary(`${file}: EPUBCheck ${result.version}: ${result.fatals + result.errors} errors, ${result.warnings} warnings\n`);
    failed ||= result.fatals + result.errors > 0;
  }
  return failed;
}
