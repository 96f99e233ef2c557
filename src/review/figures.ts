/**
 * The number behind a goal's target, outcome or baseline, as the model holds
 * it, with the decimals and unit it is printed with: what the ändringsrapport
 * subtracts to say how much a figure changed. Only a plain figure has one; a
 * range, a bound ("minst 90 %"), a direction or a text has none.
 */
import type { MeasuredValue, Target } from '../model/types.ts';
import type { Outcome } from '../model/assessment/types.ts';
import { measureDecimals } from '../format/swedish.ts';

export interface Figure {
  value: number;
  /** The decimals shown: those typed, else as many as the value has (up to two). */
  decimals: number;
  /** "%", "tkr", "kg/månad"; two figures are compared only in one unit. */
  unit?: string;
}

function figure(value: number, decimals: number | undefined, unit: string | undefined): Figure {
  return { value, decimals: decimals ?? measureDecimals(value), ...(unit ? { unit } : {}) };
}

export function targetFigure(target: Target): Figure | undefined {
  return target.kind === 'tal' ? figure(target.value, target.decimals, target.unit) : undefined;
}

export function measuredFigure(value: MeasuredValue): Figure | undefined {
  return value.kind === 'tal' ? figure(value.value, value.decimals, value.unit) : undefined;
}

export function outcomeFigure(outcome: Outcome): Figure | undefined {
  return outcome.kind === 'tal' ? figure(outcome.value, outcome.decimals, outcome.unit) : undefined;
}
