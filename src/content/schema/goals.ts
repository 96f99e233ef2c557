/**
 * Goals at every level (KF-mål, nämndmål, mål, resultatmål) with their
 * indicators, and the blocks that collect them: indikatortabell, bedömningar.
 */
import { z } from 'zod';
import { blockBase, identifier, strict, text } from '../schema-helpers.ts';
import { etiketterSchema } from './profile.ts';
import { indicatorSchema, judgementSchema, measuredValueSchema, outcomeSchema, targetSchema, yearKey } from './measures.ts';

const agenda2030Schema = z.array(z.number().int().min(1).max(17)).default([]);

/**
 * What every goal level may have: its indicators, and (shorthand) a baseline, targets and outcomes of its own
 * when the goal is its own measure ("Andelen … ökar | 35 % | 40 % | 45 %"): it then becomes one indicator without "mått".
 */
const goalMeasure = {
  id: identifier.optional(),
  text: text,
  /** The global goals of Agenda 2030 the goal supports, by number 1–17. */
  agenda2030: agenda2030Schema,
  indikatorer: z.array(indicatorSchema).default([]),
  bedömning: judgementSchema.optional(),
  ingångsvärde: measuredValueSchema.optional(),
  målvärden: z.record(yearKey, targetSchema).optional(),
  utfall: z.record(yearKey, outcomeSchema).optional(),
  datakälla: text.optional(),
  kolada: indicatorSchema.shape.kolada,
  riktning: z.enum(['högre', 'lägre']).optional(),
  aktiviteter_genomförda: indicatorSchema.shape.aktiviteter_genomförda,
  jämförbar_från: indicatorSchema.shape.jämförbar_från,
};

const boardGoalSchema = strict(goalMeasure);

const councilGoalSchema = strict({
  ...goalMeasure,
  uppföljning: z.enum(['D/B', 'B', 'D']).optional(),
  ansvariga: z.array(text).default([]),
  anmärkning: text.optional(),
  beslutat_av: text.optional(),
  nämndmål: z.array(boardGoalSchema).default([]),
});

export const målområdeSchema = strict({
  typ: z.literal('målområde'),
  ...blockBase,
  /** Labels for this block's tables, over the report's and the profile's (e.g. mål: Kommunstyrelsens övergripande mål). */
  etiketter: etiketterSchema.optional(),
  namn: text,
  beskrivning: text.optional(),
  /** Kommunfullmäktiges mål; with nämndmål, indicators directly, or only listed. */
  kf_mål: z.array(councilGoalSchema).default([]),
  /** Goals directly under the målområde (kommunstyrelsens mål), named by the label "mål". */
  mål: z.array(boardGoalSchema).default([]),
}).superRefine((v, ctx) => {
  if (v.kf_mål.length === 0 && v.mål.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['kf_mål'],
      message: 'Målområdet har varken "kf_mål" eller "mål".|Lägg till kommunfullmäktiges mål under "kf_mål", eller nämndens egna mål direkt under målområdet med "mål".',
    });
  }
});

/** Goals not under one målområde ("Kommunstyrelsens övergripande mål"): each may name the målområde it refers to. */
export const måltabellSchema = strict({
  typ: z.literal('måltabell'),
  ...blockBase,
  /** Labels for this block's tables, over the report's and the profile's (e.g. mål: Kommunstyrelsens övergripande mål). */
  etiketter: etiketterSchema.optional(),
  rubrik: text,
  mål: z.array(strict({ ...goalMeasure, /** The id of a målområde block in the report. */ målområde: identifier.optional() })).min(1),
});

export const resultatmålSchema = strict({
  typ: z.literal('resultatmål'),
  ...blockBase,
  /** The municipality's overall goal the resultatmål belong to, e.g. "Trygg omsorg & vård". */
  övergripande_mål: text,
  mål: z.array(
    strict({
      id: identifier.optional(),
      text: text,
      huvudansvar: text.optional(),
      medansvariga: z.array(text).default([]),
      /** The global goals of Agenda 2030 the goal supports, by number 1–17. */
      agenda2030: agenda2030Schema,
      bedömning: judgementSchema.optional(),
      kommentar: z.array(text).default([]),
      indikatorer: z.array(indicatorSchema).default([]),
    }),
  ).min(1),
});

/** The indicator table of every resultatmål in the report. */
export const indikatortabellSchema = strict({
  typ: z.literal('indikatortabell'),
  ...blockBase,
  /** The outcome years shown; default the three years up to the report's year. */
  år: z.array(z.number().int()).min(1).optional(),
});

/** The assessments of every målområde in the report: per goal, counts per status and måluppfyllelsegrad. */
export const bedömningarSchema = strict({
  typ: z.literal('bedömningar'),
  ...blockBase,
  /** Which goals are counted: KF-mål (default), nämndmål, goals directly under målområden and in måltabeller (mål), or the resultatmål of an årsredovisning. */
  nivå: z.enum(['kf-mål', 'nämndmål', 'mål', 'resultatmål']).default('kf-mål'),
  /** antal: counts per status per målområde; mål: one table per målområde with every goal and its assessment. */
  visa: z.enum(['antal', 'mål']).default('antal'),
});

export type MålområdeInput = z.output<typeof målområdeSchema>;
export type MåltabellInput = z.output<typeof måltabellSchema>;
export type GoalInput = z.output<typeof boardGoalSchema>;
export type BedömningarInput = z.output<typeof bedömningarSchema>;
export type ResultatmålInput = z.output<typeof resultatmålSchema>;
export type IndikatortabellInput = z.output<typeof indikatortabellSchema>;
