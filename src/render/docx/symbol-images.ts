/** PNG images of the symbols for the DOCX, made from the same SVG the HTML inlines. Cached per symbol. */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { symbolSvg, type SymbolRef, type SymbolSet } from '../symbols.ts';

const PIXELS = 64; // drawn at 64 px, shown at about 9 pt: well over 200 dpi
const cache = new Map<string, Promise<Uint8Array>>();

export function symbolPng(ref: SymbolRef, set: SymbolSet): Promise<Uint8Array> {
  const svg = symbolSvg(ref, set, PIXELS);
  let png = cache.get(svg);
  if (!png) {
    png = (async () => {
      const image = await loadImage(Buffer.from(svg));
      const canvas = createCanvas(PIXELS, PIXELS);
      canvas.getContext('2d').drawImage(image, 0, 0, PIXELS, PIXELS);
      return new Uint8Array(canvas.toBuffer('image/png'));
    })();
    cache.set(svg, png);
  }
  return png;
}
