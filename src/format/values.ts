/** Display text of targets and measured values: the same words in every output. */
import type { MeasuredValue, Target } from '../model/types.ts';
import type { Outcome } from '../model/assessment/types.ts';
import { formatMeasure, formatNumber, NBSP, type FormatOptions } from './swedish.ts';

/** A number as the author typed it: with the decimals typed ("9,0 %"), else as many as it has (up to two). */
function quantity(value: number, unit: string | undefined, format: FormatOptions, decimals?: number): string {
  const n = decimals !== undefined ? formatNumber(value, decimals, format) : formatMeasure(value, 2, format);
  return unit ? `${n}${NBSP}${unit}` : n;
}

const boundWords: Record<Extract<Target, { kind: 'gräns' }>['op'], string> = { '>': '>', '<': '<', '≥': 'minst ', '≤': 'högst ' };

/** One line per group; a single line otherwise. */
export function formatTarget(target: Target, format: FormatOptions): string[] {
  switch (target.kind) {
    case 'tal':
      return [quantity(target.value, target.unit, format, target.decimals)];
    case 'gräns':
      // "≥"/"≤" are written out: the bundled font's Latin subset has no glyph for them.
      return [`${boundWords[target.op]}${quantity(target.value, target.unit, format, target.decimals)}`];
    case 'tolerans':
      return [`±${quantity(target.value, target.unit, format, target.decimals)}`];
    case 'riktning':
      return [target.riktning.charAt(0).toUpperCase() + target.riktning.slice(1)];
    case 'samtliga':
      return ['Samtliga'];
    case 'janej':
      return [target.value ? 'Ja' : 'Nej'];
    case 'grupper':
      return target.groups.map((g) => `${g.grupp}: ${formatTarget(g.target, format).join(' ')}`);
  }
}

/** "41 (jan–nov 2023)", "60 % (2023)", "Nytt värde"; groups one per line. */
export function formatMeasured(value: MeasuredValue, format: FormatOptions): string[] {
  switch (value.kind) {
    case 'nytt':
      return ['Nytt värde'];
    case 'tal':
      return [`${quantity(value.value, value.unit, format, value.decimals)}${value.period ? ` (${value.period})` : ''}`];
    case 'text':
      return [`${value.text}${value.period ? ` (${value.period})` : ''}`];
    case 'grupper':
      return value.groups.map((g) => `${g.grupp}: ${formatMeasured(g.value, format).join(' ')}`);
  }
}

/** "47 %", "Ja"; split outcomes as "Totalt 50 (K 52, M 48)"; groups one per line. */
export function formatOutcome(o: Outcome, format: FormatOptions): string[] {
  switch (o.kind) {
    case 'text':
      return [o.text];
    case 'grupper':
      return o.groups.map((g) => `${g.grupp}: ${formatOutcome(g.outcome, format).join(' ')}`);
    case 'tal': {
      const main = quantity(o.value, o.unit, format, o.decimals);
      const parts = [o.kvinnor !== undefined ? `K ${quantity(o.kvinnor, o.unit, format)}` : '', o.män !== undefined ? `M ${quantity(o.män, o.unit, format)}` : ''].filter(Boolean);
      return parts.length ? [main, `(${parts.join(', ')})`] : [main];
    }
  }
}
