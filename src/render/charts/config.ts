/**
 * The Chart.js configuration of a chart: a pure function of the chart's data
 * (src/model/charts.ts) and the document's look. Colours come from the
 * profile and a colour-blind-safe palette whose every colour has at least
 * 3:1 contrast against white (WCAG 2.1, 1.4.11); numbers on axes and labels
 * are Swedish (src/format/swedish.ts); the font is the document's own.
 */
import type { ChartConfiguration, ChartDataset, Plugin } from 'chart.js';
import type { Diagram, DiagramRole, DiagramSeries, DiagramUnit } from '../../model/types.ts';
import { formatNumber, NBSP, type FormatOptions } from '../../format/swedish.ts';

export interface ChartStyle {
  /** The profile's primary colour: the figure in focus. */
  primär: string;
  /** Text colour of labels and axes. */
  text: string;
  /** The document's font family, registered with the canvas under this name. */
  font: string;
  format: FormatOptions;
}

/** Colours per role besides the profile's primary colour; each has ≥ 3:1 contrast against white (tested). */
export const palette = {
  jämförelse: '#8A8A8A',
  mål: '#D55E00',
  kvinnor: '#0072B2',
  män: '#D55E00',
  totalt: '#5F6B73',
  uppfyllt: '#2E9E4A',
  delvis: '#A36A00',
  'ej-uppfyllt': '#D7263D',
  'ej-utvärderad': '#8A8A8A',
} as const satisfies Record<Exclude<DiagramRole, 'huvud'>, string>;

export function roleColour(role: DiagramRole, style: ChartStyle): string {
  return role === 'huvud' ? style.primär : palette[role];
}

/** Width of every chart in CSS pixels: the text width of an A4 page (17 cm). */
export const CHART_WIDTH = 640;

/** The drawn size: stående charts a fixed height; liggande charts grow with their categories. */
export function chartSize(d: Diagram): { width: number; height: number } {
  if (d.riktning === 'stående') return { width: CHART_WIDTH, height: 300 };
  const bars = d.staplad ? 1 : Math.max(1, d.serier.filter((s) => s.form === 'stapel').length);
  const lines = Math.max(1, ...d.kategorier.map((k) => wrapLabel(k).length));
  const perCategory = Math.max(12 + 13 * bars, 10 + 14 * lines);
  return { width: CHART_WIDTH, height: Math.max(180, 84 + d.kategorier.length * perCategory) };
}

/** Long category names on several lines (Chart.js draws an array label as lines). */
export function wrapLabel(label: string, max = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A number on an axis or label, without the unit (the axis title names it). */
export function axisNumber(value: number, unit: DiagramUnit, format: FormatOptions): string {
  switch (unit.kind) {
    case 'belopp':
      return formatNumber(value, unit.enhet === 'mnkr' ? 1 : 0, format);
    case 'procent':
      return `${formatNumber(value, unit.kind === 'procent' && Number.isInteger(value) ? 0 : unit.decimaler, format)}${NBSP}%`;
    case 'tal':
      return formatNumber(value, Number.isInteger(value) ? 0 : unit.decimaler, format);
  }
}

/** The text of a label series by its bars: "Avvikelse +9 024", "Kvar 2 506". */
export function labelText(series: DiagramSeries, value: number, unit: DiagramUnit, format: FormatOptions): string {
  const word = series.namn.split(' ')[0]!;
  const sign = series.medTecken && value > 0 ? '+' : '';
  return `${word} ${sign}${axisNumber(value, unit, format)}`;
}

/**
 * Writes the label series (avvikelse, kvar) after the bars of each category: right of the bars' right end, which for
 * bars growing leftward from 0 (net cost printed negative) is the zero line, so the labels stand in a column there.
 */
function labelPlugin(labels: (string | undefined)[], horizontal: boolean, style: ChartStyle): Plugin<'bar'> {
  return {
    id: 'kommunrapportEtiketter',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = style.text;
      ctx.font = `11px "${style.font}"`;
      ctx.textBaseline = 'middle';
      labels.forEach((text, i) => {
        if (!text) return;
        const bars = chart.data.datasets
          .map((_, di) => chart.getDatasetMeta(di))
          .filter((m) => m.type === 'bar' && m.visible)
          .map((m) => m.data[i] as unknown as { x: number; y: number; base: number });
        if (bars.length === 0) return;
        if (horizontal) {
          const end = Math.max(...bars.map((b) => Math.max(b.x, b.base)));
          const middle = bars.reduce((n, b) => n + b.y, 0) / bars.length;
          ctx.textAlign = 'left';
          ctx.fillText(text, end + 6, middle);
        } else {
          const top = Math.min(...bars.map((b) => Math.min(b.y, b.base)));
          const middle = bars.reduce((n, b) => n + b.x, 0) / bars.length;
          ctx.textAlign = 'center';
          ctx.fillText(text, middle, top - 9);
        }
      });
      ctx.restore();
    },
  };
}

/** The Chart.js configuration of a chart. Pure: the same chart and style give the same configuration. */
export function chartConfig(d: Diagram, style: ChartStyle): ChartConfiguration<'bar' | 'line'> {
  const horizontal = d.riktning === 'liggande';
  const { format } = style;
  const drawn = d.serier.filter((s) => s.form !== 'etikett');
  const labelSeries = d.serier.filter((s) => s.form === 'etikett');
  const labels = d.kategorier.map((_, i) =>
    labelSeries.length
      ? labelSeries
          .flatMap((s) => (s.värden[i] === null || s.värden[i] === undefined ? [] : [labelText(s, s.värden[i]!, d.enhet, format)]))
          .join('   ') || undefined
      : undefined,
  );
  const longestLabel = Math.max(0, ...labels.map((l) => l?.length ?? 0));
  const font = (size: number, weight: 'normal' | 'bold' = 'normal') => ({ family: style.font, size, weight });

  const datasets: ChartDataset<'bar' | 'line'>[] = drawn.map((s, i) => {
    const colour = roleColour(s.roll, style);
    if (s.form === 'linje') {
      return {
        type: 'line' as const,
        label: s.namn,
        data: s.värden,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        borderDash: [6, 4],
        pointStyle: 'rectRot',
        pointRadius: 5,
        pointBorderColor: '#FFFFFF',
        pointBorderWidth: 1,
        spanGaps: true,
        // A segment option (even empty) makes Chart.js draw the line on the context itself, not through a global
        // Path2D: pdfjs-dist installs one from another copy of @napi-rs/canvas, and mixing the two crashes the process.
        // It also keeps the drawing the same whatever globals the process has.
        segment: {},
        order: 0,
      };
    }
    return {
      type: 'bar' as const,
      label: s.namn,
      data: s.värden,
      backgroundColor: colour,
      pointStyle: 'rect',
      // White gaps between stacked segments, so neighbouring colours are told apart by more than hue.
      borderColor: '#FFFFFF',
      borderWidth: d.staplad ? { right: horizontal ? 1.5 : 0, top: horizontal ? 0 : 1.5 } : 0,
      borderSkipped: false,
      barPercentage: 0.9,
      categoryPercentage: drawn.filter((x) => x.form === 'stapel').length > 1 && !d.staplad ? 0.8 : 0.6,
      ...(d.staplad ? { stack: 'antal' } : {}),
      order: i + 1,
    };
  });

  // Figures are drawn with the sign they have in the källa table: a table that prints net cost negative gives bars
  // that grow leftward (downward) from 0. Then the zero line is drawn as dark as the category axis, so the bars'
  // common base is clear also where it is not the edge beside the category names.
  const negative = drawn.some((s) => s.värden.some((v) => v !== null && v < 0));
  const valueAxis = {
    beginAtZero: true,
    stacked: d.staplad,
    grid: negative ? { color: (c: { tick?: { value: number } }) => (c.tick?.value === 0 ? '#767676' : '#D9D9D9') } : { color: '#D9D9D9' },
    border: { display: false },
    ticks: {
      color: style.text,
      font: font(11),
      ...(d.enhet.kind === 'tal' && d.enhet.decimaler === 0 ? { precision: 0 } : {}),
      callback: (value: string | number) => axisNumber(Number(value), d.enhet, format),
    },
    title: { display: true, text: d.axel, color: style.text, font: font(11) },
  };
  const categoryAxis = {
    stacked: d.staplad,
    grid: { display: false },
    border: { color: '#767676' },
    ticks: { color: style.text, font: font(12), autoSkip: false, maxRotation: 0 },
  };

  return {
    type: 'bar',
    data: { labels: d.kategorier.map((k) => (horizontal ? wrapLabel(k) : wrapLabel(k, 18))), datasets: datasets as ChartDataset<'bar'>[] },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: false,
      animation: false,
      events: [],
      layout: { padding: { top: labels.some(Boolean) && !horizontal ? 14 : 2, right: horizontal ? (longestLabel ? Math.ceil(longestLabel * 6) + 10 : 24) : 10, bottom: 2, left: 2 } },
      plugins: {
        legend: {
          display: drawn.length > 1,
          position: 'top',
          align: 'start',
          // Point styles in the legend: squares for bars, the diamond of a target line; in the order of the series.
          labels: { color: style.text, font: font(12), usePointStyle: true, pointStyleWidth: 14, sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0) },
        },
        title: { display: false },
        tooltip: { enabled: false },
      },
      scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
    },
    plugins: labels.some(Boolean) ? [labelPlugin(labels, horizontal, style) as Plugin<'bar' | 'line'>] : [],
  };
}
