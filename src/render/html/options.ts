/** The AO3 HTML renderer's options, declared once: the schema, the flags, the help and the README follow them. */
import { choice, defaultsOf, type OptionsOf } from '../option-spec';

export const HTML_OPTIONS = [
  choice({
    name: 'sceneBreak',
    metavar: 'STYLE',
    values: ['rule', 'ornament'],
    default: 'rule',
    help: "How the AO3 HTML writes a scene break: `rule` is AO3's `<hr />`, `ornament` the author's marker (or `* * *`) centred.",
  }),
] as const;

/** Options of the AO3 HTML renderer. */
export type HtmlOptions = OptionsOf<typeof HTML_OPTIONS>;

export const DEFAULT_HTML_OPTIONS: HtmlOptions = defaultsOf(HTML_OPTIONS);

/** How a scene break is written: AO3's horizontal rule, or the book's ornament centred in a paragraph. */
export type SceneBreakStyle = HtmlOptions['sceneBreak'];
