/**
 * The profile's font, bundled from npm (@fontsource) and embedded in the HTML as
 * data URLs: the PDF never depends on a system font, and the HTML is self-contained.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { bundledFonts, type FontName } from '../../content/schema.ts';

const require = createRequire(import.meta.url);
const faces = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
] as const;

const cache = new Map<FontName, string>();

/** Where a bundled font's files live. */
export function fontFile(font: FontName, weight: number, style: string, ext: 'woff2' | 'woff' = 'woff2'): string {
  const pkg = bundledFonts[font];
  const root = dirname(require.resolve(`${pkg}/package.json`));
  const base = pkg.replace('@fontsource/', '');
  return join(root, 'files', `${base}-latin-${weight}-${style}.${ext}`);
}

/** @font-face rules for the font, with the files inlined. */
export function fontFaceCss(font: FontName): string {
  const cached = cache.get(font);
  if (cached) return cached;
  const css = faces
    .map(({ weight, style }) => {
      const data = readFileSync(fontFile(font, weight, style)).toString('base64');
      return `@font-face{font-family:"${font}";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");}`;
    })
    .join('\n');
  cache.set(font, css);
  return css;
}
