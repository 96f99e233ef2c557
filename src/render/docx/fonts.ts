/**
 * The profile's font for the DOCX: TrueType files to embed, and their metrics
 * for the page-number estimate (layout.ts).
 *
 * @fontsource ships WOFF and WOFF2 only; Word and LibreOffice embed TrueType.
 * WOFF 1 is the TrueType file with each table zlib-compressed on its own, so
 * the TrueType file is rebuilt here: tables decompressed, a new table
 * directory, tables 4-byte aligned, checksums kept from the WOFF directory
 * (they are the original file's). Same WOFF → same bytes.
 */
import { readFileSync } from 'node:fs';
import { unzlibSync } from 'fflate';
import type { FontName } from '../../content/schema.ts';
import { fontFile } from '../html/fonts.ts';

/** The four faces Word asks for: regular, bold, italic, bold italic. */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FACES: readonly Face[] = ['regular', 'bold', 'italic', 'boldItalic'];
const faceFile: Record<Face, { weight: number; style: 'normal' | 'italic' }> = {
  regular: { weight: 400, style: 'normal' },
  bold: { weight: 700, style: 'normal' },
  italic: { weight: 400, style: 'italic' },
  boldItalic: { weight: 700, style: 'italic' },
};

const tag = (b: Uint8Array, at: number) => String.fromCharCode(b[at]!, b[at + 1]!, b[at + 2]!, b[at + 3]!);

/** Converts a WOFF 1 file to the TrueType/OpenType file it was made from. */
export function woffToSfnt(woff: Uint8Array): Uint8Array {
  const v = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (tag(woff, 0) !== 'wOFF') throw new Error('Inte en WOFF-fil (WOFF 1 krävs).');
  const flavor = v.getUint32(4);
  const numTables = v.getUint16(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = v.getUint32(at + 4);
    const compLength = v.getUint32(at + 8);
    const origLength = v.getUint32(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? unzlibSync(raw) : raw;
    if (data.length !== origLength) throw new Error(`WOFF-tabellen ${tag(woff, at)} har fel längd.`);
    return { tag: woff.subarray(at, at + 4), checksum: v.getUint32(at + 16), data };
  });
  // The table directory is sorted by tag in the WOFF already; keep its order.
  const headerSize = 12 + 16 * numTables;
  const pad = (n: number) => (n + 3) & ~3;
  const size = tables.reduce((n, t) => n + pad(t.data.length), headerSize);
  const out = new Uint8Array(size);
  const o = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  o.setUint32(0, flavor);
  o.setUint16(4, numTables);
  o.setUint16(6, searchRange);
  o.setUint16(8, entrySelector);
  o.setUint16(10, numTables * 16 - searchRange);
  let offset = headerSize;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.set(t.tag, at);
    o.setUint32(at + 4, t.checksum);
    o.setUint32(at + 8, offset);
    o.setUint32(at + 12, t.data.length);
    out.set(t.data, offset);
    offset += pad(t.data.length);
  });
  return out;
}

/** What the layout estimate needs of a face: advance widths per character and the line height. */
export interface FontMetrics {
  unitsPerEm: number;
  /**
   * Ascent + descent + line gap in font units, as LibreOffice takes them: the OS/2 typographic
   * values when the font asks for them (USE_TYPO_METRICS), else hhea's. (Word takes OS/2
   * winAscent + winDescent, smaller for Source Sans 3: see LINE_EM in styles.ts.)
   */
  lineHeight: number;
  /** Advance width in font units of a character; the width of "?"… for unmapped ones. */
  advance(codePoint: number): number;
}

function tableOf(sfnt: Uint8Array, name: string): DataView {
  const v = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const n = v.getUint16(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + i * 16;
    if (tag(sfnt, at) === name) return new DataView(sfnt.buffer, sfnt.byteOffset + v.getUint32(at + 8), v.getUint32(at + 12));
  }
  throw new Error(`Typsnittet saknar tabellen ${name}.`);
}

export function fontMetrics(sfnt: Uint8Array): FontMetrics {
  const head = tableOf(sfnt, 'head');
  const hhea = tableOf(sfnt, 'hhea');
  const os2 = tableOf(sfnt, 'OS/2');
  const hmtx = tableOf(sfnt, 'hmtx');
  const cmap = tableOf(sfnt, 'cmap');
  const unitsPerEm = head.getUint16(18);
  const numHMetrics = hhea.getUint16(34);
  const useTypo = (os2.getUint16(62) & 0x80) !== 0;
  const lineHeight = useTypo
    ? os2.getInt16(68) - os2.getInt16(70) + os2.getInt16(72)
    : hhea.getInt16(4) - hhea.getInt16(6) + hhea.getInt16(8);
  const glyphAdvance = (glyph: number) => hmtx.getUint16(Math.min(glyph, numHMetrics - 1) * 4);

  // cmap format 4 (BMP) of the Unicode or Windows Unicode subtable.
  const glyphs = new Map<number, number>();
  const subtables = cmap.getUint16(2);
  for (let i = 0; i < subtables; i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    if (!((platform === 3 && encoding === 1) || platform === 0) || cmap.getUint16(offset) !== 4) continue;
    const segX2 = cmap.getUint16(offset + 6);
    const ends = offset + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    for (let s = 0; s < segX2 / 2; s++) {
      const end = cmap.getUint16(ends + s * 2);
      const start = cmap.getUint16(starts + s * 2);
      const delta = cmap.getInt16(deltas + s * 2);
      const rangeOffset = cmap.getUint16(ranges + s * 2);
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let g: number;
        if (rangeOffset === 0) g = (c + delta) & 0xffff;
        else {
          const at = ranges + s * 2 + rangeOffset + (c - start) * 2;
          g = cmap.getUint16(at);
          if (g !== 0) g = (g + delta) & 0xffff;
        }
        if (g !== 0) glyphs.set(c, g);
      }
    }
    break;
  }
  const widths = new Map<number, number>();
  for (const [c, g] of glyphs) widths.set(c, glyphAdvance(g));
  const fallback = widths.get(0x3f) ?? unitsPerEm / 2;
  return { unitsPerEm, lineHeight, advance: (c) => widths.get(c) ?? fallback };
}

export interface EmbeddedFont {
  name: FontName;
  /** TrueType bytes per face. */
  faces: Record<Face, Uint8Array>;
  metrics: Record<Face, FontMetrics>;
}

const cache = new Map<FontName, EmbeddedFont>();

/** The profile font's four faces as TrueType, read from the bundled WOFF files. Cached per font. */
export function embeddedFont(name: FontName): EmbeddedFont {
  let font = cache.get(name);
  if (!font) {
    const faces = {} as Record<Face, Uint8Array>;
    const metrics = {} as Record<Face, FontMetrics>;
    for (const face of FACES) {
      const { weight, style } = faceFile[face];
      faces[face] = woffToSfnt(new Uint8Array(readFileSync(fontFile(name, weight, style, 'woff'))));
      metrics[face] = fontMetrics(faces[face]);
    }
    font = { name, faces, metrics };
    cache.set(name, font);
  }
  return font;
}
