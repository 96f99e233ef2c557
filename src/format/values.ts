/**
 * Targets, measured values and outcomes as parsed from what the author typed
 * (src/model/values.ts), and their display text: the same words in every output.
 */
import { EN_DASH, formatMeasure, formatNumber, NBSP, type FormatOptions } from './swedish.ts';

/**
 * The author's words around a number, kept for display: "Betyg 3,4 av 6" is
 * 3,4 with `before` "Betyg" and scale 6; "800 kg/månad" is 800 with `after`
 * " kg/månad"; "+1,4 %*" is 1,4 with `plus` and `after` "*".
 */
export interface WrittenWords {
  before?: string;
  /** Text after the number and unit, with its leading space if it had one. */
  after?: string;
  /** Typed with a plus sign ("+1,4 %"). */
  plus?: true;
  /** "X av Y": the Y of the scale (the value judged is X). */
  scale?: { value: number; decimals?: number };
}

/** A value as measured: a number with unit, or text; possibly per sub-group. */
export type MeasuredValue =
  /** New indicator: "Nytt värde", or as written ("Ny indikator", "Ny VP indikator"). */
  | { kind: 'nytt'; text?: string }
  /** No baseline: "-" or "–", shown as "–". */
  | { kind: 'ingen' }
  | { kind: 'tal'; value: number; unit?: string; period?: string; decimals?: number; words?: WrittenWords }
  | { kind: 'intervall'; from: number; to: number; unit?: '%'; period?: string; decimals?: number; words?: WrittenWords }
  | { kind: 'text'; text: string; period?: string }
  | { kind: 'grupper'; groups: { grupp: string; value: MeasuredValue }[] };

/** A target, parsed from what the author typed. */
export type Target =
  | { kind: 'tal'; value: number; unit?: '%'; decimals?: number; words?: WrittenWords }
  | { kind: 'gräns'; op: '>' | '<' | '≥' | '≤'; value: number; unit?: '%'; decimals?: number; words?: WrittenWords }
  /** "10–15 %": met when the outcome lies inside. */
  | { kind: 'intervall'; from: number; to: number; unit?: '%'; decimals?: number; words?: WrittenWords }
  | { kind: 'riktning'; riktning: 'öka' | 'minska' | 'bibehålla' | 'öka/bibehålla' | 'minska/bibehålla' }
  | { kind: 'samtliga' }
  /** Ja or Nej; "Ja/Nej" (the answer form) is a Ja target written with its answer form (`svarsform`). */
  | { kind: 'janej'; value: boolean; svarsform?: true }
  | { kind: 'tolerans'; value: number; unit?: '%'; decimals?: number }
  /** Free text ("enligt plan"): shown as written, cannot be used for assessment (a note says so). */
  | { kind: 'text'; text: string }
  | { kind: 'grupper'; groups: { grupp: string; target: Target }[] };

/** An outcome as measured, parsed from what the author typed. */
export type Outcome =
  | { kind: 'tal'; value: number; unit?: '%'; kvinnor?: number; män?: number; decimals?: number }
  | { kind: 'text'; text: string }
  | { kind: 'grupper'; groups: { grupp: string; outcome: Outcome }[] };

/** A number as the author typed it: with the decimals typed ("9,0 %"), else as many as it has (up to two). */
function quantity(value: number, unit: string | undefined, format: FormatOptions, decimals?: number): string {
  const n = decimals !== undefined ? formatNumber(value, decimals, format) : formatMeasure(value, 2, format);
  return unit ? `${n}${NBSP}${unit}` : n;
}

/** A number with the author's words around it: "Betyg 3,4 av 6", "800 kg/månad", "+1,4 %*". */
function written(value: number, unit: string | undefined, format: FormatOptions, decimals?: number, words?: WrittenWords): string {
  if (!words) return quantity(value, unit, format, decimals);
  const scale = words.scale ? ` av ${quantity(words.scale.value, undefined, format, words.scale.decimals)}` : '';
  return `${words.before ? `${words.before} ` : ''}${words.plus ? '+' : ''}${quantity(value, unit, format, decimals)}${scale}${words.after ?? ''}`;
}

/** "10–15 %": both ends with the decimals typed. */
function range(from: number, to: number, unit: string | undefined, format: FormatOptions, decimals?: number, words?: WrittenWords): string {
  const end = (v: number) => (decimals !== undefined ? formatNumber(v, decimals, format) : formatMeasure(v, 2, format));
  const text = `${end(from)}${EN_DASH}${end(to)}${unit ? `${NBSP}${unit}` : ''}`;
  return `${words?.before ? `${words.before} ` : ''}${text}${words?.after ?? ''}`;
}

const directionWords: Record<Extract<Target, { kind: 'riktning' }>['riktning'], string> = {
  öka: 'Öka',
  minska: 'Minska',
  bibehålla: 'Bibehålla',
  'öka/bibehålla': 'Öka/Bibehålla',
  'minska/bibehålla': 'Minska/Bibehålla',
};

const boundWords: Record<Extract<Target, { kind: 'gräns' }>['op'], string> = { '>': '>', '<': '<', '≥': 'minst ', '≤': 'högst ' };

/** One line per group; a single line otherwise. */
export function formatTarget(target: Target, format: FormatOptions): string[] {
  switch (target.kind) {
    case 'tal':
      return [written(target.value, target.unit, format, target.decimals, target.words)];
    case 'gräns':
      // "≥"/"≤" are written out: the bundled font's Latin subset has no glyph for them.
      return [`${boundWords[target.op]}${written(target.value, target.unit, format, target.decimals, target.words)}`];
    case 'intervall':
      return [range(target.from, target.to, target.unit, format, target.decimals, target.words)];
    case 'text':
      return [target.text];
    case 'tolerans':
      return [`±${quantity(target.value, target.unit, format, target.decimals)}`];
    case 'riktning':
      return [directionWords[target.riktning]];
    case 'samtliga':
      return ['Samtliga'];
    case 'janej':
      return [target.svarsform ? 'Ja/Nej' : target.value ? 'Ja' : 'Nej'];
    case 'grupper':
      return target.groups.map((g) => `${g.grupp}: ${formatTarget(g.target, format).join(' ')}`);
  }
}

/** "41 (jan–nov 2023)", "60 % (2023)", "Nytt värde", "Ny indikator", "–"; groups one per line. */
export function formatMeasured(value: MeasuredValue, format: FormatOptions): string[] {
  switch (value.kind) {
    case 'nytt':
      return [value.text ?? 'Nytt värde'];
    case 'ingen':
      return [EN_DASH];
    case 'tal':
      return [`${written(value.value, value.unit, format, value.decimals, value.words)}${value.period ? ` (${value.period})` : ''}`];
    case 'intervall':
      return [`${range(value.from, value.to, value.unit, format, value.decimals, value.words)}${value.period ? ` (${value.period})` : ''}`];
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
