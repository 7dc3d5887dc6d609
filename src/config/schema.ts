/**
 * The zod schema of the `quire:` section of `book.yaml`, built from the option specs (options.ts and each renderer's
 * options.ts): one zod type per kind of option, with a spec's own rules as refinements. Each option has a CLI flag of
 * the same meaning that overrides it; the defaults are what a build uses when neither says.
 */
import { z } from 'zod';
import type { OptionSpec } from '../render/option-spec';
import { OPTIONS, type QuireConfig } from './options';

export { CONFIG_DEFAULTS, FORMATS, NAME_PLACEHOLDERS, type QuireConfig } from './options';

/** A comma-separated string as on the command line (`formats: epub, pdf`) is a list too. */
const commaList = (v: unknown) => (typeof v === 'string' ? v.split(',').map((f) => f.trim()).filter(Boolean) : v);

/** The zod type of one option. */
function zodType(spec: OptionSpec): z.ZodType {
  const values = spec.values as [string, ...string[]];
  switch (spec.kind) {
    case 'choice':
      return z.enum(values);
    case 'list':
      return z.preprocess(commaList, z.array(z.enum(values)).min(1));
    case 'boolean':
      return z.boolean();
    case 'count':
      return z.int().min(0);
    case 'text': {
      let type: z.ZodType<string> = z.string().min(1);
      for (const rule of spec.rules ?? []) if (rule.message) type = type.refine((s) => rule.test(s), { message: rule.message });
      return type;
    }
  }
}

/** The schema. Keys are written as in YAML (kebab-case); an unknown key is an error, with a "did you mean". */
export const configSchema = z.strictObject(Object.fromEntries(OPTIONS.map((spec) => [spec.key, zodType(spec).optional()]))) as unknown as z.ZodType<QuireConfig>;

/** The option names, for suggestions. */
export const CONFIG_KEYS = OPTIONS.map((spec) => spec.key) as (keyof QuireConfig)[];
