/**
 * Targets and measured values as authors type them ("45 %", ">25", "Öka",
 * "Nytt värde", "12 utvecklingsprojekt", "Betyg 3,4 av 6", "10–15 %",
 * "35 % (2020)"), parsed once into typed values. Words around a number are
 * kept for display; the number is what is judged.
 */
import type { MeasuredValueInput, TargetInput } from '../content/schema.ts';
import type { MeasuredValue, Target, WrittenWords } from './types.ts';
import { parseSwedishNumber, EN_DASH } from '../format/swedish.ts';
import { nearest } from '../content/schema-helpers.ts';

/** The target words, as they are shown (matched case-insensitively, spaces around "/" ignored). */
export const TARGET_WORDS = ['Öka', 'Minska', 'Bibehålla', 'Öka/Bibehålla', 'Minska/Bibehålla', 'Samtliga', 'Ja', 'Nej', 'Ja/Nej'] as const;

export const TARGET_FORMS =
  'Tillåtna målvärden: ett tal (2), en andel ("45 %"), ett tal med ord ("12 utvecklingsprojekt", "Betyg 3,4 av 6", "800 kg/månad"), en gräns (">25", "<8 anmälda våldsbrott", "≥90 %"), ett intervall ("10–15 %"), "Öka", "Minska", "Bibehålla", "Öka/Bibehålla", "Minska/Bibehålla", "Samtliga", "Ja", "Nej", "Ja/Nej", en tolerans ("+/- 0,5 %") eller värden per grupp ("{ grupper: { Hemtjänst: 60 %, LSS: 70 % } }").';

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

/** Spaces as one plain space (NBSP and thin spaces included), trimmed. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();

/** A number as typed: "12", "3,4", "8 000", "+1,4", "-2". */
const NUMBER = String.raw`[+\-−]?(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d+)?`;
const UNSIGNED = String.raw`(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d+)?`;
/** Words before a number: letters only ("Betyg", "Medel"). */
const BEFORE = String.raw`(?:(\p{L}[\p{L} ]*?) )?`;

type Quantity = { value: number; unit?: '%'; decimals?: number; words?: WrittenWords };

function number(typed: string): { value: number; decimals?: number } | undefined {
  const value = parseSwedishNumber(typed.replace(/^\+/, ''));
  return value === undefined ? undefined : { value, ...typedDecimals(typed) };
}

function words(w: WrittenWords): { words?: WrittenWords } {
  const kept = Object.fromEntries(Object.entries(w).filter(([, v]) => v !== undefined && v !== '')) as WrittenWords;
  return Object.keys(kept).length ? { words: kept } : {};
}

/**
 * A number with the author's words around it: "12 utvecklingsprojekt", "Betyg 3,4 av 6",
 * "25 % av kommuninvånare", "+1,4 %*", "3,0 % Långtidssjukfrånvaro". Undefined without a leading number.
 */
export function parseWrittenQuantity(typed: string): Quantity | undefined {
  const text = squash(typed);
  const m = new RegExp(String.raw`^${BEFORE}(${NUMBER})(?: ?(%))?(.*)$`, 'u').exec(text);
  if (!m) return undefined;
  const [, before, num, percent, rest = ''] = m;
  // What follows the number must be words ("st", "av 6", "*"), not more figures ("2024-01-01", "3/5").
  if (rest !== '' && !/^(\*+)?( \S.*)?$/u.test(rest)) return undefined;
  const n = number(num!);
  if (!n) return undefined;
  let after = rest;
  let scale: WrittenWords['scale'];
  const av = new RegExp(String.raw`^ av (${UNSIGNED})(?=$| |\*)(.*)$`, 'u').exec(rest);
  if (av) {
    scale = number(av[1]!);
    after = av[2] ?? '';
  }
  return {
    value: n.value,
    ...(percent ? { unit: '%' as const } : {}),
    ...(n.decimals !== undefined ? { decimals: n.decimals } : {}),
    ...words({ before, after, scale, ...(/^\+/.test(num!) ? { plus: true as const } : {}) }),
  };
}

/** "10–15 %", "10-15%", "10 %–15 %": a range of two numbers, the words after it kept. */
export function parseRange(typed: string): { from: number; to: number; unit?: '%'; decimals?: number; words?: WrittenWords } | undefined {
  const text = squash(typed);
  const m = new RegExp(String.raw`^${BEFORE}(${UNSIGNED})(?: ?(%))? ?[-–] ?(${UNSIGNED})(?: ?(%))?((?: \S.*)?)$`, 'u').exec(text);
  if (!m) return undefined;
  const [, before, a, p1, b, p2, after] = m;
  const from = number(a!);
  const to = number(b!);
  if (!from || !to || (p1 && !p2)) return undefined;
  const decimals = Math.max(from.decimals ?? -1, to.decimals ?? -1);
  return {
    from: Math.min(from.value, to.value),
    to: Math.max(from.value, to.value),
    ...(p2 ? { unit: '%' as const } : {}),
    ...(decimals >= 0 ? { decimals } : {}),
    ...words({ before, after }),
  };
}

/** "3/5": a fraction, kept as text (write "3 av 5" to judge it as 3). */
const isFraction = (text: string) => new RegExp(String.raw`^${UNSIGNED} ?/ ?${UNSIGNED}$`, 'u').test(squash(text));

const wordTargets: Record<string, Target> = {
  öka: { kind: 'riktning', riktning: 'öka' },
  minska: { kind: 'riktning', riktning: 'minska' },
  bibehålla: { kind: 'riktning', riktning: 'bibehålla' },
  'öka/bibehålla': { kind: 'riktning', riktning: 'öka/bibehålla' },
  'minska/bibehålla': { kind: 'riktning', riktning: 'minska/bibehålla' },
  samtliga: { kind: 'samtliga' },
  alla: { kind: 'samtliga' },
  ja: { kind: 'janej', value: true },
  nej: { kind: 'janej', value: false },
  'ja/nej': { kind: 'janej', value: true, svarsform: true },
};

/**
 * Parses one target. Returns a Swedish error text (with a hint after "|") for a
 * misspelt target word; other text stays a text target (the caller notes that
 * it cannot be used for assessment).
 */
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
  const text = squash(input);
  const lower = text.toLowerCase().replace(/ ?\/ ?/g, '/');
  const word = wordTargets[lower];
  if (word) return { ...word };

  const bound = /^(>=|<=|≥|≤|>|<) ?(.+)$/.exec(text);
  if (bound) {
    const q = parseWrittenQuantity(bound[2]!);
    if (q && !q.words?.before) {
      const op = ({ '>=': '≥', '<=': '≤' } as Record<string, '≥' | '≤'>)[bound[1]!] ?? (bound[1] as '>' | '<' | '≥' | '≤');
      return { kind: 'gräns', op, ...q };
    }
  }
  const tolerance = /^(?:\+\/-|±|\+-) ?(.+)$/.exec(text);
  if (tolerance) {
    const q = parseQuantity(tolerance[1]!);
    if (q) return { kind: 'tolerans', ...q };
  }
  const range = parseRange(text);
  if (range) return { kind: 'intervall', ...range };
  const q = parseWrittenQuantity(text);
  // "Öka med 5 %" is a change, not a level: it stays text rather than being judged as 5 %.
  if (q && !/^(öka|minska|bibehåll)/i.test(q.words?.before ?? '')) return { kind: 'tal', ...q };

  // A word close to a target word is a misspelling; anything else is free text.
  if (!/\d/.test(text)) {
    const suggestion = nearest(lower, TARGET_WORDS);
    if (suggestion) return `"${text}" är inget tillåtet målvärde. Menade du "${suggestion}"?|${TARGET_FORMS}`;
  }
  return { kind: 'text', text };
}

/** Why a target cannot be used for assessment, when it cannot; for a note to the author. */
export function targetNote(target: Target): string | undefined {
  if (target.kind === 'grupper') return target.groups.map((g) => targetNote(g.target)).find(Boolean);
  if (target.kind !== 'text') return undefined;
  const hint = isFraction(target.text)
    ? `Skriv bråket som "${target.text.replace(/ ?\/ ?/, ' av ')}" om det ska bedömas som ett tal.`
    : `Skriv ett tal (t.ex. "12 utvecklingsprojekt"), en gräns, ett intervall eller ett av orden Öka, Minska, Bibehålla, Öka/Bibehålla, Minska/Bibehålla, Samtliga, Ja, Nej, Ja/Nej om målvärdet ska bedömas.`;
  return `Målvärdet "${target.text}" är inget tal och kan inte användas för bedömning; det visas som det är skrivet.|${hint}`;
}

/** "jan-nov 2023" → "jan–nov 2023": ranges get an en dash. */
export function normalizePeriod(period: string): string {
  return period.replace(/([\p{L}\p{N}])\s?-\s?([\p{L}\p{N}])/gu, `$1${EN_DASH}$2`).trim();
}

/** "Ny indikator", "Ny VP indikator", "Nytt värde", "Nytt": a new indicator without a baseline. */
const NEW = /^ny(tt)?( vp)? (indikator|värde|mått)$|^nytt$/i;

/** "-" or "–": the author says on purpose that there is no value (no baseline, no target that year). */
export function isNoValue(raw: unknown): boolean {
  return typeof raw === 'string' && (squash(raw) === '-' || squash(raw) === EN_DASH);
}

function parseScalar(value: number | string, unit?: string, period?: string): MeasuredValue {
  let p = period !== undefined ? normalizePeriod(period) : undefined;
  if (typeof value === 'number') return { kind: 'tal', value, unit, period: p };
  let text = squash(value);
  if (isNoValue(text)) return { kind: 'ingen' };
  if (NEW.test(text)) return /^nytt( värde)?$/i.test(text) ? { kind: 'nytt' } : { kind: 'nytt', text };
  // "35 % (2020)": a year in parentheses at the end is the period.
  const inParens = /^(.*\S) ?\(([^()]*\b(?:19|20)\d{2}\b[^()]*)\)$/u.exec(text);
  if (inParens && p === undefined && (parseWrittenQuantity(inParens[1]!) || parseRange(inParens[1]!))) {
    text = inParens[1]!;
    p = normalizePeriod(inParens[2]!);
  }
  const range = parseRange(text);
  if (range) return { kind: 'intervall', ...range, ...(p !== undefined ? { period: p } : {}) };
  const q = parseWrittenQuantity(text);
  if (q) {
    const { unit: typedUnit, ...rest } = q;
    return { kind: 'tal', ...rest, unit: typedUnit ?? unit, period: p };
  }
  return { kind: 'text', text: value.trim(), period: p };
}

export function parseMeasured(input: MeasuredValueInput): MeasuredValue {
  if (typeof input === 'number' || typeof input === 'string') return parseScalar(input);
  if ('grupper' in input) {
    return { kind: 'grupper', groups: input.grupper.map((g) => ({ grupp: g.grupp, value: parseScalar(g.värde, g.enhet, g.period) })) };
  }
  return parseScalar(input.värde, input.enhet, input.period);
}

/** Why a baseline cannot be compared with outcomes; undefined when it is a number. */
export function baselineReason(value: MeasuredValue | undefined): string | undefined {
  if (!value) return 'Ingångsvärde saknas';
  switch (value.kind) {
    case 'tal':
      return undefined;
    case 'ingen':
      return 'Ingångsvärde saknas ("–")';
    case 'nytt':
      return `Ingångsvärdet är "${value.text ?? 'Nytt värde'}" och har inget tal att jämföra med`;
    case 'intervall':
      return 'Ingångsvärdet är ett intervall, inte ett tal';
    case 'text':
      return `Ingångsvärdet "${value.text}" är inget tal`;
    case 'grupper':
      return 'Ingångsvärdet anges per grupp';
  }
}

/** A note for a baseline that stays free text: it is shown but cannot be used for assessment. */
export function baselineNote(value: MeasuredValue): string | undefined {
  if (value.kind === 'grupper') return value.groups.map((g) => baselineNote(g.value)).find(Boolean);
  if (value.kind !== 'text') return undefined;
  const hint = isFraction(value.text)
    ? `Skriv bråket som "${value.text.replace(/ ?\/ ?/, ' av ')}" om det ska jämföras med utfallen som ett tal.`
    : 'Skriv ett tal (t.ex. "41", "64 %", "9 anmälda våldsbrott", "35 % (2020)"), "Nytt värde" eller "–" om ingångsvärdet ska användas för bedömning.';
  return `Ingångsvärdet "${value.text}" är inget tal och kan inte användas för bedömning; det visas som det är skrivet.|${hint}`;
}
