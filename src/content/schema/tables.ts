/**
 * Text tables in the municipality's own columns (nyckeltal, utvecklingsarbete,
 * fokusområden), the generic tabell, and the diagram drawn from another block.
 */
import { z } from 'zod';
import { amountUnit, blockBase, identifier, strict, text } from '../schema-helpers.ts';
import { netCostSigns } from './profile.ts';
import { measuredValueSchema } from './measures.ts';

const textCell = z.union([text, z.number().transform(String)]);

export const nyckeltalSchema = strict({
  typ: z.literal('nyckeltal'),
  ...blockBase,
  /** The municipality's own column headings, one per column: "Planerat projekt/åtgärd | Syfte | Ansvar, enhet". */
  kolumnrubriker: z.array(text).min(1).optional(),
  rader: z.array(
    strict({
      mått: text,
      syfte: textCell,
      datakälla: textCell,
      jämförelsevärde: measuredValueSchema.optional(),
      uppföljning: textCell,
    }),
  ).min(1),
});

export const utvecklingsarbeteSchema = strict({
  typ: z.literal('utvecklingsarbete'),
  ...blockBase,
  /** The municipality's own column headings, one per column: "Planerat projekt/åtgärd | Syfte | Ansvar, enhet". */
  kolumnrubriker: z.array(text).min(1).optional(),
  rader: z.array(strict({ projekt: text, syfte: textCell, ansvar: textCell })).min(1),
});

export const fokusområdenSchema = strict({
  typ: z.literal('fokusområden'),
  ...blockBase,
  /** The municipality's own column headings, one per column: "Planerat projekt/åtgärd | Syfte | Ansvar, enhet". */
  kolumnrubriker: z.array(text).min(1).optional(),
  rader: z.array(strict({ fokusområde: text, omhändertagande: textCell })).min(1),
});

const genericColumn = z.union([
  text.transform((rubrik) => ({ rubrik, typ: 'text' as const, decimaler: 0 })),
  strict({
    rubrik: text,
    typ: z.enum(['text', 'tal', 'belopp', 'procent']).default('text'),
    decimaler: z.number().int().min(0).max(4).default(0),
  }),
]);

export const tabellSchema = strict({
  typ: z.literal('tabell'),
  ...blockBase,
  rubrik: text,
  enhet: amountUnit.optional(),
  /** The sign convention of net cost in the table's belopp columns (recorded in the model; the profile's when omitted). */
  nettokostnad_tecken: z.enum(netCostSigns).optional(),
  kolumner: z.array(genericColumn).min(1),
  rader: z.array(z.array(z.union([z.number(), z.string(), z.null()]))).min(1),
  summarad: text.optional(),
});

/** A chart drawn from another data block of the report (its `källa`); the figures come only from the computed model. */
export const diagramtyper = ['budget', 'driftredovisning', 'investeringar', 'indikator', 'kön', 'bedömningar'] as const;
export const diagramSchema = strict({
  typ: z.literal('diagram'),
  ...blockBase,
  diagramtyp: z.enum(diagramtyper),
  /** The id of the data block the chart draws from, in any section of the report. */
  källa: identifier,
  /** diagramtyp indikator: the indicator's id in the källa (målområde or resultatmål). */
  indikator: identifier.optional(),
  /** diagramtyp kön: the row of the personalnyckeltal, by its "mått" text. */
  rad: text.optional(),
  /** budget and investeringar: the columns compared, by id (default: the budget columns of the källa). */
  kolumner: z.array(identifier).min(1).optional(),
  /** efter: the chart's data table right after it; bilaga: collected in an appendix at the end. */
  datatabell: z.enum(['efter', 'bilaga']).default('efter'),
});

export type TabellInput = z.output<typeof tabellSchema>;
export type DiagramInput = z.output<typeof diagramSchema>;
