/**
 * The content format: every key an author may write, with its type. Keys are
 * Swedish because authors type them; the README's format reference mirrors
 * this file. Values are checked here; sums and other derived values are
 * checked against the computed model in src/model.
 */
import { z } from 'zod';
import { amount, color, identifier, isoDate, number, strict, text } from './schema-helpers.ts';
import { parseSwedishNumber } from '../format/swedish.ts';

// ---------------------------------------------------------------- profile

/** The sign convention of net cost; a block may override the profile's. */
export const netCostSigns = ['negativ', 'positiv'] as const;
export type NetCostSign = (typeof netCostSigns)[number];

/** Fonts bundled from npm (never a system font): name → @fontsource package. */
export const bundledFonts = {
  'Source Sans 3': '@fontsource/source-sans-3',
} as const;
export type FontName = keyof typeof bundledFonts;

/** Labels a municipality may word its own way; defaults in src/model/vocabulary.ts. */
export const labelKeys = [
  'kf_mål', 'nämndmål', 'mål', 'kommunfullmäktiges_mål', 'egna_indikatorer', 'mått', 'ingångsvärde', 'målvärde',
  'utfall', 'trend', 'bedömning', 'ordförande', 'ansvarig_chef', 'förvaltning', 'antagen', 'ansvariga',
] as const;
export type LabelKey = (typeof labelKeys)[number];
/** The statuses a municipality may name its own way ("Helt uppfyllt"). */
export const statusWordKeys = ['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt', 'ej_utvärderad'] as const;
export type StatusWordKey = (typeof statusWordKeys)[number];

/** A strict object of optional texts, one per key. */
function keysOf<K extends string>(keys: readonly K[]) {
  return strict(Object.fromEntries(keys.map((k) => [k, text.optional()])) as Record<K, z.ZodOptional<typeof text>>);
}
const etiketterSchema = keysOf(labelKeys);

export const profileSchema = strict({
  namn: text,
  kortnamn: text.optional(),
  logotyp: text.regex(/\.svg$/i, { message: 'Logotypen ska vara en SVG-fil, t.ex. "logotyp.svg".' }),
  färger: strict({
    primär: color,
    sekundär: color,
    text: color.default('#1A1A1A'),
    tabellhuvud: color.optional(),
  }),
  typsnitt: z.enum(Object.keys(bundledFonts) as [FontName, ...FontName[]]).default('Source Sans 3'),
  minustecken: z.enum(['−', '-']).default('−'),
  /** The municipality's own labels (Riktvärde, Ingående värde, Ansvarig kontorschef …). */
  etiketter: etiketterSchema.optional(),
  /** The municipality's words for the statuses ("Helt uppfyllt"). */
  statusord: keysOf(statusWordKeys).optional(),
  /** Numbered headings (1, 1.1, 1.1.1 …) in every report of the municipality; a report's index.md may say otherwise. */
  numrerade_rubriker: z.boolean().default(false),
  /** The municipality's code (SCB kommunkod, which is its id in Kolada): "0483". Used by npm run kolada. */
  kommunkod: z
    .union([z.string(), z.number().int().transform((n) => String(n).padStart(4, '0'))])
    .pipe(z.string().regex(/^\d{4}$/, { message: 'Förväntade en kommunkod med fyra siffror, t.ex. "0483" (inom citattecken, så att nollan först står kvar).' }))
    .optional(),
  /** negativ: nettokostnad = intäkter + kostnader (printed negative); positiv: nettokostnad = −(intäkter + kostnader). */
  nettokostnad_tecken: z.enum(netCostSigns).default('negativ'),
  bedömning: strict({
    /** kvot: utfall i förhållande till målvärde (Katrineholm); poäng: 1/0,5/0 och medelvärde; uppfyllt: uppfyllt eller inte (Oxelösund). */
    regel: z.enum(['kvot', 'poäng', 'uppfyllt']).default('kvot'),
    /** Procent av målvärdet som ger grönt (kvot). */
    grön: z.number().positive().default(100),
    /** Procent av målvärdet som ger gult (kvot). */
    gul: z.number().positive().default(95),
    /** Könsuppdelad bedömning när utfallet anges för kvinnor och män (kvot). */
    könsuppdelad: z.boolean().default(false),
    /** Under denna procent av målvärdet för ett kön är avvikelsen allvarlig: rött (könsuppdelad kvot). */
    allvarlig_avvikelse: z.number().positive().default(90),
    /** En förändring mindre än så här många procent räknas som oförändrad (trend). */
    oförändrad_under: z.number().min(0).default(1.5),
    /** Saknas utfall för det bedömda året jämförs målvärdet med det senaste tidigare utfallet (Katrineholm). */
    senaste_utfall: z.boolean().default(false),
    symboler: z.enum(['cirklar', 'oxelösund']).default('cirklar'),
    /** Poäng: räknas ett bibehållet värde (förändring under "oförändrad_under") som förbättrat (1 poäng)? */
    bibehållet_räknas: z.boolean().default(false),
  }).default({ regel: 'kvot', grön: 100, gul: 95, könsuppdelad: false, allvarlig_avvikelse: 90, oförändrad_under: 1.5, senaste_utfall: false, symboler: 'cirklar', bibehållet_räknas: false }),
});
export type ProfileInput = z.output<typeof profileSchema>;

// ---------------------------------------------------------------- report index

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

// ---------------------------------------------------------------- values

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

// ---------------------------------------------------------------- data blocks

const blockBase = {
  id: identifier,
  rubrik: text.optional(),
  /** Explanatory note printed under the table. */
  not: text.optional(),
};

const amountUnit = z.enum(['tkr', 'mnkr']);

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

/** The statuses an author may state in a written judgement (the assessment's own words are `statusWords`). */
export const statedStatuses = ['uppfyllt', 'helt uppfyllt', 'delvis uppfyllt', 'ej uppfyllt', 'ej utvärderad'] as const;
/** A written judgement: a stated status, with the reason required where it overrides a computed one. */
const judgementSchema = strict({
  status: z.enum(statedStatuses),
  motivering: text.optional(),
});
export type JudgementInput = z.output<typeof judgementSchema>;

/** An outcome: a number ("64 %", 89,88), a word ("Ja", "Samtliga"), or split by gender, or per sub-group. */
const outcomeScalar = z.union([z.number(), text]);
const outcomeSchema = z.union([
  outcomeScalar,
  strict({ totalt: outcomeScalar, kvinnor: outcomeScalar.optional(), män: outcomeScalar.optional() }),
  strict({ grupper: z.record(text, outcomeScalar) }),
]);
export type OutcomeInput = z.output<typeof outcomeSchema>;

const yearKey = z.string().regex(/^\d{4}$/, { message: 'Förväntade ett årtal som nyckel, t.ex. 2024.' });

const indicatorSchema = strict({
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

/** The assessments of every målområde in the report: per goal, counts per status and måluppfyllelsegrad. */
export const bedömningarSchema = strict({
  typ: z.literal('bedömningar'),
  ...blockBase,
  /** Which goals are counted: KF-mål (default), nämndmål, goals directly under målområden and in måltabeller (mål), or the resultatmål of an årsredovisning. */
  nivå: z.enum(['kf-mål', 'nämndmål', 'mål', 'resultatmål']).default('kf-mål'),
  /** antal: counts per status per målområde; mål: one table per målområde with every goal and its assessment. */
  visa: z.enum(['antal', 'mål']).default('antal'),
});

// ---------------------------------------------------------------- årsredovisning

/** Utfall för föregående år, årets utfall och budget, avvikelse = utfall − budget. */
const driftColumns = { föregående_år: amount, utfall: amount, budget: amount, avvikelse: amount };

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
export type InternbudgetInput = z.output<typeof internbudgetSchema>;
export type InvesteringsbudgetInput = z.output<typeof investeringsbudgetSchema>;
export type RamförändringInput = z.output<typeof ramförändringSchema>;
export type MålområdeInput = z.output<typeof målområdeSchema>;
export type MåltabellInput = z.output<typeof måltabellSchema>;
export type GoalInput = z.output<typeof boardGoalSchema>;
export type TabellInput = z.output<typeof tabellSchema>;
export type BedömningarInput = z.output<typeof bedömningarSchema>;
export type DriftredovisningInput = z.output<typeof driftredovisningSchema>;
export type InvesteringsredovisningInput = z.output<typeof investeringsredovisningSchema>;
export type PersonalnyckeltalInput = z.output<typeof personalnyckeltalSchema>;
export type UppdragInput = z.output<typeof uppdragSchema>;
export type ResultatmålInput = z.output<typeof resultatmålSchema>;
export type IndikatortabellInput = z.output<typeof indikatortabellSchema>;
export type IndicatorInput = z.output<typeof indicatorSchema>;
export type DiagramInput = z.output<typeof diagramSchema>;

// ---------------------------------------------------------------- section

/** A section file's front matter; `data` is checked block by block (see validate.ts). */
export const sectionSchema = strict({
  rubrik: text,
  /** An appendix: numbered "Bilaga 1", "Bilaga 2" … in the order of the files. */
  bilaga: z.boolean().default(false),
  data: z.array(z.unknown()).default([]),
});
