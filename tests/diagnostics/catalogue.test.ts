/**
 * The catalogue holds every rule id quire reports under: each `report.warn/info/fail('id', …)`, `fail('id', …)` and
 * `rule: 'id'` in src/ must have an entry with a title, a meaning and what to do; and every entry must still be used.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalogue, catalogueEntry, formatEntry } from '../../src/diagnostics/catalogue';

const SRC = path.resolve(__dirname, '..', '..', 'src');
const CATALOGUE = path.join(SRC, 'diagnostics', 'catalogue.ts');

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The places a rule id is given: the first argument of a report call or `fail`, or a `rule:` property. */
const RULE_SITES = [/(?:\.(?:warn|info|fail)|\bfail)\(\s*'([a-z0-9-]+)'/g, /\brule: '([a-z0-9-]+)'/g];

/** Rule ids used in src/, each with the first file using it. */
function usedRules(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of sources(SRC)) {
    if (file === CATALOGUE) continue;
    const text = fs.readFileSync(file, 'utf8');
    for (const site of RULE_SITES) for (const m of text.matchAll(site)) if (!used.has(m[1])) used.set(m[1], path.relative(SRC, file));
  }
  return used;
}

const used = usedRules();

test('the scan finds the rule ids of readers, renderers, the pipeline and the CLI', () => {
  for (const rule of ['yaml-invalid', 'chapter-label', 'glyph-missing', 'write-failed', 'usage-error', 'file-not-found']) expect(used.has(rule)).toBe(true);
  expect(used.size).toBeGreaterThan(60);
});

test('every rule id used in src/ is in the catalogue', () => {
  const missing = [...used].filter(([rule]) => !catalogueEntry(rule)).map(([rule, file]) => `${rule} (${file})`);
  expect(missing).toEqual([]);
});

test('every catalogue entry is used in src/, and says what it means and what to do', () => {
  expect(Object.keys(catalogue).filter((rule) => !used.has(rule))).toEqual([]);
  for (const [rule, entry] of Object.entries(catalogue)) {
    expect({ rule, title: entry.title.length > 0, means: entry.means.length > 20, hint: (entry.hint ?? '').length > 5 }).toEqual({ rule, title: true, means: true, hint: true });
  }
});

test('EPUBCheck\'s message ids are explained as a family; other unknown ids are not', () => {
  expect(catalogueEntry('epubcheck-rsc-005')?.title).toBe('EPUBCheck message RSC-005');
  expect(catalogueEntry('no-such-rule')).toBeUndefined();
  expect(catalogueEntry('constructor')).toBeUndefined();
  expect(formatEntry('write-failed', catalogue['write-failed'])).toMatch(/^write-failed: Could not write output\n\n.+\n\nWhat to do: Give --out/);
});
