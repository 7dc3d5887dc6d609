/**
 * Every `quire:` option in one list: the build's own (formats, folder, file name, cover, EPUBCheck, encoding),
 * declared here, then each renderer's, declared by the renderer (src/render/<name>/options.ts) and found through the
 * renderer table. The zod schema (schema.ts), the command line (cli/args.ts), `quire init`'s book.yaml and the README
 * table all read this list; zod is not loaded for it, so the command line stays fast.
 */
import { encodingName } from '../read/decode';
import { renderers, type Format } from '../render';
import { boolean, list, text, type ConfigOf, type DefaultsOf, type OptionSpec } from '../render/option-spec';

/** Output formats: the renderer table's names, so that a new renderer is a new format here too. */
export const FORMATS = Object.keys(renderers) as [Format, ...Format[]];

/** Placeholders of the output file-name pattern. */
export const NAME_PLACEHOLDERS = ['slug', 'title', 'author', 'date', 'year', 'lang'] as const;

const fileNameUsage = () => '--file-name takes a file name without a folder, e.g. {slug}-{date}';

/** The build's own options: what it writes, where, under what name, and how it reads the manuscript. */
export const BUILD_OPTIONS = [
  list({
    name: 'formats',
    flag: '--format',
    short: '-f',
    metavar: 'LIST',
    values: FORMATS,
    default: ['epub', 'pdf'],
    help: 'Outputs to build, comma-separated (`html` is AO3-ready).',
    details: 'In book.yaml a list, or `epub, pdf`.',
  }),
  text({ name: 'out', short: '-o', metavar: 'DIR', default: 'dist', help: 'Output folder, relative to the folder quire runs in.' }),
  text({
    name: 'fileName',
    metavar: 'PAT',
    default: '{slug}',
    help: `Output file name before the extension, with placeholders ${NAME_PLACEHOLDERS.map((p) => `\`{${p}}\``).join(', ')}.`,
    details:
      "`{slug}` is the title as a slug in its own script (`שיר-השירים-הקטן`, `月の庭`; the input file's name when the title has no letter or digit); `{date}` is the book's date, else the build date. No `/`.",
    rules: [
      { test: (s) => s.trim() !== '', usage: fileNameUsage },
      { test: (s) => !/[\\/]/.test(s), message: 'may not contain `/` or `\\` (it names a file, not a folder)', usage: fileNameUsage },
      {
        test: (s) => [...s.matchAll(/\{([^}]*)\}/g)].every((m) => (NAME_PLACEHOLDERS as readonly string[]).includes(m[1])),
        message: `may use only the placeholders ${NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      },
    ],
  }),
  text({
    name: 'cover',
    flag: null,
    defaultText: 'none: a generated cover',
    example: 'cover.jpg',
    help: "Cover image (JPEG or PNG, 1600×2560 is ideal) in the manuscript folder; wins over the metadata's `cover:`.",
  }),
  boolean({ name: 'check', default: false, help: 'Run EPUBCheck on each EPUB built, with messages at manuscript lines (exit 1 on its errors).' }),
  text({
    name: 'encoding',
    metavar: 'NAME',
    defaultText: 'found from each file',
    example: 'windows-1252',
    help: "The manuscript files' encoding (`book.yaml` included): `utf-8`, `windows-1252`, `latin1`, `utf-16le`, `utf-16be`, or any WHATWG Encoding label.",
    details: 'Without it: UTF-16 by its byte-order mark, else UTF-8, else Windows-1252 with a warning.',
    rules: [
      {
        test: (s) => encodingName(s) !== undefined,
        message: 'is not an encoding quire knows: use utf-8, windows-1252, latin1, utf-16le, utf-16be or another WHATWG Encoding label',
        usage: (s) => `unknown encoding ${s} (try utf-8, windows-1252, latin1, utf-16le, utf-16be)`,
      },
    ],
  }),
] as const;

/** The renderers' options, in the table's order. */
type RendererSpecs = (typeof renderers)[Format]['options'];

/** Every option: the build's, then each renderer's. */
export const OPTIONS: readonly (OptionSpec & { readonly owner?: Format })[] = [
  ...BUILD_OPTIONS,
  ...(Object.entries(renderers) as [Format, { options: readonly OptionSpec[] }][]).flatMap(([owner, r]) => r.options.map((spec) => ({ ...spec, owner }))),
];

type AllSpecs = readonly ((typeof BUILD_OPTIONS)[number] | RendererSpecs[number])[];

/** The options as written in `book.yaml` (every key optional). */
export type QuireConfig = ConfigOf<AllSpecs>;

/** Every option that has a default, by its book.yaml key. */
export const CONFIG_DEFAULTS = Object.fromEntries(OPTIONS.filter((s) => s.default !== undefined).map((s) => [s.key, s.default])) as DefaultsOf<AllSpecs>;
