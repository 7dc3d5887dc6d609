/** The plain-text renderer's options, declared once: the schema, the flags, the help and the README follow them. */
import { count, defaultsOf, type OptionsOf } from '../option-spec';

export const TXT_OPTIONS = [
  count({
    name: 'width',
    key: 'line-width',
    metavar: 'N',
    default: 0,
    help: 'Fill the text output\'s paragraphs to lines of this many characters; 0 writes each paragraph on one line.',
    details: 'E-readers, phones and archive forms reflow text themselves, and hard line ends only get in their way.',
  }),
] as const;

/** Options of the plain-text renderer. */
export type TxtOptions = OptionsOf<typeof TXT_OPTIONS>;

export const DEFAULT_TXT_OPTIONS: TxtOptions = defaultsOf(TXT_OPTIONS);
