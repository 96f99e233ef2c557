/**
 * A report's index.md front matter (type, period, adoption) and a section
 * file's front matter, whose `data` blocks are checked block by block.
 */
import { z } from 'zod';
import { identifier, isoDate, strict, text } from '../schema-helpers.ts';
import { etiketterSchema } from './profile.ts';

export const reportTypes = ['verksamhetsplan', 'uppföljning', 'årsredovisning'] as const;

export const periodSchema = z
  .union([z.number().int(), z.string()])
  .transform(String)
  .pipe(
    z
      .string()
      .regex(/^\d{4}(\s*[-–]\s*\d{4})?$/, { message: 'Förväntade ett år eller en period, t.ex. "2024" eller "2024–2026".' }),
  )
  .transform((s) => {
    const [from, to] = s.split(/\s*[-–]\s*/).map(Number);
    return { från: from!, till: to ?? from! };
  })
  .refine((p) => p.till >= p.från, { message: 'Periodens slutår ligger före startåret.' });

/** An adoption decision: organ, date and, when known, the paragraph (§). */
const decisionSchema = strict({
  organ: text,
  datum: isoDate,
  paragraf: z.union([z.number().int().positive(), text]).optional(),
});

export const indexSchema = strict({
  typ: z.enum(reportTypes),
  kommun: identifier,
  nämnd: text,
  förvaltning: text.optional(),
  titel: text,
  /** A second line under the title, e.g. "Uppföljningsrapport Vård- och omsorgsnämnden". */
  undertitel: text.optional(),
  period: periodSchema,
  /** The years the goal tables show targets for, when they differ from the period: a one-year plan with targets for three years. */
  målår: periodSchema.optional(),
  status: z.enum(['utkast', 'antagen']),
  /** One adoption decision, or several (a plan adopted in December and completed in January). */
  antagen: z.union([decisionSchema.transform((d) => [d]), z.array(decisionSchema).min(1)]).optional(),
  datum: isoDate.optional(),
  ordförande: text.optional(),
  ansvarig_chef: text.optional(),
  /** Labels for this report, over the profile's (e.g. nämndmål: Kommunstyrelsens mål). */
  etiketter: etiketterSchema.optional(),
  /** Numbered headings in this report; overrides the profile's numrerade_rubriker. */
  numrerade_rubriker: z.boolean().optional(),
}).superRefine((v, ctx) => {
  if (v.status === 'antagen' && !v.antagen) {
    ctx.addIssue({
      code: 'custom',
      path: ['antagen'],
      message: 'En antagen rapport behöver uppgiften "antagen" (organ, datum och, om den är känd, paragraf).|Lägg till t.ex. "antagen: { organ: Vård- och omsorgsnämnden, datum: 2023-12-13, paragraf: 64 }" eller ändra status till "utkast". Flera beslut skrivs som en lista: "antagen: [{ … }, { … }]".',
    });
  }
  if (v.status === 'utkast' && !v.datum && !v.antagen) {
    ctx.addIssue({
      code: 'custom',
      path: ['datum'],
      message: 'Ett utkast behöver ett "datum" (ÅÅÅÅ-MM-DD); det blir dokumentets datum i PDF och DOCX.|Lägg till t.ex. "datum: 2023-11-20".',
    });
  }
});
export type IndexInput = z.output<typeof indexSchema>;

/** A section file's front matter; `data` is checked block by block (see validate.ts). */
export const sectionSchema = strict({
  rubrik: text,
  /** An appendix: numbered "Bilaga 1", "Bilaga 2" … in the order of the files. */
  bilaga: z.boolean().default(false),
  data: z.array(z.unknown()).default([]),
});
