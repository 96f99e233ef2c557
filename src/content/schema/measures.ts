/**
 * What is measured, as typed: values, targets, outcomes, written judgements,
 * and the indicators that hold them per year.
 */
import { z } from 'zod';
import { identifier, strict, text } from '../schema-helpers.ts';

/** A measured value: 41, "64 %", "89,88", "Nytt värde", or with period/unit/groups. */
const scalarValue = z.union([z.number(), text]);
const measuredOne = z.union([
  scalarValue,
  strict({ värde: scalarValue, enhet: text.optional(), period: z.union([text, z.number()]).transform(String).optional() }),
]);
const groupedValue = strict({
  grupper: z.array(
    strict({
      grupp: text,
      värde: scalarValue,
      enhet: text.optional(),
      period: z.union([text, z.number()]).transform(String).optional(),
    }),
  ).min(1),
});
export const measuredValueSchema = z.union([measuredOne, groupedValue]);
export type MeasuredValueInput = z.output<typeof measuredValueSchema>;

/** A target as typed: 2, "45 %", ">25", "<176", "Öka", "Samtliga", "Ja", or per sub-group. */
export const targetSchema = z.union([
  scalarValue,
  z.boolean().transform((b) => (b ? 'Ja' : 'Nej')),
  strict({ grupper: z.record(text, z.union([scalarValue, z.boolean().transform((b) => (b ? 'Ja' : 'Nej'))])) }),
]);
export type TargetInput = z.output<typeof targetSchema>;

/** The statuses an author may state in a written judgement (the assessment's own words are `statusWords`). */
export const statedStatuses = ['uppfyllt', 'helt uppfyllt', 'delvis uppfyllt', 'ej uppfyllt', 'ej utvärderad'] as const;
/** A written judgement: a stated status, with the reason required where it overrides a computed one. */
export const judgementSchema = strict({
  status: z.enum(statedStatuses),
  motivering: text.optional(),
});
export type JudgementInput = z.output<typeof judgementSchema>;

/** An outcome: a number ("64 %", 89,88), a word ("Ja", "Samtliga"), or split by gender, or per sub-group. */
const outcomeScalar = z.union([z.number(), text]);
export const outcomeSchema = z.union([
  outcomeScalar,
  strict({ totalt: outcomeScalar, kvinnor: outcomeScalar.optional(), män: outcomeScalar.optional() }),
  strict({ grupper: z.record(text, outcomeScalar) }),
]);
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const yearKey = z.string().regex(/^\d{4}$/, { message: 'Förväntade ett årtal som nyckel, t.ex. 2024.' });

export const indicatorSchema = strict({
  id: identifier.optional(),
  /** What is measured; may be left out when the goal itself is the measure. */
  mått: text.optional(),
  datakälla: text.optional(),
  kolada: z.string().regex(/^[NU]\d{5}$/, { message: 'Förväntade ett Kolada-id som "U21468" eller "N00945".' }).optional(),
  /** When Kolada publishes the next outcome, e.g. "v. 40". */
  publicering: text.optional(),
  riktning: z.enum(['högre', 'lägre']).default('högre'),
  ingångsvärde: measuredValueSchema.optional(),
  målvärden: z.record(yearKey, targetSchema).default({}),
  utfall: z.record(yearKey, outcomeSchema).default({}),
  /** Whether the planned activities were carried out (the poäng rule gives 0,5 for that). */
  aktiviteter_genomförda: z.boolean().optional(),
  /** A budget-adherence indicator: the outcome is the percentage of the budget kept (poäng rule bands). */
  budgetföljsamhet: z.boolean().default(false),
  /** The first year the indicator is measured as now: earlier years are not comparable. */
  jämförbar_från: z.number().int().optional(),
  bedömning: judgementSchema.optional(),
  trend: strict({ värde: z.enum(['bättre', 'oförändrad', 'sämre', 'ej jämförbar']), motivering: text }).optional(),
});

export type IndicatorInput = z.output<typeof indicatorSchema>;
