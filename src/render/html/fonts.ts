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

/**
 * Emoji (U+1F000 and up) are in no bundled text font, and a missing glyph loses
 * its character in the PDF's text layer. When the report uses any, the faces
 * of Noto Emoji (@fontsource/noto-emoji) that hold them are added to the
 * report's own font family, limited by unicode-range to exactly the emoji used,
 * so no other character changes its font. Nothing is added to a report without emoji.
 */
export function emojiFontFaceCss(font: FontName, text: string): string {
  const used = [...new Set([...text.matchAll(/[\u{1F000}-\u{1FAFF}\u{FE0F}]/gu)].map((m) => m[0].codePointAt(0)!))].sort((a, b) => a - b);
  if (!used.some((cp) => cp >= 0x1f000)) return '';
  const root = dirname(require.resolve('@fontsource/noto-emoji/package.json'));
  const subsets = Object.entries(JSON.parse(readFileSync(join(root, 'unicode.json'), 'utf8')) as Record<string, string>);
  const rules: string[] = [];
  for (const [key, ranges] of subsets) {
    const inSubset = used.filter((cp) => ranges.split(',').some((r) => inRange(cp, r.trim())));
    if (inSubset.length === 0) continue;
    const subset = key.replace(/^\[|\]$/g, '');
    const range = inSubset.map((cp) => `U+${cp.toString(16)}`).join(',');
    for (const { weight, style } of faces) {
      const data = readFileSync(join(root, 'files', `noto-emoji-${subset}-${weight}-normal.woff2`)).toString('base64');
      rules.push(`@font-face{font-family:"${font}";font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${range};}`);
    }
  }
  return rules.join('\n');
}

/** Whether a code point lies in "U+1f1e6-1f1ff" or "U+23". */
function inRange(cp: number, range: string): boolean {
  const [from, to] = range.replace(/^U\+/i, '').split('-').map((h) => Number.parseInt(h, 16));
  return cp >= from! && cp <= (to ?? from)!;
}
