/**
 * The municipality profile (kommun.yaml): name, logo, colours, font, its own
 * labels and status words, and the rule set its goals are assessed by.
 */
import { z } from 'zod';
import { color, strict, text } from '../schema-helpers.ts';

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
export const etiketterSchema = keysOf(labelKeys);

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
