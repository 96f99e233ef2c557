/**
 * The symbols readers know, drawn as SVG: assessment status, uppdrag status
 * and trend arrows. Shapes differ, not only colours, and every shape has a
 * dark outline with at least 3:1 contrast against white. The HTML and PDF
 * inline the SVG; the DOCX gets a PNG made from the same SVG.
 */
import type { Status, Trend, UppdragStatus } from '../model/assessment/types.ts';
import { trendWords, uppdragWords } from '../model/assessment/types.ts';
import { defaultVocabulary, type Vocabulary } from '../model/vocabulary.ts';

export type SymbolSet = 'cirklar' | 'oxelösund';
export type { UppdragStatus };

export type SymbolRef =
  | { kind: 'status'; status: Status }
  | { kind: 'trend'; trend: Trend }
  | { kind: 'uppdrag'; status: UppdragStatus };

/** The word a symbol stands for, in the municipality's words: printed next to it and used as its alternative text. */
export function symbolWord(ref: SymbolRef, ord: Vocabulary = defaultVocabulary): string {
  switch (ref.kind) {
    case 'status':
      return ord.status[ref.status];
    case 'trend':
      return trendWords[ref.trend];
    case 'uppdrag':
      return uppdragWords[ref.status];
  }
}

// Fill and outline per colour; outlines have ≥ 3:1 contrast against white.
const GREEN = { fill: '#2E9E4A', line: '#1B6B30' };
const YELLOW = { fill: '#F5C400', line: '#7A5C00' };
const RED = { fill: '#D7263D', line: '#9E1B2C' };
const ORANGE = { fill: '#F28C28', line: '#8F4A05' };
const GREY = { line: '#5F6B73' };

const circle = (c: { fill?: string; line: string }, fill = true) =>
  `<circle cx="8" cy="8" r="6.6" fill="${fill && c.fill ? c.fill : '#FFFFFF'}" stroke="${c.line}" stroke-width="1.6"/>`;

function statusShapes(status: Status, set: SymbolSet): string {
  if (set === 'oxelösund') {
    switch (status) {
      case 'uppfyllt':
        return circle(GREEN);
      case 'ej-uppfyllt':
        return `<rect x="1.8" y="1.8" width="12.4" height="12.4" fill="${RED.fill}" stroke="${RED.line}" stroke-width="1.6"/>`;
      case 'delvis':
        return `<path d="M8 1.4 L14.6 14.2 L1.4 14.2 Z" fill="${YELLOW.fill}" stroke="${YELLOW.line}" stroke-width="1.6" stroke-linejoin="round"/>`;
      case 'ej-utvärderad':
        return `<rect x="1.8" y="1.8" width="12.4" height="12.4" fill="#FFFFFF" stroke="${GREY.line}" stroke-width="1.6"/>`;
    }
  }
  switch (status) {
    case 'uppfyllt':
      return circle(GREEN);
    case 'delvis':
      // left half filled
      return `${circle(YELLOW, false)}<path d="M8 1.4 A6.6 6.6 0 0 0 8 14.6 Z" fill="${YELLOW.fill}"/><circle cx="8" cy="8" r="6.6" fill="none" stroke="${YELLOW.line}" stroke-width="1.6"/>`;
    case 'ej-uppfyllt':
      // filled at the bottom: the segment below a chord under the centre
      return `${circle(RED, false)}<path d="M1.55 9.4 A6.6 6.6 0 0 0 14.45 9.4 Z" fill="${RED.fill}"/><circle cx="8" cy="8" r="6.6" fill="none" stroke="${RED.line}" stroke-width="1.6"/>`;
    case 'ej-utvärderad':
      return circle(GREY, false);
  }
}

function trendShapes(trend: Trend): string {
  const arrow = (rotate: number) =>
    `<g transform="rotate(${rotate} 8 8)"><path d="M8 2.2 L13 7.4 L9.6 7.4 L9.6 13.8 L6.4 13.8 L6.4 7.4 L3 7.4 Z" fill="#33414A"/></g>`;
  switch (trend) {
    case 'bättre':
      return arrow(0);
    case 'oförändrad':
      return arrow(90);
    case 'sämre':
      return arrow(180);
    case 'ej-jämförbar':
      return `<rect x="3" y="7" width="10" height="2.2" fill="#33414A"/>`;
  }
}

function uppdragShapes(status: UppdragStatus): string {
  switch (status) {
    case 'ej-startad':
      return circle(ORANGE);
    case 'påbörjad':
      return `${circle(YELLOW)}<path d="M4.6 8 H10.4 M8.4 5.6 L11 8 L8.4 10.4" fill="none" stroke="#33414A" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'klar':
      return `${circle(GREEN)}<path d="M4.8 8.3 L7.1 10.5 L11.3 5.7" fill="none" stroke="#FFFFFF" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>`;
    case 'stoppad':
      return `${circle(RED)}<rect x="5.4" y="5.4" width="5.2" height="5.2" fill="#FFFFFF"/>`;
  }
}

/**
 * The symbol as a standalone SVG, `size` CSS pixels square. With `label`, the
 * SVG is an image with that accessible name; without, it is decorative.
 */
export function symbolSvg(ref: SymbolRef, set: SymbolSet, size = 12, label?: string): string {
  const shapes = ref.kind === 'status' ? statusShapes(ref.status, set) : ref.kind === 'trend' ? trendShapes(ref.trend) : uppdragShapes(ref.status);
  const a11y = label ? ` role="img" aria-label="${label.replace(/"/g, '&quot;')}"` : ' aria-hidden="true" focusable="false"';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="${size}" height="${size}"${a11y}>${shapes}</svg>`;
}

/** Every symbol of a kind, in legend order. */
export const legendOrder: Record<SymbolRef['kind'], SymbolRef[]> = {
  status: (['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad'] as const).map((status) => ({ kind: 'status', status })),
  trend: (['bättre', 'oförändrad', 'sämre', 'ej-jämförbar'] as const).map((trend) => ({ kind: 'trend', trend })),
  uppdrag: (['ej-startad', 'påbörjad', 'klar', 'stoppad'] as const).map((status) => ({ kind: 'uppdrag', status })),
};
