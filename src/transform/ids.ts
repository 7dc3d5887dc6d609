/** Gives every section and front/back-matter page a stable, unique id derived from its title or role. */
import { allSections, plainText } from '../model/build-helpers';
import type { Book } from '../model/types';
import { asciiSlug, IdAllocator } from '../text/slug';
import type { Transform } from './types';

export const ids: Transform = {
  name: 'ids',
  run(book: Book) {
    const ids = new IdAllocator();
    // Ids stay ASCII, as file names are made from them; a title in another script gives the fallback (`chapter-3`).
    const slugify = (text: string, max?: number) => asciiSlug(text, max, { transliterate: false });
    for (const matter of [...book.front, ...book.back]) matter.id = ids.take(slugify(matter.id || matter.role) || matter.role);
    let chapterNumber = 0;
    for (const section of allSections(book.body)) {
      if (section.role === 'chapter') chapterNumber++;
      const fromTitle = slugify(section.label ?? '') || slugify(plainText(section.title), 48);
      const base = section.id || fromTitle || (section.role === 'chapter' ? `chapter-${chapterNumber}` : section.role);
      // Ids must start with a letter to be valid XML names.
      section.id = ids.take(/^[a-z]/.test(base) ? base : `${section.role}-${base}`);
    }
  },
};
