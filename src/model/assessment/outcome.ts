/** Outcomes as typed ("64 %", 89,88, "Ja", { totalt, kvinnor, män }, { grupper }) parsed into values. */
import type { OutcomeInput } from '../../content/schema.ts';
import type { Outcome } from './types.ts';
import { parseQuantity } from '../values.ts';

function scalar(v: number | string): { value: number; unit?: '%'; decimals?: number } | undefined {
  return typeof v === 'number' ? { value: v } : parseQuantity(v);
}

export function parseOutcome(input: OutcomeInput): Outcome {
  if (typeof input === 'number' || typeof input === 'string') {
    const q = scalar(input);
    return q ? { kind: 'tal', ...q } : { kind: 'text', text: String(input).trim() };
  }
  if ('grupper' in input) {
    return { kind: 'grupper', groups: Object.entries(input.grupper).map(([grupp, v]) => ({ grupp, outcome: parseOutcome(v) })) };
  }
  const total = scalar(input.totalt);
  if (!total) return { kind: 'text', text: String(input.totalt) };
  const k = input.kvinnor !== undefined ? scalar(input.kvinnor)?.value : undefined;
  const m = input.män !== undefined ? scalar(input.män)?.value : undefined;
  return { kind: 'tal', ...total, ...(k !== undefined ? { kvinnor: k } : {}), ...(m !== undefined ? { män: m } : {}) };
}
