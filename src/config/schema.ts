/**
 * The `quire:` section of `book.yaml`: build options a book keeps with itself, checked against one zod schema. Each
 * option has a CLI flag of the same meaning that overrides it; the defaults below are what a build uses when neither
 * says.
 */
import { z } from 'zod';
import { encodingName } from '../read/decode';
import { CHAPTER_OPENINGS, CHAPTER_STARTS, FORMATS, NAME_PLACEHOLDERS, NOTE_PLACEMENTS, PAGE_SIZE_NAMES, PROFILES } from './options';

export { CONFIG_DEFAULTS, FORMATS, NAME_PLACEHOLDERS, NOTE_PLACEMENTS, PAGE_SIZE_NAMES, PROFILES } from './options';


const pattern = z
  .string()
  .min(1)
  .refine((s) => !/[\\/]/.test(s), { message: 'may not contain `/` or `\\` (it names a file, not a folder)' })
  .refine((s) => [...s.matchAll(/\{([^}]*)\}/g)].every((m) => (NAME_PLACEHOLDERS as readonly string[]).includes(m[1])), {
    message: `may use only the placeholders ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  });

/** The schema. Keys are written as in YAML (kebab-case); an unknown key is an error, with a "did you mean". */
export const configSchema = z.strictObject({
  // A list, or a comma-separated string as on the command line (`formats: epub, pdf`).
  formats: z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((f) => f.trim()).filter(Boolean) : v), z.array(z.enum(FORMATS)).min(1)).optional(),
  out: z.string().min(1).optional(),
  'file-name': pattern.optional(),
  profile: z.enum(PROFILES).optional(),
  notes: z.enum(NOTE_PLACEMENTS).optional(),
  'page-size': z.enum(PAGE_SIZE_NAMES).optional(),
  hyphenate: z.boolean().optional(),
  'chapter-start': z.enum(CHAPTER_STARTS).optional(),
  'chapter-opening': z.enum(CHAPTER_OPENINGS).optional(),
  'embed-fonts': z.boolean().optional(),
  'toc-title': z.string().min(1).optional(),
  cover: z.string().min(1).optional(),
  check: z.boolean().optional(),
  encoding: z
    .string()
    .min(1)
    .refine((s) => encodingName(s) !== undefined, { message: 'is not an encoding quire knows: use utf-8, windows-1252, latin1, utf-16le, utf-16be or another WHATWG Encoding label' })
    .optional(),
});

/** The options as written in `book.yaml` (every key optional). */
export type QuireConfig = z.infer<typeof configSchema>;

/** The option names, for suggestions. */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof QuireConfig)[];
