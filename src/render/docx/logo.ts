/**
 * The profile's logo for the DOCX title page: the SVG itself, and a PNG drawn
 * from it for Word versions that do not show SVG (Word 2013 and older,
 * LibreOffice before 7.x, many case-management previews).
 */
import { GlobalFonts, createCanvas, loadImage } from '@napi-rs/canvas';
import type { Profile } from '../../model/types.ts';
import { FACES, embeddedFont } from './fonts.ts';
import { registerFont } from '../charts/draw.ts';

/** Width on the page in pixels at 96 dpi, as in the HTML (18rem). */
export const LOGO_WIDTH_PX = 288;
/** The PNG is drawn at twice that: about 190 dpi on paper. */
const SCALE = 2;

export interface Logo {
  svg: Uint8Array;
  png: Uint8Array;
  /** Size on the page, pixels at 96 dpi. */
  width: number;
  height: number;
}

/** The logo's intrinsic size from width/height, else from the viewBox. */
function svgSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const attr = (name: string) => Number.parseFloat(root.match(new RegExp(`\\s${name}="([\\d.]+)(px)?"`))?.[1] ?? '');
  const [width, height] = [attr('width'), attr('height')];
  if (width > 0 && height > 0) return { width, height };
  const box = root.match(/\sviewBox="[\d.\s-]*?([\d.]+)[\s,]+([\d.]+)"/);
  if (box) return { width: Number(box[1]), height: Number(box[2]) };
  return { width: 300, height: 100 };
}

const registered = new Set<string>();

/**
 * A logo's text elements often name only a generic family (font-family="sans-serif"), for which the
 * rasteriser has no font: it draws empty boxes. Such a family list gets the document's font first, unquoted
 * (Skia's SVG reader does not find a quoted family name).
 */
export function withDocumentFont(svg: string, font: string): string {
  const generic = /^\s*(sans-serif|serif|system-ui|ui-sans-serif|ui-serif)(\s*,\s*(sans-serif|serif|system-ui|ui-sans-serif|ui-serif))*\s*$/;
  const name = font.replace(/['"<>&]/g, '');
  return svg
    .replace(/font-family="([^"]*)"/g, (m, list: string) => (generic.test(list) ? `font-family="${name}, ${list.trim()}"` : m))
    .replace(/font-family:\s*([^;"']*)/g, (m, list: string) => (generic.test(list) ? `font-family: ${name}, ${list.trim()}` : m));
}

export async function logoImages(profile: Profile): Promise<Logo> {
  // Text in the logo takes the document's font, as in the HTML (style.css), never an arbitrary system font.
  // (Unless the logo names its own: a second font-family attribute would make the SVG invalid.)
  const bare = withDocumentFont(profile.logotypSvg.replace(/<\?xml[^>]*>\s*/, ''), profile.typsnitt);
  const ownFont = /\sfont-family\s*=/.test(bare.match(/<svg\b[^>]*>/)?.[0] ?? '');
  const svgText = ownFont ? bare : bare.replace(/<svg\b/, `<svg font-family="${profile.typsnitt}, sans-serif"`);
  if (!registered.has(profile.typsnitt)) {
    // The charts register the same family from their own files. Skia picks among the faces by the order they were
    // registered, so the charts' faces always come first here: otherwise the logo's pixels would depend on whether
    // a chart was drawn (or read from the cache) earlier in the process, and the same input would not give the same bytes.
    registerFont(profile.typsnitt);
    const font = embeddedFont(profile.typsnitt);
    for (const face of FACES) GlobalFonts.register(Buffer.from(font.faces[face]), profile.typsnitt);
    registered.add(profile.typsnitt);
  }
  const size = svgSize(svgText);
  const width = LOGO_WIDTH_PX;
  const height = Math.max(1, Math.round((size.height / size.width) * width));
  const image = await loadImage(Buffer.from(svgText));
  const canvas = createCanvas(width * SCALE, height * SCALE);
  canvas.getContext('2d').drawImage(image, 0, 0, width * SCALE, height * SCALE);
  return { svg: new TextEncoder().encode(svgText), png: new Uint8Array(canvas.toBuffer('image/png')), width, height };
}
