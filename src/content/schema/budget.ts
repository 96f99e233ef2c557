/**
 * The budget tables of a verksamhetsplan: internbudget, investeringsbudget
 * (a schedule per project and year) and ramförändring.
 */
import { z } from 'zod';
import { parseSwedishNumber } from '../../format/swedish.ts';
import { amount, amountUnit, blockBase, identifier, strict, text } from '../schema-helpers.ts';
import { netCostSigns } from './profile.ts';

/** "X" in an investment schedule: planned that year, without an amount of its own. */
export const PLANNED = 'X';

const budgetColumn = strict({
  id: identifier,
  rubrik: text,
  /** This column is the change between two others: till − från. */
  förändring: strict({ från: identifier, till: identifier }).optional(),
});

/** A row whose amounts are keyed by column id; the keys are checked against the block's columns. */
const budgetRow = z
  .object({ kod: z.union([z.number(), text]).transform(String).optional(), namn: text.optional(), delsumma: text.optional() })
  .catchall(amount);

const budgetPart = strict({
  rader: z.array(budgetRow).min(1),
  summa: z.object({ rubrik: text.optional() }).catchall(amount).optional(),
});

export const internbudgetSchema = strict({
  typ: z.literal('internbudget'),
  ...blockBase,
  enhet: amountUnit,
  /** Overrides the profile's sign convention for this table. */
  nettokostnad_tecken: z.enum(netCostSigns).optional(),
  kolumner: z.array(budgetColumn).min(1),
  nettokostnad: budgetPart.optional(),
  intäkter: budgetPart.optional(),
  kostnader: budgetPart.optional(),
});

/** A project's cell in an investment schedule: an amount, blank, or X (planned that year, no amount of its own). */
const scheduleCell = z
  .preprocess(
    (v) => (typeof v === 'string' && /^\s*x\s*$/i.test(v) ? PLANNED : typeof v === 'string' ? (parseSwedishNumber(v) ?? v) : v),
    z.custom<number | null | typeof PLANNED>((v) => v === PLANNED || v === null || (typeof v === 'number' && Number.isFinite(v)), {
      message: 'Förväntade ett belopp, X (planerad utan eget belopp) eller en tom cell|Skriv t.ex. 1500 eller "1 500", X för en planerad investering utan eget belopp, eller lämna cellen tom.',
    }),
  )
  .optional();

export const investeringsbudgetSchema = strict({
  typ: z.literal('investeringsbudget'),
  ...blockBase,
  enhet: amountUnit,
  kolumner: z.array(strict({ id: identifier, rubrik: text })).min(1),
  kategorier: z.array(
    strict({
      namn: text,
      projekt: z.array(z.object({ namn: text }).catchall(scheduleCell)).min(1),
    }),
  ).min(1),
  kategorisummor: z.boolean().default(false),
  totalt: z.object({ rubrik: text.optional() }).catchall(amount).optional(),
});

/**
 * A budget bridge: an ingående ram, justeringar, and an utgående ram (checked against the ram before plus
 * the justeringar since; computed when omitted), which is the base of the next step. With `kolumner`, a row keys
 * its amounts by column id; without, by `belopp`. Which keys a row may have is checked in src/model/ramforandring.ts.
 */
export const ramförändringSchema = strict({
  typ: z.literal('ramförändring'),
  ...blockBase,
  enhet: amountUnit,
  kolumner: z.array(strict({ id: identifier, rubrik: text })).min(1).optional(),
  rader: z
    .array(
      z
        .object({ ingående: text.optional(), justering: text.optional(), utgående: text.optional() })
        .catchall(amount),
    )
    .min(1),
});

export type InternbudgetInput = z.output<typeof internbudgetSchema>;
export type InvesteringsbudgetInput = z.output<typeof investeringsbudgetSchema>;
export type RamförändringInput = z.output<typeof ramförändringSchema>;
