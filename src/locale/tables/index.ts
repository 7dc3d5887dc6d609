/**
 * The label tables of the languages quire knows besides English, keyed by primary subtag (a regional table such as
 * `pt-PT` may be added under its full tag, lower case). Each follows its language's book conventions: the chapter
 * heading's word order (`第{n}章`, `제{n}장`), its quotation marks, its spacing before a colon (French `\u202f:`).
 * Plain text only: templates escape them.
 */
import { ENGLISH, type Labels } from '../labels';
import { fr } from './fr';
import { de } from './de';
import { es } from './es';
import { it } from './it';
import { pt } from './pt';
import { nl } from './nl';
import { ru } from './ru';
import { pl } from './pl';
import { he } from './he';
import { ar } from './ar';
import { ja } from './ja';
import { zh } from './zh';
import { ko } from './ko';

/** Tables by primary language subtag (a regional table may be added under its full tag, lower case). */
export const LABELS: Record<string, Labels> = { en: ENGLISH, fr, de, es, it, pt, nl, ru, pl, he, ar, ja, zh, ko };
