/**
 * The Chart.js configuration (src/render/charts/config.ts), and the drawn SVG
 * and PNG (draw.ts, svg.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Diagram } from '../../src/model/types.ts';
import { chartConfig, chartSize, palette, roleColour, wrapLabel, type ChartStyle } from '../../src/render/charts/config.ts';
import { chartCache, drawChart, PNG_SCALE } from '../../src/render/charts/draw.ts';
import { inlineSvg } from '../../src/render/charts/svg.ts';
import { contrastRatio } from '../../src/content/contrast.ts';

const style: ChartStyle = { primär: '#00507A', text: '#1A1A1A', font: 'Source Sans 3', format: { minus: '−' } };

const sample: Diagram = {
  kind: 'diagram',
  id: 'prov',
  diagramtyp: 'budget',
  källa: 'internbudget',
  rubrik: 'Nettokostnad per verksamhet',
  riktning: 'liggande',
  staplad: false,
  kategorirubrik: 'Verksamhet',
  kategorier: ['Äldreomsorg', 'Individ- och familjeomsorg med en lång rubrik'],
  serier: [
    { namn: 'Budget 2023', värden: [290000, 60698], form: 'stapel', roll: 'jämförelse' },
    { namn: 'Budget 2024', värden: [312400, 64268], form: 'stapel', roll: 'huvud' },
    { namn: 'Avvikelse 2024', värden: [-1020, 3570], form: 'etikett', roll: 'huvud', medTecken: true },
  ],
  enhet: { kind: 'belopp', enhet: 'tkr' },
  axel: 'Nettokostnad (tkr)',
  alt: 'Liggande stapeldiagram: "prov" <test>',
  datatabell: 'efter',
  visa: 'båda',
};

describe('the Chart.js configuration (pure)', () => {
  it('every palette colour and the example profiles’ primary colours have at least 3:1 contrast against white', () => {
    for (const colour of [...Object.values(palette), '#00507A', '#1F4E79']) expect(contrastRatio(colour, '#FFFFFF'), colour).toBeGreaterThanOrEqual(3);
  });

  it('colours by role: the profile colour for the figure in focus, grey for the comparison', () => {
    const config = chartConfig(sample, style);
    expect(config.data.datasets.map((d) => [d.label, d.backgroundColor])).toEqual([
      ['Budget 2023', palette.jämförelse],
      ['Budget 2024', '#00507A'],
    ]);
    expect(roleColour('uppfyllt', style)).toBe(palette.uppfyllt);
  });

  it('horizontal bars, long names on two lines, the label series not drawn as bars', () => {
    const config = chartConfig(sample, style);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.data.labels).toEqual([['Äldreomsorg'], ['Individ- och familjeomsorg', 'med en lång rubrik']]);
    expect(config.plugins?.map((p) => p.id)).toEqual(['kommunrapportEtiketter']);
    expect(wrapLabel('Vård och omsorg, SoL och HSL')).toEqual(['Vård och omsorg, SoL och', 'HSL']);
  });

  it('Swedish numbers on the value axis: space for thousands, the profile minus sign, the document font', () => {
    const x = (chartConfig(sample, style).options!.scales as Record<string, { ticks: { callback: (v: number) => string; font: { family: string } } }>).x!;
    expect(x.ticks.callback(250000)).toBe('250\u00a0000');
    expect(x.ticks.callback(-1020)).toBe('−1\u00a0020');
    expect(x.ticks.font.family).toBe('Source Sans 3');
    const percent = chartConfig({ ...sample, enhet: { kind: 'procent', decimaler: 1 } }, style).options!.scales as Record<string, { ticks: { callback: (v: number) => string } }>;
    expect(percent.x!.ticks.callback(10.5)).toBe('10,5\u00a0%');
  });

  it('the same chart and style give the same configuration', () => {
    const text = (c: unknown) => JSON.stringify(c, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v));
    expect(text(chartConfig(sample, style))).toBe(text(chartConfig(structuredClone(sample), { ...style })));
  });
});

describe('drawing', () => {
  beforeAll(() => chartCache.useDir(mkdtempSync(join(tmpdir(), 'kommunrapport-diagram-'))));

  it('the SVG holds the labels as text, in the document font, with Swedish numbers', () => {
    const svg = Buffer.from(drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data).toString('utf8');
    expect(svg).toContain('>Äldreomsorg</text>');
    expect(svg).toContain('>Budget 2024</text>');
    expect(svg).toContain('>Nettokostnad (tkr)</text>');
    expect(svg).toContain('>Avvikelse +3 570</text>');
    // Skia writes the non-breaking thousands space as a plain space; the glyph positions keep the number together.
    expect(svg).toContain('>300 000</text>');
    expect(svg).toContain('>Avvikelse −1 020</text>');
    // Named as the page's @font-face names it (quoted: "3" alone is no CSS identifier), not as the file does.
    expect(svg).toMatch(/font-family="'Source Sans 3'"/);
    expect(svg).not.toMatch(/ExtraLight/);
  });

  it('negative net costs (nettokostnad_tecken: negativ): bars grow leftward from 0 at the right, a dark zero line, signed ticks, labels right of 0', () => {
    const negative: Diagram = {
      ...sample,
      diagramtyp: 'driftredovisning',
      serier: [
        { namn: 'Budget 2024', värden: [-309142, -29814], form: 'stapel', roll: 'jämförelse' },
        { namn: 'Utfall 2024', värden: [-314902, -20790], form: 'stapel', roll: 'huvud' },
        { namn: 'Avvikelse 2024', värden: [-5760, 9024], form: 'etikett', roll: 'huvud', medTecken: true },
      ],
    };
    const svg = Buffer.from(drawChart(negative, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data).toString('utf8');
    const tickX = (text: string) => Number(new RegExp(`translate\\(([\\d.]+) [\\d.]+\\)[^>]*>${text}</text>`).exec(svg)?.[1]);
    // The value axis runs from the most negative tick on the left to 0 on the right; the axis title stays.
    expect(tickX('−350 000')).toBeLessThan(tickX('−50 000'));
    expect(tickX('−50 000')).toBeLessThan(tickX('0'));
    expect(svg).not.toMatch(/>50 000<\/text>/);
    expect(svg).toContain('>Nettokostnad (tkr)</text>');
    // The zero line is drawn dark, like the category axis, where the bars start.
    const zero = tickX('0');
    const darkLines = [...svg.matchAll(/stroke="#767676"[^>]* d="M([\d.]+) /g)].map((m) => Number(m[1]));
    expect(darkLines.some((x) => Math.abs(x - zero) < 1)).toBe(true);
    // The signed avvikelse labels stand just right of the zero line, favourable ones with "+".
    for (const label of ['Avvikelse −5 760', 'Avvikelse +9 024']) {
      const x = Number(new RegExp(`x="([\\d.]+),[^>]*>${label.replace('+', '\\+')}</text>`).exec(svg)?.[1]);
      expect(x, label).toBeGreaterThan(zero);
      expect(x - zero, label).toBeLessThan(10);
    }
    // Charts with no negative figure keep the plain grey gridline at 0.
    const grid = (d: Diagram) => JSON.stringify((chartConfig(d, style).options!.scales as Record<string, { grid: unknown }>).x!.grid, (_k, v: unknown) => (typeof v === 'function' ? 'fn' : v));
    expect(grid(sample)).toBe('{"color":"#D9D9D9"}');
    expect(grid(negative)).toBe('{"color":"fn"}');
  });

  it('the PNG is 2,5 times the CSS size: 1 600 pixels wide, over 200 dpi at 17 cm', () => {
    const png = drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'png');
    const view = new DataView(png.data.buffer, png.data.byteOffset);
    const [w, h] = [view.getUint32(16), view.getUint32(20)];
    const size = chartSize(sample);
    expect([w, h]).toEqual([size.width * PNG_SCALE, size.height * PNG_SCALE]);
    expect(w / (17 / 2.54)).toBeGreaterThan(200);
  });

  it('same data → same bytes, drawn once: the second request comes from the cache, also after the memory is cleared', () => {
    const changed = { ...sample, serier: [sample.serier[0]!, { ...sample.serier[1]!, värden: [312401, 64268] }] };
    const first = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(first.cached).toBe(false);
    const again = drawChart({ ...changed, id: 'annat-id' }, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(again.cached).toBe(true);
    chartCache.clearMemory();
    const fromDisk = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, 'svg');
    expect(fromDisk.cached).toBe(true);
    expect(Buffer.from(fromDisk.data).equals(Buffer.from(first.data))).toBe(true);
    // Drawn anew without any cache: the very same bytes, for SVG and PNG.
    for (const format of ['svg', 'png'] as const) {
      chartCache.useDir(undefined);
      const a = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, format);
      chartCache.useDir(undefined);
      const b = drawChart(changed, style as ChartStyle & { font: 'Source Sans 3' }, format);
      expect(a.cached || b.cached).toBe(false);
      expect(Buffer.from(a.data).equals(Buffer.from(b.data)), format).toBe(true);
    }
  });

  it('inline SVG: no prolog, a viewBox, role="img" with the alt text escaped, ids unique to the chart', () => {
    const raw = drawChart(sample, style as ChartStyle & { font: 'Source Sans 3' }, 'svg').data;
    const svg = inlineSvg(raw, 'diagram-prov', sample.alt);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/<svg[^>]* viewBox="0 0 640 \d+"[^>]* role="img" aria-label="Liggande stapeldiagram: &quot;prov&quot; &lt;test&gt;"/);
    const ids = [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id.startsWith('diagram-prov-')).toBe(true);
    for (const [, ref] of svg.matchAll(/url\(#([^)]+)\)/g)) expect(ids).toContain(ref);
    expect(svg).not.toMatch(/\b[xy]="[^"]*,/);
  });
});
