/** The one message type every stage reports through (after vfile's VFileMessage). */
import type { Position } from '../model/types';

export type Severity = 'error' | 'warning' | 'info';

/** A positioned message: what is wrong, where, under which permanent rule id, and what to do about it. */
export interface Diagnostic {
  severity: Severity;
  /** Permanent, kebab-case rule id from the catalogue (`yaml-invalid`, `unknown-key`). */
  rule: string;
  message: string;
  /** Where: a span in a file, or just a file (line 1, column 1). */
  position?: Position;
  /** What the user can do about it. */
  hint?: string;
  /** Which part of quire said it: `read:markdown`, `render:epub`. */
  source?: string;
}

/** Where diagnostics go. `warn` records and continues; `fail` throws a `QuireError` that ends the build. */
export interface Reporter {
  readonly messages: readonly Diagnostic[];
  warn(rule: string, message: string, extra?: { position?: Position; hint?: string; source?: string }): void;
  info(rule: string, message: string, extra?: { position?: Position; hint?: string; source?: string }): void;
  fail(rule: string, message: string, extra?: { position?: Position; hint?: string; source?: string }): never;
}

/** A fatal diagnostic, thrown. The CLI prints it and exits 1; anything else thrown is an internal error. */
export class QuireError extends Error {
  readonly diagnostic: Diagnostic;
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message);
    this.name = 'QuireError';
    this.diagnostic = diagnostic;
  }
}
