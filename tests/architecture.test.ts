/**
 * The import graph, checked with dependency-cruiser against the rules in `.dependency-cruiser.cjs`: no import cycles,
 * and layers (model, diagnostics, locale and text at the bottom; readers, transforms and renderers on them, none
 * importing another; the pipeline above; the CLI on top). A failure lists each broken rule, `from → to`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from './helpers/cli';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Cruises `src/` under `cwd` with the project's rules; the violations found. */
function violations(cwd: string): Violation[] {
  const bin = path.join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, 'src', '--config', path.join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (!run.stdout.trim()) throw new Error(`dependency-cruiser failed:\n${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** One violation a line: `rule: from → to`, a cycle written out in full. */
function readable(list: readonly Violation[]): string {
  return list.map((v) => `${v.rule.name}: ${[v.from, ...(v.cycle ?? [{ name: v.to }]).map((c) => c.name)].join(' → ')}`).join('\n');
}

const found = violations(REPO);

test('src/ has no import cycle and keeps its layers', () => {
  expect(readable(found)).toBe('');
});

test('the rules catch a renderer importing a reader, and a cycle (tests/fixtures/architecture)', () => {
  expect(readable(violations(path.join(REPO, 'tests', 'fixtures', 'architecture'))).split('\n').sort()).toEqual([
    'no-cycle: src/text/a.ts → src/text/b.ts → src/text/a.ts',
    'renderer-imports-stage: src/render/renderer.ts → src/read/reader.ts',
  ]);
});
