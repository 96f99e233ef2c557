/** The DOCX logo's PNG fallback draws the logo's text in the document's font, also where the SVG names only "sans-serif". */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { logoImages, withDocumentFont } from '../../src/render/docx/logo.ts';
import type { Profile } from '../../src/model/types.ts';

const oxelosund = readFileSync('content/kommuner/oxelosund/logotyp.svg', 'utf8');
const profile = { typsnitt: 'Source Sans 3', logotypSvg: oxelosund } as unknown as Profile;

async function pixels(image: string | Uint8Array, width: number, height: number): Promise<Uint8ClampedArray> {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').drawImage(await loadImage(Buffer.from(image)), 0, 0, width, height);
  return canvas.getContext('2d').getImageData(0, 0, width, height).data;
}

describe('the DOCX logo', () => {
  it('gives generic font families the document font first, and leaves named families alone', () => {
    expect(withDocumentFont('<text font-family="sans-serif">A</text>', 'Source Sans 3')).toBe('<text font-family="Source Sans 3, sans-serif">A</text>');
    expect(withDocumentFont('<text style="font-family: serif">A</text>', 'Source Sans 3')).toBe('<text style="font-family: Source Sans 3, serif">A</text>');
    expect(withDocumentFont('<text font-family="Arial, sans-serif">A</text>', 'Source Sans 3')).toBe('<text font-family="Arial, sans-serif">A</text>');
  });

  it('draws Oxelösund’s text in the document font, not as empty boxes', async () => {
    const logo = await logoImages(profile);
    const { width, height } = { width: logo.width * 2, height: logo.height * 2 };
    const drawn = await pixels(logo.png, width, height);
    // The same logo with its text set in the registered document font by hand …
    const inFont = await pixels(oxelosund.replace(/font-family="sans-serif"/g, 'font-family="Source Sans 3"'), width, height);
    // … and as the rasteriser draws the SVG as written: a generic family it has no font for.
    const asWritten = await pixels(oxelosund, width, height);
    const differs = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.some((v, i) => Math.abs(v - b[i]!) > 8);
    expect(differs(asWritten, inFont)).toBe(true);
    expect(differs(drawn, inFont)).toBe(false);
  });

  it('is the same bytes whether or not a chart was drawn earlier in the process', async () => {
    // Two fresh processes of the compiled code (fonts are registered once per process): the logo alone, and after a chart's font.
    const url = (path: string) => pathToFileURL(resolve(path)).href;
    const script = (chartFirst: boolean) => `
      const { readFileSync } = await import('node:fs');
      const { createHash } = await import('node:crypto');
      ${chartFirst ? `(await import('${url('dist/render/charts/draw.js')}')).registerFont('Source Sans 3');` : ''}
      const { logoImages } = await import('${url('dist/render/docx/logo.js')}');
      const logo = await logoImages({ typsnitt: 'Source Sans 3', logotypSvg: readFileSync('content/kommuner/oxelosund/logotyp.svg', 'utf8') });
      process.stdout.write(createHash('sha256').update(logo.png).digest('hex'));`;
    const run = async (chartFirst: boolean) => (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script(chartFirst)])).stdout;
    const [alone, afterChart] = await Promise.all([run(false), run(true)]);
    expect(alone).toMatch(/^[0-9a-f]{64}$/);
    expect(afterChart).toBe(alone);
  }, 60_000);
});
