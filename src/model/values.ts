/**
 * Targets and measured values as authors type them ("45 %", ">25", "Öka",
 * "Nytt värde", "41 (jan–nov 2023)"), parsed once into typed values.
 */
import type { MeasuredValueInput, TargetInput } from '../content/schema.ts';
import type { MeasuredValue, Target } from './types.ts';
import { parseSwedishNumber, EN_DASH } from '../format/swedish.ts';

export const TARGET_FORMS =
  'Tillåtna målvärden: ett tal (2), en andel ("45 %"), en gräns (">25", "<176", "≥90 %"), "Öka", "Minska", "Bibehålla", "Minska/Bibehålla", "Samtliga", "Ja", "Nej", en tolerans ("+/- 0,5 %") eller värden per grupp ("{ grupper: { Hemtjänst: 60 %, LSS: 70 % } }").';

/** Decimals as typed: "9,0 %" → 1, "1,69" → 2, "45 %" → none (shown as the value has them). */
export function typedDecimals(text: string): { decimals?: number } {
  const m = /[.,](\d+)\s*%?\s*$/.exec(text.trim());
  return m ? { decimals: m[1]!.length } : {};
}

/** A number with an optional percent sign: "45 %", "89,88", "-2". Decimals typed are kept for display. */
export function parseQuantity(text: string): { value: number; unit?: '%'; decimals?: number } | undefined {
  const m = /^(.*?)\s*(%)?$/.exec(text.trim());
  if (!m) return undefined;
  const value = parseSwedishNumber(m[1] ?? '');
  if (value === undefined) return undefined;
  return { value, ...(m[2] ? { unit: '%' as const } : {}), ...typedDecimals(m[1] ?? '') };
}

const directions: Record<string, Extract<Target, { kind: 'riktning' }>['riktning']> = {
  öka: 'öka',
  minska: 'minska',
  bibehålla: 'bibehålla',
  'minska/bibehålla': 'minska/bibehålla',
};

/** Parses one target; returns a Swedish error text (with a hint after "|") when it cannot be read. */
export function parseTarget(input: TargetInput): Target | string {
  if (typeof input === 'number') return { kind: 'tal', value: input };
  if (typeof input === 'object') {
    const groups: { grupp: string; target: Target }[] = [];
    for (const [grupp, raw] of Object.entries(input.grupper)) {
      const target = parseTarget(raw);
      if (typeof target === 'string') return `Målvärdet för gruppen "${grupp}": ${target}`;
      groups.push({ grupp, target });
    }
    return { kind: 'grupper', groups };
  }
  const text = input.trim();
  const lower = text.toLowerCase().replace(/\s*\/\s*/g, '/');
  if (directions[lower]) return { kind: 'riktning', riktning: directions[lower] };
  if (lower === 'samtliga' || lower === 'alla') return { kind: 'samtliga' };
  if (lower === 'ja' || lower === 'ja/nej') return { kind: 'janej', value: true };
  if (lower === 'nej') return { kind: 'janej', value: false };

  const bound = /^(>=|<=|≥|≤|>|<)\s*(.+)$/.exec(text);
  if (bound) {
    const q = parseQuantity(bound[2]!);
    if (q) {
      const op = ({ '>=': '≥', '<=': '≤' } as Record<string, '≥' | '≤'>)[bound[1]!] ?? (bound[1] as '>' | '<' | '≥' | '≤');
      return { kind: 'gräns', op, ...q };
    }
  }
  const tolerance = /^(?:\+\/-|±|\+-)\s*(.+)$/.exec(text);
  if (tolerance) {
    const q = parseQuantity(tolerance[1]!);
    if (q) return { kind: 'tolerans', ...q };
  }
  const q = parseQuantity(text);
  if (q) return { kind: 'tal', ...q };
  return `"${text}" kan inte tolkas som ett målvärde.|${TARGET_FORMS}`;
}

/** "jan-nov 2023" → "jan–nov 2023": ranges get an en dash. */
export function normalizePeriod(period: string): string {
  return period.replace(/([\p{L}\p{N}])\s?-\s?([\p{L}\p{N}])/gu, `$1${EN_DASH}$2`).trim();
}

function parseScalar(value: number | string, unit?: string, period?: string): MeasuredValue {
  const p = period !== undefined ? normalizePeriod(period) : undefined;
  if (typeof value === 'number') return { kind: 'tal', value, unit, period: p };
  if (/^nytt( värde)?$/i.test(value.trim())) return { kind: 'nytt' };
  const q = parseQuantity(value);
  if (q) return { kind: 'tal', value: q.value, unit: q.unit ?? unit, period: p, ...(q.decimals !== undefined ? { decimals: q.decimals } : {}) };
  return { kind: 'text', text: value.trim(), period: p };
}

export function parseMeasured(input: MeasuredValueInput): MeasuredValue {
  if (typeof input === 'number' || typeof input === 'string') return parseScalar(input);
  if ('grupper' in input) {
    return { kind: 'grupper', groups: input.grupper.map((g) => ({ grupp: g.grupp, value: parseScalar(g.värde, g.enhet, g.period) })) };
  }
  return parseScalar(input.värde, input.enhet, input.period);
}
