/**
 * The årsredovisning's accounts (driftredovisning, investeringsredovisning),
 * personalnyckeltal, and the uppdrag given by kommunfullmäktige.
 */
import { z } from 'zod';
import { amount, amountUnit, blockBase, identifier, isoDate, strict, text } from '../schema-helpers.ts';
import { netCostSigns } from './profile.ts';
import { yearKey } from './measures.ts';

/** Utfall för föregående år, årets utfall och budget, avvikelse = utfall − budget. */
const driftColumns = { föregående_år: amount, utfall: amount, budget: amount, avvikelse: amount };
export type DriftColumn = keyof typeof driftColumns;

/** Column headings of the driftredovisning, from the report's year: as printed, and as a spreadsheet's header row may name them. */
export function driftHeadings(år: string, föregåendeÅr: string): Record<DriftColumn, string> {
  return { föregående_år: `Utfall ${föregåendeÅr}`, utfall: `Utfall ${år}`, budget: `Budget ${år}`, avvikelse: `Avvikelse ${år}` };
}

export const driftredovisningSchema = strict({
  typ: z.literal('driftredovisning'),
  ...blockBase,
  enhet: amountUnit,
  /** positiv: costs written positive and avvikelse = budget − utfall (a positive avvikelse is still favourable). */
  nettokostnad_tecken: z.enum(netCostSigns).optional(),
  rader: z.array(strict({ verksamhet: text, ...driftColumns })).min(1),
  summa: strict({ rubrik: text.optional(), ...driftColumns }).optional(),
});

const investmentColumns = { utfall: amount, budget: amount, kvar: amount };
export type InvestmentColumn = keyof typeof investmentColumns;

export const investmentHeadings: Record<InvestmentColumn, string> = { utfall: 'Utfall', budget: 'Budget', kvar: 'Kvar av årets budget' };

export const investeringsredovisningSchema = strict({
  typ: z.literal('investeringsredovisning'),
  ...blockBase,
  enhet: amountUnit,
  projekt: z.array(
    strict({
      nummer: z.union([z.number().int(), text]).transform(String).optional(),
      namn: text,
      ...investmentColumns,
      /** When the project is finished: "2025/12". */
      färdigställs: z.union([text, z.number()]).transform(String).optional(),
    }),
  ).min(1),
  summa: strict({ rubrik: text.optional(), ...investmentColumns }).optional(),
});

const genderValue = z.union([z.number(), text]);
export const personalnyckeltalSchema = strict({
  typ: z.literal('personalnyckeltal'),
  ...blockBase,
  /** The years shown, newest first: [2024, 2023]. */
  år: z.array(z.number().int()).min(1),
  rader: z.array(
    strict({
      mått: text,
      /** The measurement period: "1/1–31/12", "30 nov". */
      mätdatum: z.union([text, z.number()]).transform(String).optional(),
      /** antal, tkr and årsarbetare are sums: kvinnor + män should equal totalt. */
      enhet: z.enum(['antal', 'tkr', 'årsarbetare', 'procent', 'index']).optional(),
      decimaler: z.number().int().min(0).max(3).optional(),
      värden: z.record(yearKey, z.union([genderValue, strict({ totalt: genderValue.optional(), kvinnor: genderValue.optional(), män: genderValue.optional() })])),
    }),
  ).min(1),
});

export const uppdragStatuses = ['ej startad', 'påbörjad', 'klar', 'stoppad'] as const;

export const uppdragSchema = strict({
  typ: z.literal('uppdrag'),
  ...blockBase,
  uppdrag: z.array(
    strict({
      id: identifier.optional(),
      område: text.optional(),
      rubrik: text.optional(),
      text: text,
      ansvariga: z.array(text).default([]),
      huvudansvar: text.optional(),
      slutdatum: isoDate.optional(),
      status: z.enum(uppdragStatuses),
      kommentar: z.array(text).default([]),
    }),
  ).min(1),
});

export type DriftredovisningInput = z.output<typeof driftredovisningSchema>;
export type InvesteringsredovisningInput = z.output<typeof investeringsredovisningSchema>;
export type PersonalnyckeltalInput = z.output<typeof personalnyckeltalSchema>;
export type UppdragInput = z.output<typeof uppdragSchema>;
