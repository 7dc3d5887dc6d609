/**
 * The HTML reader (`.html`, `.htm`, `.xhtml`): htmlparser2's DOM, read as an AO3 download when it has the archive's
 * layout (ao3.ts), else as any web page (generic.ts). Both share the allow-list of blocks.ts and inlines.ts.
 */
import type { Reader } from '../types';
import { readAo3, isAo3Download } from './ao3';
import { contextFor } from './document';
import { flattenDeep, MAX_DEPTH, parseHtml, textLocator } from './dom';
import { readGeneric } from './generic';

/** Reads HTML manuscripts and AO3 downloads. */
export const htmlReader: Reader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  read(text, { file, report }) {
    const doc = parseHtml(text);
    const locate = textLocator(file, text);
    // Before anything walks the tree.
    const [deep] = flattenDeep(doc);
    const cx = contextFor(doc, locate, report);
    if (deep) {
      report.warn('html-too-deep', `elements nested more than ${MAX_DEPTH} deep keep only their text`, {
        position: cx.locate(deep),
        hint: 'Nest elements less deeply.',
      });
    }
    return isAo3Download(doc) ? readAo3(doc, cx) : readGeneric(doc, cx);
  },
};
