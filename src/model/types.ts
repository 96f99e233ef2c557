/**
 * The computed report model: what every renderer reads. Built once per report
 * by src/model/build-model.ts from validated content. Every sum, difference and
 * derived value is in here, computed once; renderers only place and format.
 */
import type { AmountUnit, FormatOptions } from '../format/swedish.ts';
import type { MeasuredValue, Target } from '../format/values.ts';
import type { DriftColumn, FontName, InvestmentColumn, NetCostSign } from '../content/schema.ts';
import type { ProseBlock } from '../content/prose.ts';
import type { KoladaUse } from '../sources/kolada/merge.ts';
import type { Assessment, Outcome, Rules, Status, TrendResult, UppdragStatus } from './assessment/types.ts';
import type { Labels, Vocabulary } from './vocabulary.ts';

export interface Report {
  /** The report's folder name; output files are named after it. */
  id: string;
  type: 'verksamhetsplan' | 'uppföljning' | 'årsredovisning';
  meta: ReportMeta;
  /** The rule set and the year assessed; `used` is true when any goal in the report carries an assessment to show. */
  bedömning: { rules: Rules; år: string; used: boolean };
  profile: Profile;
  sections: Section[];
  /** Outcomes filled in from the Kolada snapshot (kolada.yaml), when the report has one (src/sources/kolada/merge.ts). */
  kolada?: KoladaUse;
}

export interface ReportMeta {
  kommun: string;
  nämnd: string;
  förvaltning?: string;
  titel: string;
  undertitel?: string;
  period: { från: number; till: number };
  status: 'utkast' | 'antagen';
  /** The adoption decisions, in the order written; § only where known. */
  antagen: Decision[];
  ordförande?: string;
  ansvarigChef?: string;
  /** The document's date (ISO): the adoption date or the draft's date. Used for PDF/DOCX metadata, never the clock. */
  datum: string;
  /** Report-level prose from index.md, shown before the first section. */
  förord: ProseBlock[];
}

export interface Decision {
  organ: string;
  datum: string;
  paragraf?: string;
}

export interface Profile {
  id: string;
  namn: string;
  kortnamn: string;
  /** The logo's SVG source, checked to be a plain SVG without scripts. */
  logotypSvg: string;
  färger: { primär: string; sekundär: string; text: string; tabellhuvud: string };
  typsnitt: FontName;
  format: FormatOptions;
  /** Labels and status words: defaults < profile < report (index.md). */
  ord: Vocabulary;
}

export interface Section {
  /** From the file name without its order prefix: "02-ekonomi.md" → "ekonomi". */
  id: string;
  rubrik: string;
  /** The appendix number, for a section marked "bilaga: true". */
  bilaga?: number;
  /** The heading number ("3") when numbered headings are on; appendices have none (they are "Bilaga N"). */
  nummer?: string;
  blocks: Block[];
}

export type Block = ProseBlock | DataBlock;

const proseKinds: ReadonlySet<Block['kind']> = new Set(['heading', 'paragraph', 'list', 'quote', 'image']);

/** Prose from the Markdown body, as opposed to a computed data block. */
export function isProseBlock(block: Block): block is ProseBlock {
  return proseKinds.has(block.kind);
}

// ---------------------------------------------------------------- prose

/** Prose is what the content's Markdown parses into (src/content/prose.ts): the model carries it as it is. */
export type { Inline, ProseBlock } from '../content/prose.ts';
export { isSafeLink } from '../content/prose.ts';

// ---------------------------------------------------------------- data blocks

export type DataBlock =
  | Internbudget
  | Investeringsbudget
  | Ramförändring
  | Målområde
  | Måltabell
  | TextTable
  | GenericTable
  | Bedömningar
  | Driftredovisning
  | Investeringsredovisning
  | Personalnyckeltal
  | Uppdrag
  | Resultatmål
  | Indikatortabell
  | Diagram;

interface BlockCommon {
  id: string;
  rubrik?: string;
  not?: string;
}

/** An amount cell: the value, and whether the model computed it (true) or the author stated it. */
export interface Amount {
  value: number | null;
  computed: boolean;
  /** An investment planned that year without an amount of its own ("X" in the schedule); value is null. */
  planned?: true;
  /**
   * A stated total that cannot be checked against its rows: stated-only where the rows have no amounts
   * (only X or blank), partial where some rows have amounts and some only an X.
   */
  check?: 'stated-only' | 'partial';
}

/**
 * The sign convention of net cost in a block: negativ, nettokostnad = intäkter + kostnader (printed negative);
 * positiv, nettokostnad = −(intäkter + kostnader) (printed positive). Intäkter are positive and kostnader negative in both.
 */
export type Tecken = NetCostSign;

export interface AmountColumn {
  id: string;
  rubrik: string;
  förändring?: { från: string; till: string };
}

export interface BudgetRow {
  kind: 'rad' | 'delsumma';
  kod?: string;
  namn: string;
  values: Record<string, Amount>;
}

export interface BudgetPart {
  kind: 'nettokostnad' | 'intäkter' | 'kostnader';
  /** "NETTOKOSTNAD", "INTÄKTER", "KOSTNADER". */
  rubrik: string;
  rows: BudgetRow[];
  summa: BudgetRow;
  /** True when the whole part was computed (nettokostnad = intäkter + kostnader). */
  computed: boolean;
}

export interface Internbudget extends BlockCommon {
  kind: 'internbudget';
  enhet: AmountUnit;
  /** The sign convention of nettokostnad, resolved from the block and the profile. */
  tecken: Tecken;
  columns: AmountColumn[];
  parts: BudgetPart[];
}

export interface InvestmentCategory {
  namn: string;
  projects: { namn: string; values: Record<string, Amount> }[];
  summa?: Record<string, Amount>;
}

export interface Investeringsbudget extends BlockCommon {
  kind: 'investeringsbudget';
  enhet: AmountUnit;
  columns: AmountColumn[];
  categories: InvestmentCategory[];
  totalt: { rubrik: string; values: Record<string, Amount> };
}

/** A row of a budget bridge: the ingående ram, a justering, or an utgående ram (the base of the next step). */
export interface RamförändringRow {
  kind: 'ingående' | 'justering' | 'utgående';
  text: string;
  values: Record<string, Amount>;
}

/** A budget bridge: ingående ram + justeringar = utgående ram, in one or several steps; one or several amount columns. */
export interface Ramförändring extends BlockCommon {
  kind: 'ramförändring';
  enhet: AmountUnit;
  /** The author's columns, or one column "belopp" when the block has none. */
  columns: AmountColumn[];
  /** Whether the author gave columns (a table with a heading per column) or one amount per row. */
  kolumner: boolean;
  rows: RamförändringRow[];
}

// ---------------------------------------------------------------- goals

/** Typed values, as parsed (values.ts) and shown (src/format/values.ts). */
export type { MeasuredValue, Target, WrittenWords } from '../format/values.ts';

export interface Indicator {
  id: string;
  /** Whether the author wrote the id; else it was derived from the text, and changes when the text does. */
  idAngivet: boolean;
  /** What is measured; absent when the goal itself is the measure. */
  mått?: string;
  datakälla?: string;
  kolada?: string;
  /** When Kolada publishes the next outcome: "v. 40". */
  publicering?: string;
  riktning: 'högre' | 'lägre';
  ingångsvärde?: MeasuredValue;
  /** Target per year ("2024" → target). */
  målvärden: Record<string, Target>;
  /** Outcome per year. */
  utfall: Record<string, Outcome>;
  /** The assessment in the report's assessment year; undefined when the indicator has neither outcomes nor a written judgement. */
  bedömning?: Assessment;
  trend?: TrendResult;
}

/** A goal at any level: its indicators (a goal that is its own measure has one without "mått") and its assessment. */
export interface Goal {
  id: string;
  /** Whether the author wrote the id; else it was derived from the text, and changes when the text does. */
  idAngivet: boolean;
  text: string;
  /** Numbers of the Agenda 2030 global goals (1–17) the goal supports. */
  agenda2030: number[];
  indikatorer: Indicator[];
  bedömning?: Assessment;
}

/** A nämndmål, or a goal directly under a målområde (kommunstyrelsens mål). */
export type BoardGoal = Goal;

/** A KF-mål: with nämndmål, with indicators of its own, or only listed. */
export interface CouncilGoal extends Goal {
  uppföljning?: 'D/B' | 'B' | 'D';
  ansvariga: string[];
  anmärkning?: string;
  beslutatAv?: string;
  nämndmål: BoardGoal[];
}

export interface Målområde extends BlockCommon {
  kind: 'målområde';
  namn: string;
  beskrivning?: string;
  kfMål: CouncilGoal[];
  /** Goals directly under the målområde, without a KF-mål above them. */
  mål: BoardGoal[];
  /** Labels for this block's tables, over the report's. */
  etiketter?: Partial<Labels>;
  /** The target years shown as columns: the report's period, or its "målår". */
  målår: string[];
}

/** Goals not under one målområde; each may refer to one ("Kommunstyrelsens övergripande mål"). */
export interface Måltabell extends BlockCommon {
  kind: 'måltabell';
  rubrik: string;
  mål: (BoardGoal & { målområde?: { id: string; namn: string } })[];
  målår: string[];
  /** Labels for this block's tables, over the report's. */
  etiketter?: Partial<Labels>;
}

// ---------------------------------------------------------------- text tables

/** Fixed-shape text tables: nyckeltal, utvecklingsarbete, fokusområden. */
export interface TextTable extends BlockCommon {
  kind: 'nyckeltal' | 'utvecklingsarbete' | 'fokusområden';
  columns: string[];
  rows: (string | MeasuredValue)[][];
}

export interface GenericColumn {
  rubrik: string;
  typ: 'text' | 'tal' | 'belopp' | 'procent';
  decimaler: number;
}

export type GenericCell = { kind: 'text'; text: string } | { kind: 'tal'; value: number } | { kind: 'tom' };

export interface GenericTable extends BlockCommon {
  kind: 'tabell';
  rubrik: string;
  enhet?: AmountUnit;
  /** The sign convention of net cost in the belopp columns, resolved from the block and the profile; only for tables with belopp columns. */
  tecken?: Tecken;
  columns: GenericColumn[];
  rows: GenericCell[][];
  summa?: { rubrik: string; cells: GenericCell[] };
}

// ---------------------------------------------------------------- assessment summary

export interface StatusCounts {
  counts: Record<Status, number>;
  /** Goals with a status other than "ej utvärderad". */
  bedömda: number;
  total: number;
  /** Share of assessed goals that are uppfyllt, in percent (0–100), when any were assessed. */
  måluppfyllelse?: number;
  /** "Mycket god måluppfyllelse" …, from the share. */
  resultatnivå?: string;
}

export interface Bedömningar extends BlockCommon {
  kind: 'bedömningar';
  nivå: 'kf-mål' | 'nämndmål' | 'mål' | 'resultatmål';
  visa: 'antal' | 'mål';
  områden: { namn: string; goals: { text: string; bedömning: Assessment }[]; summary: StatusCounts }[];
  totalt: StatusCounts;
}

// ---------------------------------------------------------------- årsredovisning

export type { DriftColumn } from '../content/schema.ts';

/**
 * Utfall against budget per verksamhetsområde, and the Summa row. negativ: costs negative, avvikelse = utfall − budget;
 * positiv: costs positive, avvikelse = budget − utfall. A positive avvikelse is favourable in both.
 */
export interface Driftredovisning extends BlockCommon {
  kind: 'driftredovisning';
  enhet: AmountUnit;
  /** The sign convention, resolved from the block and the profile. */
  tecken: Tecken;
  /** The report's year and the year before, for the column headings. */
  år: string;
  föregåendeÅr: string;
  rows: { verksamhet: string; values: Record<DriftColumn, Amount> }[];
  summa: { rubrik: string; values: Record<DriftColumn, Amount> };
}

export type { InvestmentColumn } from '../content/schema.ts';

/** Investment projects: kvar = budget − utfall, and the Summa row. */
export interface Investeringsredovisning extends BlockCommon {
  kind: 'investeringsredovisning';
  enhet: AmountUnit;
  projects: { nummer?: string; namn: string; values: Record<InvestmentColumn, Amount>; färdigställs?: string }[];
  summa: { rubrik: string; values: Record<InvestmentColumn, Amount> };
}

/** A staff figure: a number, and whether it was typed as a percentage. */
export interface StaffFigure {
  value: number;
  percent: boolean;
}

export interface Personalnyckeltal extends BlockCommon {
  kind: 'personalnyckeltal';
  /** Years shown, in the author's order (newest first). */
  år: string[];
  /** Whether any row has a measurement period (the Mätdatum column). */
  mätdatum: boolean;
  rows: {
    mått: string;
    mätdatum?: string;
    enhet?: 'antal' | 'tkr' | 'årsarbetare' | 'procent' | 'index';
    decimaler: number;
    värden: Record<string, { totalt?: StaffFigure; kvinnor?: StaffFigure; män?: StaffFigure }>;
  }[];
}

export interface UppdragItem {
  id: string;
  /** Whether the author wrote the id; else it was derived from the text, and changes when the text does. */
  idAngivet: boolean;
  område?: string;
  rubrik?: string;
  text: string;
  ansvariga: string[];
  huvudansvar?: string;
  slutdatum?: string;
  status: UppdragStatus;
  kommentar: string[];
}

export interface Uppdrag extends BlockCommon {
  kind: 'uppdrag';
  items: UppdragItem[];
}

/** A goal of the kommunplan followed up in the årsredovisning, with its indicators. */
export interface ResultatGoal {
  id: string;
  /** Whether the author wrote the id; else it was derived from the text, and changes when the text does. */
  idAngivet: boolean;
  text: string;
  huvudansvar?: string;
  medansvariga: string[];
  /** Numbers of the global goals (1–17). */
  agenda2030: number[];
  bedömning?: Assessment;
  kommentar: string[];
  indikatorer: Indicator[];
}

export interface Resultatmål extends BlockCommon {
  kind: 'resultatmål';
  övergripandeMål: string;
  mål: ResultatGoal[];
}

/** Every indicator of every resultatmål in the report, with outcomes for the given years. */
export interface Indikatortabell extends BlockCommon {
  kind: 'indikatortabell';
  år: string[];
  områden: Resultatmål[];
}

// ---------------------------------------------------------------- charts

/** What a chart's numbers are: amounts in tkr/mnkr, percentages, or plain numbers (counts, index). */
export type DiagramUnit = { kind: 'belopp'; enhet: AmountUnit } | { kind: 'procent'; decimaler: number } | { kind: 'tal'; decimaler: number; enhet?: string };

/**
 * The colour role of a series; the renderer picks the colour. huvud: the figure in focus (this year, utfall);
 * jämförelse: what it is compared with (last year, budget); mål: a target line; a status or gender by name.
 */
export type DiagramRole = 'huvud' | 'jämförelse' | 'mål' | 'kvinnor' | 'män' | 'totalt' | Status;

export interface DiagramSeries {
  namn: string;
  /** One value per category; null where there is none. */
  värden: (number | null)[];
  /** stapel: bars; linje: a line with markers (targets); etikett: not drawn as a shape, written as a signed label by the bars (avvikelse). */
  form: 'stapel' | 'linje' | 'etikett';
  roll: DiagramRole;
  /** Targets as typed, shown in the data table instead of the bare number ("<176"). */
  mål?: (Target | undefined)[];
  /** Labels show the sign, also for positive values (+9 024): differences such as avvikelse. */
  medTecken?: boolean;
}

/** A chart computed from another block of the report: categories, series, unit, title, alt text; drawn by src/render/charts. */
export interface Diagram extends BlockCommon {
  kind: 'diagram';
  diagramtyp: 'budget' | 'driftredovisning' | 'investeringar' | 'indikator' | 'kön' | 'bedömningar';
  /** The id of the block drawn from. */
  källa: string;
  /** The title: the author's rubrik, or a generated one. */
  rubrik: string;
  /** stående: vertical bars (categories along the x axis); liggande: horizontal bars, for long category names. */
  riktning: 'stående' | 'liggande';
  /** Bars of the series stacked on each other (counts per status). */
  staplad: boolean;
  /** The heading of the data table's first column: "Verksamhet", "År", "Målområde". */
  kategorirubrik: string;
  kategorier: string[];
  serier: DiagramSeries[];
  /** The total row of the data table, from the källa's own sum row (never summed here). */
  summa?: { namn: string; värden: (number | null)[] };
  enhet: DiagramUnit;
  /** The value axis title: "Nettokostnad (tkr)". */
  axel: string;
  /** Alternative text in Swedish: what the chart shows and its key figures. */
  alt: string;
  datatabell: 'efter' | 'bilaga';
  /** What this block shows where it stands: the chart with its table, the chart alone (table in the appendix) or the table alone (in the appendix). */
  visa: 'båda' | 'diagram' | 'tabell';
  /** The appendix holding the data table, when datatabell is bilaga. */
  bilaga?: { nummer: number; rubrik: string };
}

