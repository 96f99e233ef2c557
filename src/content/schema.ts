/**
 * The content format: every key an author may write, with its type. Keys are
 * Swedish because authors type them; the README's format reference mirrors
 * this file and its parts in schema/. Values are checked here; sums and other
 * derived values are checked against the computed model in src/model.
 */
import type { z } from 'zod';
import { internbudgetSchema, investeringsbudgetSchema, ramförändringSchema } from './schema/budget.ts';
import { bedömningarSchema, indikatortabellSchema, målområdeSchema, måltabellSchema, resultatmålSchema } from './schema/goals.ts';
import { diagramSchema, fokusområdenSchema, nyckeltalSchema, tabellSchema, utvecklingsarbeteSchema } from './schema/tables.ts';
import { driftredovisningSchema, investeringsredovisningSchema, personalnyckeltalSchema, uppdragSchema } from './schema/arsredovisning.ts';

export * from './schema/profile.ts';
export * from './schema/report.ts';
export * from './schema/measures.ts';
export * from './schema/budget.ts';
export * from './schema/goals.ts';
export * from './schema/tables.ts';
export * from './schema/arsredovisning.ts';

export const blockSchemas = {
  internbudget: internbudgetSchema,
  investeringsbudget: investeringsbudgetSchema,
  ramförändring: ramförändringSchema,
  målområde: målområdeSchema,
  måltabell: måltabellSchema,
  nyckeltal: nyckeltalSchema,
  utvecklingsarbete: utvecklingsarbeteSchema,
  fokusområden: fokusområdenSchema,
  tabell: tabellSchema,
  bedömningar: bedömningarSchema,
  driftredovisning: driftredovisningSchema,
  investeringsredovisning: investeringsredovisningSchema,
  personalnyckeltal: personalnyckeltalSchema,
  uppdrag: uppdragSchema,
  resultatmål: resultatmålSchema,
  indikatortabell: indikatortabellSchema,
  diagram: diagramSchema,
} as const;
export type BlockType = keyof typeof blockSchemas;
export type BlockInput = { [K in BlockType]: z.output<(typeof blockSchemas)[K]> }[BlockType];
