/**
 * Draws a chart with Chart.js on @napi-rs/canvas (Skia, prebuilt binaries from
 * npm; no compiler, no system libraries): SVG for the HTML and the PDF, PNG
 * for the DOCX. Drawing is synchronous and deterministic; results are kept in
 * a content-addressed cache (see cache.ts), so an unchanged chart is not drawn
 * again, in this process or the next build.
 *
 * Text in the SVG stays text: the chart is drawn with the document's own font
 * files (from npm, registered with Skia here), and the HTML page embeds the
 * same files, so Chromium prints the labels as real, searchable text with the
 * glyph positions Skia measured. Should the font fail to register, the SVG
 * gets its text as paths instead, which looks the same everywhere.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createCanvas, GlobalFonts, SvgExportFlag } from '@napi-rs/canvas';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, type Plugin } from 'chart.js';
import type { Diagram, Profile } from '../../model/types.ts';
import { fontFile } from '../html/fonts.ts';
import type { FontName } from '../../content/schema.ts';
import { chartConfig, chartSize, type ChartStyle } from './config.ts';
import { ChartCache } from './cache.ts';
import { normalizeSvg } from './svg.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend);

/** PNG pixels per CSS pixel: a 640 px chart printed 17 cm wide (6,7 in) is 1 600 px, 240 dpi. */
export const PNG_SCALE = 2.5;

export type ChartFormat = 'svg' | 'png';

export interface DrawnChart {
  data: Uint8Array;
  /** Size in CSS pixels (96 dpi); a PNG has PNG_SCALE times as many pixels. */
  width: number;
  height: number;
  /** True when the bytes came from the cache. */
  cached: boolean;
}

const registered = new Map<string, boolean>();

/**
 * Registers the document's font with Skia (regular, semibold, bold); false when it could not be loaded.
 * Always before the DOCX logo registers its own faces of the same family (docx/logo.ts calls this first):
 * Skia chooses among faces by registration order, so a fixed order keeps charts and logo the same bytes.
 */
export function registerFont(font: FontName): boolean {
  let ok = registered.get(font);
  if (ok === undefined) {
    ok = true;
    for (const weight of [400, 600, 700]) {
      try {
        ok = GlobalFonts.registerFromPath(fontFile(font, weight, 'normal'), font) !== null && ok;
      } catch {
        ok = false;
      }
    }
    registered.set(font, ok);
  }
  return ok;
}

let engine: string | undefined;

/** What besides the configuration shapes the bytes: the drawing code and the versions of Chart.js and the canvas. */
export function engineFingerprint(): string {
  if (!engine) {
    const hash = createHash('sha256');
    const dir = fileURLToPath(new URL('./', import.meta.url));
    for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    const require = createRequire(import.meta.url);
    for (const pkg of ['chart.js/package.json', '@napi-rs/canvas/package.json']) {
      try {
        hash.update(String((JSON.parse(readFileSync(require.resolve(pkg), 'utf8')) as { version: string }).version));
      } catch {
        hash.update(pkg);
      }
    }
    engine = hash.digest('hex');
  }
  return engine;
}

/** A stable text of a configuration: functions by their source (what they close over is in the chart's data, hashed too). */
function stableConfigText(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'function' ? `fn:${v.toString()}` : v));
}

export const chartCache = new ChartCache();

/** The look of every chart of a report: the profile's colours and font, its number format. */
export function chartStyle(profile: Profile): ChartStyle & { font: FontName } {
  return { primär: profile.färger.primär, text: profile.färger.text, font: profile.typsnitt, format: profile.format };
}

/** The chart as SVG (text as text) or PNG (at PNG_SCALE), from the cache when the same chart was drawn before. */
export function drawChart(d: Diagram, style: ChartStyle & { font: FontName }, format: ChartFormat): DrawnChart {
  const { width, height } = chartSize(d);
  const fontOk = registerFont(style.font);
  const config = chartConfig(d, style);
  const key = createHash('sha256')
    .update([engineFingerprint(), format, `${width}x${height}`, fontOk ? 'text' : 'paths', stableConfigText({ d: { ...d, id: '', alt: '', rubrik: '', not: '' }, style }), stableConfigText(config)].join('\n'))
    .digest('hex');
  const hit = chartCache.get(key, format);
  if (hit) return { data: hit, width, height, cached: true };
  const data = format === 'svg' ? drawSvg(config, width, height, fontOk, style.font) : drawPng(config, width, height);
  chartCache.set(key, format, data);
  return { data, width, height, cached: false };
}

function drawSvg(config: ReturnType<typeof chartConfig>, width: number, height: number, textAsText: boolean, font: string): Uint8Array {
  const canvas = createCanvas(width, height, SvgExportFlag.NoPrettyXML | (textAsText ? 0 : SvgExportFlag.ConvertTextToPaths));
  // Skia writes a ligature's single glyph with only its first character ("ff" lost from "effektiv"):
  // without ligatures every character keeps a glyph of its own in the SVG text. Set before each draw,
  // as Chart.js sizes the canvas (which resets the context) after it is created.
  const noLigatures: Plugin = {
    id: 'utanLigaturer',
    beforeDraw(c) {
      (c.ctx as unknown as { textRendering: string }).textRendering = 'optimizeSpeed';
    },
  };
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, {
    ...config,
    options: { ...config.options, devicePixelRatio: 1 },
    plugins: [noLigatures, ...(config.plugins ?? [])],
  });
  const svg = canvas.getContent().toString('utf8');
  chart.destroy();
  return new TextEncoder().encode(normalizeSvg(svg, font));
}

function drawPng(config: ReturnType<typeof chartConfig>, width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const chart = new Chart(ctx as unknown as CanvasRenderingContext2D, {
    ...config,
    options: { ...config.options, devicePixelRatio: PNG_SCALE },
    // A white background: Word shows a transparent PNG on whatever is behind it.
    plugins: [
      {
        id: 'vitBakgrund',
        beforeDraw(c) {
          c.ctx.save();
          c.ctx.fillStyle = '#FFFFFF';
          c.ctx.fillRect(0, 0, c.width, c.height);
          c.ctx.restore();
        },
      },
      ...(config.plugins ?? []),
    ],
  });
  const png = canvas.toBuffer('image/png');
  chart.destroy();
  return new Uint8Array(png);
}
