/**
 * The computed report model: what every renderer reads. Built once per report
 * by src/model/build-model.ts from validated content. Every sum, difference and
 * derived value is in here, computed once; renderers only place and format.
 */
import type { AmountUnit, FormatOptions } from '../format/swedish.ts';
import type { FontName } from '../content/schema.ts';
import type { Assessment, Outcome, Rules, Status, TrendResult } from './assessment/types.ts';

export interface Report {
  /** The report's folder name; output files are named after it. */
  id: string;
  type: 'verksamhetsplan' | 'uppföljning';
  meta: ReportMeta;
  /** The rule set and the year assessed; `used` is true when any goal in the report carries an assessment to show. */
  bedömning: { rules: Rules; år: string; used: boolean };
  profile: Profile;
  sections: Section[];
}

export interface ReportMeta {
  kommun: string;
  nämnd: string;
  förvaltning?: string;
  titel: string;
  period: { från: number; till: number };
  status: 'utkast' | 'antagen';
  antagen?: { organ: string; datum: string; paragraf: string };
  ordförande?: string;
  ansvarigChef?: string;
  /** The document's date (ISO): the adoption date or the draft's date. Used for PDF/DOCX metadata, never the clock. */
  datum: string;
  /** Report-level prose from index.md, shown before the first section. */
  förord: ProseBlock[];
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
}

export interface Section {
  /** From the file name without its order prefix: "02-ekonomi.md" → "ekonomi". */
  id: string;
  rubrik: string;
  blocks: Block[];
}

export type Block = ProseBlock | DataBlock;

const proseKinds: ReadonlySet<Block['kind']> = new Set(['heading', 'paragraph', 'list', 'quote', 'image']);

/** Prose from the Markdown body, as opposed to a computed data block. */
export function isProseBlock(block: Block): block is ProseBlock {
  return proseKinds.has(block.kind);
}

// ---------------------------------------------------------------- prose

export type ProseBlock =
  | { kind: 'heading'; level: 2 | 3 | 4; content: Inline[]; id: string }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: ProseBlock[][] }
  | { kind: 'quote'; children: ProseBlock[] }
  | { kind: 'image'; alt: string; mime: 'image/png' | 'image/jpeg'; data: Uint8Array; width: number; height: number };

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

/** Only web and mail links are printed as links; any other target (relative, file:, javascript:) as its text. */
export function isSafeLink(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}

// ---------------------------------------------------------------- data blocks

export type DataBlock = Internbudget | Investeringsbudget | Målområde | TextTable | GenericTable | Bedömningar;

interface BlockCommon {
  id: string;
  rubrik?: string;
  not?: string;
}

/** An amount cell: the value, and whether the model computed it (true) or the author stated it. */
export interface Amount {
  value: number | null;
  computed: boolean;
}

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

// ---------------------------------------------------------------- goals

/** A value as measured: a number with unit, or text; possibly per sub-group. */
export type MeasuredValue =
  | { kind: 'nytt' }
  | { kind: 'tal'; value: number; unit?: string; period?: string }
  | { kind: 'text'; text: string; period?: string }
  | { kind: 'grupper'; groups: { grupp: string; value: MeasuredValue }[] };

/** A target, parsed from what the author typed. */
export type Target =
  | { kind: 'tal'; value: number; unit?: '%' }
  | { kind: 'gräns'; op: '>' | '<' | '≥' | '≤'; value: number; unit?: '%' }
  | { kind: 'riktning'; riktning: 'öka' | 'minska' | 'bibehålla' | 'minska/bibehålla' }
  | { kind: 'samtliga' }
  | { kind: 'janej'; value: boolean }
  | { kind: 'tolerans'; value: number; unit?: '%' }
  | { kind: 'grupper'; groups: { grupp: string; target: Target }[] };

export interface Indicator {
  id: string;
  mått: string;
  datakälla?: string;
  kolada?: string;
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

export interface BoardGoal {
  id: string;
  text: string;
  indikatorer: Indicator[];
  bedömning?: Assessment;
}

export interface CouncilGoal {
  id: string;
  text: string;
  uppföljning?: 'D/B' | 'B' | 'D';
  ansvariga: string[];
  anmärkning?: string;
  beslutatAv?: string;
  nämndmål: BoardGoal[];
  bedömning?: Assessment;
}

export interface Målområde extends BlockCommon {
  kind: 'målområde';
  namn: string;
  beskrivning?: string;
  kfMål: CouncilGoal[];
  /** The target years shown as columns: the report's period. */
  målår: string[];
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
  nivå: 'kf-mål' | 'nämndmål';
  områden: { namn: string; goals: { text: string; bedömning: Assessment }[]; summary: StatusCounts }[];
  totalt: StatusCounts;
}
