import { numberProblem } from './yaml-limits.ts';
import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';
import { parseSwedishNumber, isIsoDate } from '../format/swedish.ts';

/** A YAML mapping (not a list, not null). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Suggests the nearest valid key for a misspelt one, or nothing when none is close. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word.toLowerCase(), candidates.map((c) => c.toLowerCase()));
  const index = candidates.findIndex((c) => c.toLowerCase() === best);
  const limit = Math.max(2, Math.ceil(word.length / 3));
  return distance(word.toLowerCase(), best) <= limit ? candidates[index] : undefined;
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = nearest(key, known);
  const list = known.map((k) => `"${k}"`).join(', ');
  return suggestion
    ? `Okänd nyckel "${key}". Menade du "${suggestion}"?|Giltiga nycklar här: ${list}.`
    : `Okänd nyckel "${key}".|Giltiga nycklar här: ${list}.`;
}

/** A strict object: unknown keys are refused with the nearest valid key suggested. */
export function strict<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((k) => unknownKeyMessage(k, known)).join('\n');
      }
      return undefined;
    },
  });
}

/** Text, trimmed, not empty. */
export const text = z.string().trim().min(1);

/** "1.234" or "-12.500.000": digits grouped by thousands with dots (not how Swedish writes numbers). */
export const thousandsDot = /^[-\u2212\u2013]?\d{1,3}(\.\d{3})+$/;

/** The message for a number written with dots between the thousands: `quoted` when it was text, `read` the number YAML made of it. */
export function thousandsDotMessage(written: string, quoted: boolean, read?: number): string {
  const spaced = written.replace(/\./g, ' ');
  const plain = written.replace(/\./g, '');
  const decimal = written.replace('.', ',');
  return quoted && written.split('.').length === 2
    ? `"${written}" kan läsas både som ${spaced} och som ${decimal}.|Skriv ${plain} eller "${spaced}" för ${spaced}, eller "${decimal}" om det är ett decimaltal.`
    : `${written} ser ut som ${spaced} skrivet med tusentalspunkt${read === undefined ? '' : `, men läses som ${String(read).replace('.', ',')}`}.|Skriv ${plain} eller "${spaced}" (mellanslag mellan tusentalen); decimaler skrivs med komma inom citattecken, t.ex. "8,5".`;
}

/** A number as typed: 1020, -1020, "-1 020", "89,88". Text with dots between thousands ("1.234") is refused as ambiguous. */
export const number = z.preprocess((v, ctx) => {
  if (typeof v !== 'string') return v;
  if (thousandsDot.test(v.trim())) {
    ctx.addIssue({ code: 'custom', message: thousandsDotMessage(v.trim(), true), params: { code: 'tusentalspunkt' }, input: v });
    return z.NEVER;
  }
  const parsed = parseSwedishNumber(v);
  const problem = parsed === undefined ? undefined : numberProblem(v, parsed);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `${problem.message}|${problem.hint}`, params: { code: 'för-stort-tal' }, input: v });
    return z.NEVER;
  }
  return parsed ?? v;
}, z.number());

/** An amount cell: a number, or empty (null / missing) for a blank cell. */
export const amount = number.nullable().optional();

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Förväntade ett datum i formen ÅÅÅÅ-MM-DD, t.ex. 2023-12-13.' });

export const identifier = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(
    z
      .string()
      .regex(/^[\p{Ll}\p{N}][\p{Ll}\p{N}_-]*$/u, {
        message: 'Förväntade ett id med små bokstäver, siffror, "-" eller "_", t.ex. "internbudget" eller "budget-2024".',
      }),
  );

export const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'Förväntade en färg i formen #RRGGBB, t.ex. #005A8C.' });

/** What every data block has: its id (for placing it and for charts' källa), a heading, a note under the table. */
export const blockBase = {
  id: identifier,
  rubrik: text.optional(),
  /** Explanatory note printed under the table. */
  not: text.optional(),
};

export const amountUnit = z.enum(['tkr', 'mnkr']);
