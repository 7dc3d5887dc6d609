/** The stylesheet as a profile needs it: embedded-font rules, and for Kindle no comments and no custom properties. */

/** `--name: value` declarations (anywhere: quire's stylesheet is small and declares them once). */
const CUSTOM_PROPERTY = /(^|[{;\s])(--[\w-]+)\s*:\s*([^;}]+);?/g;
/** `var(--name)` or `var(--name, fallback)`, without nested parentheses in the fallback. */
const VAR = /var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g;

/**
 * CSS that Kindle's converter accepts: comments removed (they may hold `--`) and custom properties replaced by
 * their values; a `var()` with neither a declared value nor a fallback drops its declaration.
 */
export function plainCss(css: string): string {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const values = new Map<string, string>();
  for (const m of withoutComments.matchAll(CUSTOM_PROPERTY)) values.set(m[2], m[3].trim());
  const withoutDeclarations = withoutComments.replace(CUSTOM_PROPERTY, '$1');
  return withoutDeclarations
    .replace(/([\w-]+\s*:[^;{}]*var\([^;{}]*)(;|(?=}))/g, (declaration: string) => {
      let unresolved = false;
      const resolved = declaration.replace(VAR, (_: string, name: string, fallback?: string) => {
        const value = values.get(name) ?? fallback?.trim();
        if (value === undefined) unresolved = true;
        return value ?? '';
      });
      return unresolved ? '' : resolved;
    })
    .replace(/\n{3,}/g, '\n\n');
}

/** Font files quire embeds (Source Serif 4, OFL) with their CSS face descriptors. */
export const EMBEDDED_FONTS = [
  { key: 'serif-regular', file: 'fonts/SourceSerif4-Regular.ttf', style: 'normal', weight: 'normal' },
  { key: 'serif-italic', file: 'fonts/SourceSerif4-It.ttf', style: 'italic', weight: 'normal' },
  { key: 'serif-bold', file: 'fonts/SourceSerif4-Bold.ttf', style: 'normal', weight: 'bold' },
  { key: 'serif-bold-italic', file: 'fonts/SourceSerif4-BoldIt.ttf', style: 'italic', weight: 'bold' },
] as const;

/** `@font-face` rules for the embedded fonts and a body rule that uses them, to put before the stylesheet. */
export function fontFaces(): string {
  const faces = EMBEDDED_FONTS.map(
    (f) => `@font-face { font-family: "Source Serif 4"; font-style: ${f.style}; font-weight: ${f.weight}; src: url("${f.file}"); }`,
  );
  return `${faces.join('\n')}\nbody { font-family: "Source Serif 4", serif; }\n\n`;
}
