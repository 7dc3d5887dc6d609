/**
 * An option declared once, by the module that owns it: its name in the owner's options, its book.yaml key, its flag,
 * the values it takes, its default and a line of help. The zod schema (config/schema.ts), the command line and its
 * `--help` (cli/args.ts), `quire init`'s book.yaml, the README's table and each renderer's options type are derived
 * from these declarations. This module imports nothing, so the command line reads the specs without loading a
 * renderer.
 */

/** The kind of value an option takes: one of a list, true or false, a string, a whole number ≥ 0, a list of choices. */
export type OptionKind = 'choice' | 'boolean' | 'text' | 'count' | 'list';

/** A condition on a text option's value, checked in book.yaml (and on the command line when it has a `usage`). */
export interface TextRule {
  test(value: string): boolean;
  /** Follows the key in book.yaml's error: `` `quire.file-name` may not contain `/` ``; a rule without one is not checked there. */
  message?: string;
  /** The command line's usage error for `value`; a rule without one is not checked there. */
  usage?: (value: string) => string;
}

export interface OptionSpec<Name extends string = string, Key extends string = string, Value = unknown> {
  /** The property in its owner's options: `pageSize`. */
  readonly name: Name;
  /** The key under book.yaml's `quire:`: `page-size` (the name in kebab-case unless given). */
  readonly key: Key;
  /** The command-line flag: `--page-size` (`--` and the key unless given); none for a book.yaml-only option. A boolean also takes `--no-…`. */
  readonly flag?: `--${string}`;
  /** A one-letter alias of the flag: `-o`. */
  readonly short?: `-${string}`;
  readonly kind: OptionKind;
  /** The allowed values of a choice, or of a list's items. */
  readonly values?: readonly string[];
  /** What a build uses when neither the command line nor book.yaml says; `undefined` when decided elsewhere. */
  readonly default: Value;
  /** The default in words, where `default` does not say it (`the language's contents label`). */
  readonly defaultText?: string;
  /** The flag's argument in `--help`: `SIZE`. */
  readonly metavar?: string;
  /** One line of help, in Markdown (`backticks` are dropped in `--help`). */
  readonly help: string;
  /** More for the README's table only. */
  readonly details?: string;
  /** A value `quire init` shows for an option without a default: `cover.jpg`. */
  readonly example?: string;
  readonly rules?: readonly TextRule[];
}

/** `pageSize` → `page-size`, as a type. */
export type Kebab<S extends string> = S extends `${infer C}${infer Rest}` ? `${C extends Lowercase<C> ? C : `-${Lowercase<C>}`}${Kebab<Rest>}` : S;

/** `pageSize` → `page-size`. */
export const kebab = <S extends string>(name: S): Kebab<S> => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as Kebab<S>;

/** What every kind of spec is declared with; `key` and `flag` follow the name unless given. */
interface Declared<N extends string, K extends string> {
  name: N;
  key?: K;
  /** `null`: book.yaml only. */
  flag?: `--${string}` | null;
  short?: `-${string}`;
  metavar?: string;
  help: string;
  details?: string;
  defaultText?: string;
  example?: string;
}

function declare<N extends string, K extends string, V>(spec: Declared<N, K>, kind: OptionKind, value: V, values?: readonly string[], rules?: readonly TextRule[]): OptionSpec<N, K, V> {
  const key = spec.key ?? (kebab(spec.name) as string as K);
  const { flag = `--${key}`, ...rest } = spec;
  return { ...rest, key, ...(flag ? { flag } : {}), kind, default: value, ...(values ? { values } : {}), ...(rules ? { rules } : {}) };
}

/** A spec whose values are known: a choice's, or a list's items. */
export type ChoiceSpec<N extends string, K extends string, V extends string, Value = V> = OptionSpec<N, K, Value> & { readonly values: readonly [V, ...V[]] };

/** An option that takes one of `values`. */
export function choice<const N extends string, const V extends string, const K extends string = Kebab<N>>(spec: Declared<N, K> & { values: readonly [V, ...V[]]; default: NoInfer<V> }): ChoiceSpec<N, K, V> {
  return declare(spec, 'choice', spec.default, spec.values) as ChoiceSpec<N, K, V>;
}

/** A list of `values` (on the command line, comma-separated). */
export function list<const N extends string, const V extends string, const K extends string = Kebab<N>>(spec: Declared<N, K> & { values: readonly [V, ...V[]]; default: readonly NoInfer<V>[] }): ChoiceSpec<N, K, V, V[]> {
  return declare(spec, 'list', [...spec.default], spec.values) as ChoiceSpec<N, K, V, V[]>;
}

/** An option that is on or off: `--hyphenate` and `--no-hyphenate`. */
export function boolean<const N extends string, const K extends string = Kebab<N>>(spec: Declared<N, K> & { default: boolean }): OptionSpec<N, K, boolean> {
  return declare(spec, 'boolean', spec.default);
}

/** A whole number, 0 or more. */
export function count<const N extends string, const K extends string = Kebab<N>>(spec: Declared<N, K> & { default: number }): OptionSpec<N, K, number> {
  return declare(spec, 'count', spec.default);
}

/** A string that may not be empty. Without a default, the option is optional in its owner's options. */
export function text<const N extends string, const K extends string = Kebab<N>, const D extends string | undefined = undefined>(
  spec: Declared<N, K> & { default?: D; rules?: readonly TextRule[] },
): OptionSpec<N, K, D extends string ? string : string | undefined> {
  return declare(spec, 'text', spec.default as D extends string ? string : string | undefined, undefined, spec.rules);
}

export type ValueOf<S> = S extends OptionSpec<string, string, infer V> ? V : never;

/** The options an owner's specs declare: `{pageSize: 'a5' | …; hyphenate: boolean; …}`; one without a default is optional. */
export type OptionsOf<Specs extends readonly OptionSpec[]> = {
  [S in Specs[number] as undefined extends ValueOf<S> ? never : S['name']]: ValueOf<S>;
} & {
  [S in Specs[number] as undefined extends ValueOf<S> ? S['name'] : never]?: Exclude<ValueOf<S>, undefined>;
};

/** The book.yaml values the specs declare, by key, each optional: `{'page-size'?: 'a5' | …}`. */
export type ConfigOf<Specs extends readonly OptionSpec[]> = {
  [S in Specs[number] as S['key']]?: Exclude<ValueOf<S>, undefined>;
};

/** The defaults by book.yaml key: `{'page-size': 'a5', …}`. */
export type DefaultsOf<Specs extends readonly OptionSpec[]> = {
  [S in Specs[number] as undefined extends ValueOf<S> ? never : S['key']]: ValueOf<S>;
};

/** Each option's default, by name; options without one are left out. */
export function defaultsOf<const Specs extends readonly OptionSpec[]>(specs: Specs): OptionsOf<Specs> {
  return Object.fromEntries(specs.filter((s) => s.default !== undefined).map((s) => [s.name, s.default])) as OptionsOf<Specs>;
}
