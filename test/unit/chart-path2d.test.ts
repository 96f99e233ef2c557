/**
 * pdfjs-dist (used by the tests that read PDFs back) installs a global Path2D
 * from its own copy of @napi-rs/canvas. Chart.js, loaded after it, would draw
 * lines through that Path2D on our canvas, and mixing the two copies crashed
 * the test process. The chart configuration keeps lines off Path2D; this
 * test imports pdfjs first, as those tests do, and draws a line.
 */
import 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/types.ts';
import { chartCache, drawChart } from '../../src/render/charts/draw.ts';

const line: Diagram = {
  kind: 'diagram',
  id: 'linje',
  diagramtyp: 'indikator',
  källa: 'k',
  rubrik: 'Andel nöjda',
  riktning: 'stående',
  staplad: false,
  kategorirubrik: 'År',
  kategorier: ['2022', '2023', '2024'],
  serier: [
    { namn: 'Utfall', värden: [88, 87, 83], form: 'stapel', roll: 'huvud' },
    { namn: 'Riktvärde', värden: [90, 90, 90], form: 'linje', roll: 'mål' },
  ],
  enhet: { kind: 'procent', decimaler: 0 },
  axel: 'Andel (%)',
  alt: 'Stapeldiagram med linje',
  datatabell: 'efter',
  visa: 'båda',
};

describe('a line chart after pdfjs-dist is loaded', () => {
  it('is drawn as SVG and PNG without touching the foreign Path2D', () => {
    expect(typeof (globalThis as { Path2D?: unknown }).Path2D).toBe('function');
    chartCache.useDir(undefined);
    const style = { primär: '#1F4E79', text: '#1A1A1A', font: 'Source Sans 3' as const, format: { minus: '−' as const } };
    const svg = Buffer.from(drawChart(line, style, 'svg').data).toString('utf8');
    // The dashed target line is there: Skia writes the dashes as one filled path of many pieces in the target colour.
    const dashes = [...svg.matchAll(/<path fill="#D55E00" d="([^"]*)"/g)].map((m) => m[1]!.split('M').length - 1);
    expect(Math.max(0, ...dashes)).toBeGreaterThan(10);
    expect(drawChart(line, style, 'png').data.length).toBeGreaterThan(1000);
  });
});
