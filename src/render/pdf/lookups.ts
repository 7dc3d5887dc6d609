/**
 * Which glyphs of a font the shaping shortcut (shape.ts) must leave to fontkit's shaper, read from the font's
 * OpenType lookups as fontkit would apply them by default: a glyph a substitution or a contextual positioning may start
 * at, an adjacent pair that may start a ligature, a mark; and the pair positioning (kerning) of the rest, which is all
 * the positioning such strings get. The OpenType structures are fontkit's parsed tables (fontkit ships no
 * declarations; these are the fields read).
 */

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number; startCoverageIndex: number }[];
}
export interface ClassDef {
  version: number;
  startGlyph?: number;
  classValueArray?: number[];
  classRangeRecord?: { start: number; end: number; class: number }[];
}
/** A value record of a positioning lookup, in font units (device tables are read only for fonts with variations). */
interface ValueRecord {
  xAdvance?: number;
  yAdvance?: number;
  xPlacement?: number;
  yPlacement?: number;
}
interface SubTable {
  version?: number;
  lookupType?: number;
  /** Pair positioning: pairs by glyph (format 1), or by class (format 2). */
  pairSets?: { get(index: number): Iterable<{ secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }> };
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: { get(index: number): { get(index: number): { value1?: ValueRecord; value2?: ValueRecord } } };
  extension?: SubTable;
  coverage?: Coverage;
  coverages?: Coverage[];
  inputCoverage?: Coverage[];
  backtrackCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  ligatureSets?: { get(index: number): Iterable<{ glyph: number; components: number[] }> };
}
interface Lookup {
  lookupType: number;
  flags: { flags: { ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: { length: number; get?(i: number): SubTable } & Iterable<SubTable>;
}
export interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys?: { featureIndexes: number[] } } }[];
  featureVariations?: unknown;
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { length: number; get(i: number): Lookup };
}

/** Where fontkit looks a script up when the font lacks it (its `DEFAULT_SCRIPTS`). */
const FALLBACK_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/**
 * A lookup's subtables, each with the type it really has: an extension lookup (GSUB type 7, GPOS type 9) wraps every
 * subtable of another type.
 */
function* subtablesOf(lookup: Lookup, kind: 'GSUB' | 'GPOS'): Generator<[type: number, table: SubTable]> {
  const extension = kind === 'GSUB' ? 7 : 9;
  for (const sub of lookup.subTables) {
    if (lookup.lookupType !== extension) yield [lookup.lookupType, sub];
    else if (sub.extension) yield [sub.lookupType ?? 0, sub.extension];
  }
}

/** The glyphs of a coverage table with their coverage indexes. */
function* covered(coverage: Coverage | undefined): Generator<[glyph: number, index: number]> {
  if (!coverage) return;
  if (coverage.version === 1) {
    const glyphs = coverage.glyphs ?? [];
    for (let i = 0; i < glyphs.length; i++) yield [glyphs[i], i];
  } else for (const r of coverage.rangeRecords ?? []) for (let g = r.start; g <= r.end; g++) yield [g, r.startCoverageIndex + g - r.start];
}

/** The class GDEF gives `glyph` (1 base, 2 ligature, 3 mark, 4 component; 0 none). */
function glyphClass(classDef: ClassDef | undefined, glyph: number): number {
  if (!classDef) return 0;
  if (classDef.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    return i >= 0 && i < (classDef.classValueArray?.length ?? 0) ? (classDef.classValueArray?.[i] ?? 0) : 0;
  }
  for (const r of classDef.classRangeRecord ?? []) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/**
 * The lookups of `features` in the default language of `script`, chosen as fontkit's `selectScript` chooses them (the
 * script, else its fallbacks; a feature tag listed twice takes its last record).
 */
function defaultLookups(table: LayoutTable, script: string, features: ReadonlySet<string>): number[] {
  const find = (tag: string) => table.scriptList.find((entry) => entry.tag === tag);
  const entry = find(script) ?? FALLBACK_SCRIPTS.map(find).find((e) => e !== undefined);
  const chosen = new Map<string, number[]>();
  for (const index of entry?.script.defaultLangSys?.featureIndexes ?? []) {
    const record = table.featureList[index];
    chosen.set(record.tag, record.feature.lookupListIndexes);
  }
  return [...chosen].filter(([tag]) => features.has(tag)).flatMap(([, lookups]) => lookups);
}

/**
 * What makes a string too much for the shortcut, read from the font's lookups: single glyphs a lookup may start at,
 * and adjacent pairs that may start a ligature. `reachable` are the glyphs shortcut strings are made of; a lookup
 * whose context needs a glyph outside them (a combining mark, say) can never apply to such a string.
 */
export class Triggers {
  readonly glyphs: Uint8Array;
  private readonly pairs = new Set<number>();

  constructor(
    private readonly reachable: Uint8Array,
    /** Lookups of the features fontkit applies by default, in the scripts the shortcut sets. */
    lookups: { kind: 'GSUB' | 'GPOS'; lookup: Lookup }[],
  ) {
    this.glyphs = new Uint8Array(reachable.length);
    for (const { kind, lookup } of lookups) for (const [type, table] of subtablesOf(lookup, kind)) this.subtable(kind, type, table);
  }

  /** Whether the adjacent glyphs `left right` may start a ligature. */
  startsLigature(left: number, right: number): boolean {
    return this.pairs.has(left * 0x10000 + right);
  }

  private mark(coverage: Coverage | undefined): void {
    for (const [g] of covered(coverage)) if (this.reachable[g]) this.glyphs[g] = 1;
  }

  /** Whether every coverage of a context has a glyph a shortcut string can hold. */
  private possible(coverages: readonly Coverage[] | undefined): boolean {
    return (coverages ?? []).every((c) => {
      for (const [g] of covered(c)) if (this.reachable[g]) return true;
      return false;
    });
  }

  private subtable(kind: 'GSUB' | 'GPOS', type: number, table: SubTable): void {
    if (kind === 'GPOS' && type === 2) return; // pair positioning: worked out per pair
    if (kind === 'GPOS' && (type === 4 || type === 5)) return this.mark(table.markCoverage);
    if (kind === 'GPOS' && type === 6) return this.mark(table.mark1Coverage);
    if (kind === 'GSUB' && type === 4 && table.ligatureSets) {
      for (const [first, index] of covered(table.coverage)) {
        if (!this.reachable[first]) continue;
        for (const ligature of table.ligatureSets.get(index)) {
          if (!ligature.components.every((g) => this.reachable[g])) continue;
          if (ligature.components.length === 0) this.glyphs[first] = 1;
          else this.pairs.add(first * 0x10000 + ligature.components[0]);
        }
      }
      return;
    }
    const contextual = (kind === 'GSUB' && (type === 5 || type === 6)) || (kind === 'GPOS' && (type === 7 || type === 8));
    if (contextual && table.version === 3) {
      const input = table.coverages ?? table.inputCoverage ?? [];
      if (this.possible(input) && this.possible(table.backtrackCoverage) && this.possible(table.lookaheadCoverage)) this.mark(input[0]);
      return;
    }
    this.mark(table.coverage);
  }
}

/** The part of a fontkit font the analysis reads. */
export interface FontTables {
  numGlyphs: number;
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  /** fontkit's character map (internal): glyph ids without making glyph objects. */
  _cmapProcessor?: { lookup(codePoint: number): number; codePointsForGlyph(glyph: number): number[] };
}

/** What the shortcut may set in a font: the glyphs its strings are made of, those that trigger the shaper, and whether at all. */
export interface ShortcutTables {
  reachable: Uint8Array;
  triggers: Triggers;
  /** The kerning of a pair of those glyphs, per script. */
  pairs: PairPositioning;
  /** Per script, the one ligature lookup the shortcut applies itself (see `Ligatures`), if there is one. */
  ligatures: (Ligatures | undefined)[];
  enabled: boolean;
}

/**
 * Reads `font`'s lookups of `features` in the default language of each of `scripts`, for strings made of the
 * characters in `ranges`.
 */
export function shortcutTables(font: FontTables, features: ReadonlySet<string>, scripts: readonly string[], ranges: readonly (readonly [number, number])[]): ShortcutTables {
  const lookups: { kind: 'GSUB' | 'GPOS'; lookup: Lookup }[] = [];
  let unsafe = false;
  let skipsLigatures = false;
  for (const kind of ['GSUB', 'GPOS'] as const) {
    const table = font[kind];
    if (!table) continue;
    const indexes = new Set<number>();
    for (const script of scripts) for (const i of defaultLookups(table, script, features)) indexes.add(i);
    for (const i of indexes) {
      const lookup = table.lookupList.get(i);
      unsafe ||= lookup.flags.flags.ignoreBaseGlyphs;
      skipsLigatures ||= lookup.flags.flags.ignoreLigatures;
      lookups.push({ kind, lookup });
    }
    // A font with variations may swap a feature's lookups: leave its strings to fontkit.
    unsafe ||= table.featureVariations !== undefined && table.featureVariations !== null;
  }
  // The glyphs shortcut strings are made of: never a mark (lookups skip marks, and they attach by position), nor a
  // ligature glyph if a lookup skips those; with a lookup that skips base glyphs, nothing. The character map is read
  // directly: `glyphForCodePoint` would make each glyph remember the first character asked for, which pdfkit writes
  // into the text layer (‘ would be copied as ʻ, which shares its glyph).
  const reachable = new Uint8Array(font.numGlyphs + 1);
  const classes = font.GDEF?.glyphClassDef;
  const cmap = font._cmapProcessor;
  for (const [from, to] of cmap ? ranges : []) {
    for (let code = from; code <= to; code++) {
      const id = cmap?.lookup(code) ?? 0;
      const kind = glyphClass(classes, id);
      if (id !== 0 && kind !== 3 && !(kind === 2 && skipsLigatures)) reachable[id] = 1;
    }
  }
  // Per script, the lookups that can ligate shortcut glyphs. With one such lookup, applied once, the shortcut forms the
  // ligatures itself: their glyphs join the reachable ones, so that a lookup that could act on one (or start a
  // ligature with it) is a trigger. Kerning a ligature from GPOS needs no lookup to skip ligatures.
  const ligatures = scripts.map((script) => {
    if (!font.GSUB || !font.GPOS || skipsLigatures) return undefined;
    const indexes = defaultLookups(font.GSUB, script, features);
    const forming = [...new Set(indexes)].flatMap((i) => {
      const ligatures = Ligatures.of(font.GSUB!.lookupList.get(i), reachable);
      return ligatures ? [{ index: i, ligatures }] : [];
    });
    // fontkit applies a lookup once per feature that lists it: a second time could ligate a ligature.
    return forming.length === 1 && indexes.filter((i) => i === forming[0].index).length === 1 ? forming[0].ligatures : undefined;
  });
  for (const lookup of ligatures) for (const glyph of lookup?.results() ?? []) reachable[glyph] = 1;
  return {
    reachable,
    triggers: new Triggers(reachable, lookups),
    pairs: new PairPositioning(font.GPOS, features, scripts),
    ligatures,
    enabled: !unsafe && cmap !== undefined,
  };
}

/**
 * A ligature lookup (GSUB type 4) as fontkit applies it to glyphs that no lookup skips: left to right, at each glyph
 * the first ligature (in the order of the lookup's subtables, then of the ligature set) whose components follow it
 * replaces them all; the scan then goes on after it. Only ligatures made of shortcut glyphs are kept.
 */
export class Ligatures {
  private constructor(
    private readonly byFirst: ReadonlyMap<number, readonly { glyph: number; components: readonly number[] }[]>,
  ) {}

  /** The lookup's ligatures of `reachable` glyphs, or undefined when it has none (or is not a ligature lookup). */
  static of(lookup: Lookup, reachable: Uint8Array): Ligatures | undefined {
    const byFirst = new Map<number, { glyph: number; components: number[] }[]>();
    for (const [type, table] of subtablesOf(lookup, 'GSUB')) {
      if (type !== 4 || !table.ligatureSets) continue;
      for (const [first, index] of covered(table.coverage)) {
        if (!reachable[first]) continue;
        for (const ligature of table.ligatureSets.get(index)) {
          if (ligature.components.length === 0 || !ligature.components.every((g) => reachable[g])) continue;
          let list = byFirst.get(first);
          if (!list) byFirst.set(first, (list = []));
          list.push({ glyph: ligature.glyph, components: ligature.components });
        }
      }
    }
    return byFirst.size ? new Ligatures(byFirst) : undefined;
  }

  /** The glyphs the ligatures make. */
  results(): number[] {
    return [...this.byFirst.values()].flatMap((list) => list.map((l) => l.glyph));
  }

  /**
   * `glyphs` with the ligatures formed: each output glyph as its id and how many input glyphs it stands for, or
   * undefined when none formed.
   */
  apply(glyphs: readonly number[]): { id: number; length: number }[] | undefined {
    const out: { id: number; length: number }[] = [];
    let formed = false;
    for (let i = 0; i < glyphs.length; ) {
      const ligature = this.byFirst.get(glyphs[i])?.find((l) => l.components.every((g, k) => glyphs[i + 1 + k] === g));
      if (ligature) {
        out.push({ id: ligature.glyph, length: ligature.components.length + 1 });
        i += ligature.components.length + 1;
        formed = true;
      } else out.push({ id: glyphs[i++], length: 1 });
    }
    return formed ? out : undefined;
  }
}

/** A glyph's index in a coverage table, or -1 (fontkit's `coverageIndex`). */
function coverageIndex(coverage: Coverage | undefined, glyph: number): number {
  if (coverage?.version === 1) return coverage.glyphs?.indexOf(glyph) ?? -1;
  for (const r of coverage?.rangeRecords ?? []) if (r.start <= glyph && glyph <= r.end) return r.startCoverageIndex + glyph - r.start;
  return -1;
}

/**
 * How a pair of glyphs moves each of its two glyphs, in font units: xAdvance, yAdvance, xOffset, yOffset of the first,
 * then of the second; null when not at all.
 */
export type PairDelta = readonly [number, number, number, number, number, number, number, number] | null;

/**
 * The pair positioning (kerning) of two glyphs as fontkit's GPOS processor applies it to a string of just those two:
 * every pair-positioning lookup of the default features of the script, in turn, the first subtable that covers the
 * pair applying its two value records. Strings in the shortcut hold no glyph that any other positioning lookup could
 * act on (`Triggers`), so this is all the positioning they get.
 */
export class PairPositioning {
  /** Per script: each pair lookup's subtables, as many times as fontkit applies the lookup. */
  private readonly lookups: SubTable[][][];

  constructor(gpos: LayoutTable | undefined, features: ReadonlySet<string>, scripts: readonly string[]) {
    this.lookups = scripts.map((script) =>
      (gpos ? defaultLookups(gpos, script, features) : []).flatMap((index) => {
        const pairs = [...subtablesOf(gpos!.lookupList.get(index), 'GPOS')].flatMap(([type, table]) => (type === 2 ? [table] : []));
        return pairs.length ? [pairs] : [];
      }),
    );
  }

  /** The adjustments of `left right` in the script at `script` (an index into the scripts given). */
  delta(script: number, left: number, right: number): PairDelta {
    const d = [0, 0, 0, 0, 0, 0, 0, 0];
    const add = (at: number, value: ValueRecord | undefined) => {
      if (!value) return;
      if (value.xAdvance != null) d[at] += value.xAdvance;
      if (value.yAdvance != null) d[at + 1] += value.yAdvance;
      if (value.xPlacement != null) d[at + 2] += value.xPlacement;
      if (value.yPlacement != null) d[at + 3] += value.yPlacement;
    };
    for (const tables of this.lookups[script]) {
      for (const table of tables) {
        const index = coverageIndex(table.coverage, left);
        if (index === -1) continue;
        if (table.version === 1) {
          const pair = [...(table.pairSets?.get(index) ?? [])].find((p) => p.secondGlyph === right);
          if (!pair) continue;
          add(0, pair.value1);
          add(4, pair.value2);
          break;
        }
        if (table.version === 2) {
          const record = table.classRecords?.get(glyphClass(table.classDef1, left)).get(glyphClass(table.classDef2, right));
          add(0, record?.value1);
          add(4, record?.value2);
          break;
        }
      }
    }
    return d.every((v) => v === 0) ? null : (d as unknown as PairDelta);
  }
}
