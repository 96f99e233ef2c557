/**
 * A report as reviewers compare it: its facts, and per section the prose
 * paragraphs, the tables (as labelled rows and columns, read from the same
 * table views every renderer prints) and the goals (with their targets,
 * outcomes and assessments as words). Built once from the report's views
 * (src/render/views); the review text (src/review/text.ts) prints it and
 * src/diff compares two of them.
 *
 * Everything here is generic over block kinds: tables come from the block
 * views (table-snapshot.ts), goals from goalGroup() (goal-nodes.ts), the one
 * place that knows which blocks hold goals.
 */
import type { DataBlock, Report } from '../model/types.ts';
import { isProseBlock } from '../model/types.ts';
import { reportView, type ReportView } from '../render/views/blocks.ts';
import type { TitlePageFact } from '../render/views/document.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Figure } from './figures.ts';
import { goalGroup } from './goal-nodes.ts';
import { tableSnapshot } from './table-snapshot.ts';
import { proseItems } from './prose-items.ts';

export { goalGroup, indicatorNode, type GoalContext } from './goal-nodes.ts';
export { tableSnapshot } from './table-snapshot.ts';
export { proseItems } from './prose-items.ts';

export interface ReportSnapshot {
  id: string;
  titel: string;
  format: FormatOptions;
  /** The report's facts: "Titel", "Nämnd", "Period", "Status" … in print order. */
  meta: Field[];
  sections: SectionSnapshot[];
}

export interface SectionSnapshot {
  id: string;
  /** The heading as printed: "Bilaga 2. Uppföljning av uppdrag", "3 Ekonomi". */
  rubrik: string;
  /** The section's number when headings are numbered ("3"); the rubrik starts with it. */
  nummer?: string;
  items: SectionItem[];
}

export type SectionItem = { kind: 'prose'; prose: ProseItem } | { kind: 'table'; table: TableSnapshot } | { kind: 'goals'; goals: GoalGroup } | { kind: 'chart'; chart: ChartItem };

export interface ProseItem {
  type: 'rubrik' | 'stycke' | 'punkt' | 'citat' | 'bild';
  /** The paragraph's text on one line, markup removed; images as "[Bild: alt …]". Headings as "## Driftbudget", without their number. */
  text: string;
  /** A numbered heading's number ("3.1"), kept apart from its text so that a renumbering alone changes no text. */
  nummer?: string;
}

/** A prose item as printed: a numbered heading with its number ("## 3.1 Driftbudget"). */
export function proseLine(p: ProseItem): string {
  return p.nummer ? p.text.replace(/^#+ /, (marks) => `${marks}${p.nummer} `) : p.text;
}

export interface ChartItem {
  id: string;
  rubrik: string;
  alt: string;
}

/**
 * What a table stands for when two versions are compared: its own figures
 * (siffror), goals that are compared through the model instead (mål), or
 * figures repeated from another block (avledd: charts, the indicator table).
 */
export type TableRole = 'siffror' | 'mål' | 'avledd';

export interface TableSnapshot {
  /** The data block's id. */
  blockId: string;
  /** The table view's id (a block may print several tables). */
  id: string;
  caption: string;
  role: TableRole;
  /** Header text per column, several header rows joined: "Målvärde 2025". Column 0 holds the row labels. */
  columns: string[];
  rows: TableRowSnapshot[];
  note?: string;
  /** A sign convention other than the default, in words: "nettokostnad = −(intäkter + kostnader) …". */
  tecken?: string;
}

export interface TableRowSnapshot {
  /** The row's label: its first cell, after the group row above it ("INTÄKTER › 54 Individ och familjeomsorg"); unique in the table. */
  label: string;
  /** How many leading columns the label is made of (more than 1 only where the first column repeats). */
  labelColumns: number;
  kind: 'data' | 'group' | 'subtotal' | 'total';
  /** Cell text per column (column 0 included), lines joined with " / ", symbols as their words. */
  cells: string[];
  /** The number behind each cell, as the table view carries it from the model; absent for a text. */
  figures: (Figure | undefined)[];
}

export type GoalLevel = 'kf-mål' | 'nämndmål' | 'mål' | 'resultatmål' | 'indikator' | 'uppdrag';

export const goalLevelNames: Record<GoalLevel, string> = {
  'kf-mål': 'KF-mål',
  nämndmål: 'Nämndmål',
  mål: 'Mål',
  resultatmål: 'Resultatmål',
  indikator: 'Indikator',
  uppdrag: 'Uppdrag',
};

/** What a goal's field is, for grouping changes: a target, an outcome or baseline, an assessment or trend, or another fact. */
export type FieldKind = 'målvärde' | 'utfall' | 'bedömning' | 'uppgift';

export interface Field {
  /** Stable key for comparison: "målvärde:2025". */
  key: string;
  /** As readers see it: "Målvärde 2025". */
  label: string;
  value: string;
  kind: FieldKind;
  /** The number behind a plain figure (a target, an outcome), from the model. */
  figure?: Figure;
}

export interface GoalNode {
  level: GoalLevel;
  id: string;
  /** Whether the author gave the id (else it was derived from the text, and changes with it). */
  statedId: boolean;
  text: string;
  fields: Field[];
  kommentar: string[];
  children: GoalNode[];
}

/** The goals of one data block. */
export interface GoalGroup {
  blockId: string;
  kind: DataBlock['kind'];
  /** "Målområde: Hållbar utveckling", "Resultatmål: …", "Uppdrag". */
  rubrik: string;
  nodes: GoalNode[];
}

// ---------------------------------------------------------------- building

export function snapshot(report: Report, view: ReportView = reportView(report)): ReportSnapshot {
  const format = report.profile.format;
  const { facts } = view;
  const meta: Field[] = [];
  // Keys stay ours (the diff matches on them); labels are the municipality's, as on the title page.
  const fact = (key: string, value: string | undefined, label = key) => {
    if (value) meta.push({ key: key.toLowerCase(), label, value, kind: 'uppgift' });
  };
  const titlePageFact = (key: TitlePageFact['key']) => {
    const f = view.titlePage.facts.find((x) => x.key === key);
    if (f) fact(key.charAt(0).toUpperCase() + key.slice(1), f.value, f.label);
  };
  fact('Titel', facts.title);
  fact('Undertitel', report.meta.undertitel);
  fact('Typ', facts.typ);
  fact('Kommun', facts.kommun);
  fact('Nämnd', facts.nämnd);
  titlePageFact('förvaltning');
  fact('Period', facts.period);
  fact('Status', facts.adoption);
  fact('Datum', facts.datum);
  titlePageFact('ordförande');
  titlePageFact('ansvarig chef');
  // Which outcomes came from Kolada (kolada.yaml) and when they were fetched: a new fetch shows here too.
  if (report.kolada) fact('Utfall från Kolada', `kolada.yaml, hämtad ${report.kolada.hämtad}, ${report.kolada.kommun}: ${report.kolada.utfall.map((u) => `${u.kpi} ${u.år.join(', ')}`).join('; ') || 'inga (alla utfall står i innehållet)'}`);

  const sections: SectionSnapshot[] = [];
  if (view.förord.length) sections.push({ id: 'förord', rubrik: 'Förord', items: proseItems(view.förord).map((prose) => ({ kind: 'prose', prose })) });
  report.sections.forEach((s, i) => {
    const sectionView = view.sections[i]!;
    const items: SectionItem[] = [];
    s.blocks.forEach((block, j) => {
      const blockView = sectionView.blocks[j]!;
      if (isProseBlock(block) || blockView.kind === 'prose') {
        if (blockView.kind === 'prose') items.push(...proseItems([blockView.block]).map((prose): SectionItem => ({ kind: 'prose', prose })));
        return;
      }
      const role = tableRole(block);
      // A chart is drawn where visa is not 'tabell'; its data table may stand in an appendix as well.
      if (blockView.kind === 'diagram' && blockView.chart) items.push({ kind: 'chart', chart: { id: blockView.id, rubrik: blockView.rubrik, alt: blockView.chart.alt } });
      for (const table of blockView.tables) items.push({ kind: 'table', table: tableSnapshot(table, block.id, role) });
      const goals = goalGroup(block, blockView, { format, ord: report.profile.ord });
      if (goals) items.push({ kind: 'goals', goals });
    });
    sections.push({ id: sectionView.id, rubrik: sectionView.rubrik, ...(sectionView.nummer ? { nummer: sectionView.nummer } : {}), items });
  });
  return { id: report.id, titel: facts.title, format, meta, sections };
}

/** Which tables hold figures of their own, per kind of block. A new block kind must be placed here (TypeScript says so). */
const tableRoles: { [K in DataBlock['kind']]: TableRole | ((block: Extract<DataBlock, { kind: K }>) => TableRole) } = {
  internbudget: 'siffror',
  investeringsbudget: 'siffror',
  ramförändring: 'siffror',
  nyckeltal: 'siffror',
  utvecklingsarbete: 'siffror',
  fokusområden: 'siffror',
  tabell: 'siffror',
  driftredovisning: 'siffror',
  investeringsredovisning: 'siffror',
  personalnyckeltal: 'siffror',
  // The counts per status are figures of the report; a list of goals with their assessments repeats the goals' own.
  bedömningar: (block) => (block.visa === 'mål' ? 'avledd' : 'siffror'),
  målområde: 'mål',
  måltabell: 'mål',
  resultatmål: 'mål',
  uppdrag: 'mål',
  indikatortabell: 'avledd',
  diagram: 'avledd',
};

export function tableRole(block: DataBlock): TableRole {
  const role = tableRoles[block.kind] as TableRole | ((block: DataBlock) => TableRole);
  return typeof role === 'function' ? role(block) : role;
}
