/**
 * A report as reviewers compare it: its facts, and per section the prose
 * paragraphs, the tables (as labelled rows and columns, read from the same
 * table views every renderer prints) and the goals (with their targets,
 * outcomes and assessments as words). Built once from the computed model; the
 * review text (src/review/text.ts) prints it and src/diff compares two of them.
 *
 * Everything here is generic over block kinds: tables come from tableViews(),
 * goals from goalGroup() below, the one place that knows which blocks hold goals.
 */
import type { DataBlock, Goal, Indicator, Inline, ProseBlock, Report } from '../model/types.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { isProseBlock } from '../model/types.ts';
import { statusWords, trendWords, uppdragWords } from '../model/assessment/types.ts';
import { sha256 } from '../output/cache.ts';
import { inlineText } from '../content/markdown.ts';
import { globalGoalLabel } from '../model/agenda2030.ts';
import { tableViews, viewContext, type TableView } from '../render/views/table-view.ts';
import { sectionTitle, periodText, statusLine, reportTypeNames } from '../render/views/document.ts';
import { formatMeasured, formatOutcome, formatTarget } from '../format/values.ts';
import type { FormatOptions } from '../format/swedish.ts';
import { measuredFigure, outcomeFigure, targetFigure, type Figure } from './figures.ts';

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

export function snapshot(report: Report): ReportSnapshot {
  const ctx = viewContext(report);
  const format = report.profile.format;
  const meta: Field[] = [];
  // Keys stay ours (the diff matches on them); labels are the municipality's.
  const fact = (key: string, value: string | undefined, label = key) => {
    if (value) meta.push({ key: key.toLowerCase(), label, value, kind: 'uppgift' });
  };
  const { labels } = report.profile.ord;
  fact('Titel', report.meta.titel);
  fact('Undertitel', report.meta.undertitel);
  fact('Typ', reportTypeNames[report.type]);
  fact('Kommun', report.profile.namn);
  fact('Nämnd', report.meta.nämnd);
  fact('Förvaltning', report.meta.förvaltning, labels.förvaltning);
  fact('Period', periodText(report));
  fact('Status', statusLine(report));
  fact('Datum', report.meta.datum);
  fact('Ordförande', report.meta.ordförande, labels.ordförande);
  fact('Ansvarig chef', report.meta.ansvarigChef, labels.ansvarig_chef);
  // Which outcomes came from Kolada (kolada.yaml) and when they were fetched: a new fetch shows here too.
  if (report.kolada) fact('Utfall från Kolada', `kolada.yaml, hämtad ${report.kolada.hämtad}, ${report.kolada.kommun}: ${report.kolada.utfall.map((u) => `${u.kpi} ${u.år.join(', ')}`).join('; ') || 'inga (alla utfall står i innehållet)'}`);

  const sections: SectionSnapshot[] = [];
  if (report.meta.förord.length) sections.push({ id: 'förord', rubrik: 'Förord', items: proseItems(report.meta.förord).map((prose) => ({ kind: 'prose', prose })) });
  for (const s of report.sections) {
    const items: SectionItem[] = [];
    for (const block of s.blocks) {
      if (isProseBlock(block)) {
        items.push(...proseItems([block]).map((prose): SectionItem => ({ kind: 'prose', prose })));
        continue;
      }
      const role = tableRole(block);
      // A chart is drawn where visa is not 'tabell'; its data table may stand in an appendix as well.
      if (block.kind === 'diagram' && block.visa !== 'tabell') items.push({ kind: 'chart', chart: { id: block.id, rubrik: block.rubrik, alt: block.alt } });
      for (const view of tableViews(block, ctx)) items.push({ kind: 'table', table: tableSnapshot(view, block.id, role) });
      const goals = goalGroup(block, { format, ord: report.profile.ord });
      if (goals) items.push({ kind: 'goals', goals });
    }
    sections.push({ id: s.id, rubrik: sectionTitle(s), ...(s.nummer ? { nummer: s.nummer } : {}), items });
  }
  return { id: report.id, titel: report.meta.titel, format, meta, sections };
}

function assertNever(x: never): never {
  throw new Error(`Okänd blocktyp: ${JSON.stringify(x)}`);
}

/** Which tables hold figures of their own. A new block kind must be placed here (TypeScript says so). */
export function tableRole(block: DataBlock): TableRole {
  switch (block.kind) {
    case 'internbudget':
    case 'investeringsbudget':
    case 'ramförändring':
    case 'nyckeltal':
    case 'utvecklingsarbete':
    case 'fokusområden':
    case 'tabell':
    case 'driftredovisning':
    case 'investeringsredovisning':
    case 'personalnyckeltal':
      return 'siffror';
    // The counts per status are figures of the report; a list of goals with their assessments repeats the goals' own.
    case 'bedömningar':
      return block.visa === 'mål' ? 'avledd' : 'siffror';
    case 'målområde':
    case 'måltabell':
    case 'resultatmål':
    case 'uppdrag':
      return 'mål';
    case 'indikatortabell':
    case 'diagram':
      return 'avledd';
    default:
      return assertNever(block);
  }
}

/**
 * The goals a block holds, compared goal by goal. A new kind of goal source is
 * a case here that maps its goals onto goalNode()/indicatorNode().
 */
export function goalGroup(block: DataBlock, ctx: GoalContext): GoalGroup | undefined {
  const { format } = ctx;
  const indicators = (goal: Goal) => goal.indikatorer.map((i) => indicatorNode(i, ctx, goal.text));
  const agenda = (goal: Goal) => field('uppgift', 'agenda2030', 'Agenda 2030', goal.agenda2030.map(globalGoalLabel).join('; '));
  const ownGoal = (goal: Goal & { målområde?: { namn: string } }) =>
    goalNode('mål', goal, goal.text, [field('uppgift', 'målområde', 'Målområde', goal.målområde?.namn), agenda(goal), ...assessmentFields(goal.bedömning, ctx)], [], indicators(goal));
  switch (block.kind) {
    case 'målområde':
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: `Målområde: ${block.namn}`,
        nodes: [
          ...block.kfMål.map((kf) =>
            goalNode('kf-mål', kf, kf.text, [
              field('uppgift', 'uppföljning', 'Uppföljning', kf.uppföljning),
              field('uppgift', 'ansvariga', ctx.ord.labels.ansvariga, kf.ansvariga.join(', ')),
              field('uppgift', 'anmärkning', 'Anmärkning', kf.anmärkning),
              field('uppgift', 'beslutat-av', 'Beslutat av', kf.beslutatAv),
              agenda(kf),
              ...assessmentFields(kf.bedömning, ctx),
            ], [], [...indicators(kf), ...kf.nämndmål.map((nm) => goalNode('nämndmål', nm, nm.text, [agenda(nm), ...assessmentFields(nm.bedömning, ctx)], [], indicators(nm)))]),
          ),
          ...block.mål.map(ownGoal),
        ],
      };
    case 'måltabell':
      return { blockId: block.id, kind: block.kind, rubrik: block.rubrik, nodes: block.mål.map(ownGoal) };
    case 'resultatmål':
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: `Övergripande mål: ${block.övergripandeMål}`,
        nodes: block.mål.map((m) =>
          goalNode('resultatmål', m, m.text, [
            field('uppgift', 'huvudansvar', 'Huvudansvar', m.huvudansvar),
            field('uppgift', 'medansvariga', 'Medansvariga', m.medansvariga.join(', ')),
            field('uppgift', 'agenda2030', 'Agenda 2030', m.agenda2030.map(globalGoalLabel).join('; ')),
            ...assessmentFields(m.bedömning, ctx),
          ], m.kommentar, indicators(m)),
        ),
      };
    case 'uppdrag':
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: block.rubrik ?? 'Uppdrag',
        nodes: block.items.map((u) =>
          goalNode('uppdrag', u, [u.rubrik, u.text].filter(Boolean).join(': '), [
            field('uppgift', 'område', 'Område', u.område),
            field('uppgift', 'huvudansvar', 'Huvudansvar', u.huvudansvar),
            field('uppgift', 'ansvariga', ctx.ord.labels.ansvariga, u.ansvariga.join(', ')),
            field('uppgift', 'slutdatum', 'Slutdatum', u.slutdatum),
            field('bedömning', 'status', 'Status', uppdragWords[u.status]),
          ], u.kommentar, []),
        ),
      };
    case 'internbudget':
    case 'investeringsbudget':
    case 'ramförändring':
    case 'nyckeltal':
    case 'utvecklingsarbete':
    case 'fokusområden':
    case 'tabell':
    case 'bedömningar':
    case 'driftredovisning':
    case 'investeringsredovisning':
    case 'personalnyckeltal':
    case 'indikatortabell':
    case 'diagram':
      return undefined;
    default:
      return assertNever(block);
  }
}

function goalNode(level: GoalLevel, goal: { id: string; idAngivet: boolean }, text: string, fields: (Field | undefined)[], kommentar: string[], children: GoalNode[]): GoalNode {
  return { level, id: goal.id, statedId: goal.idAngivet, text, fields: fields.filter((f): f is Field => f !== undefined), kommentar, children };
}

function field(kind: FieldKind, key: string, label: string, value: string | undefined, figure?: Figure): Field | undefined {
  return value ? { key, label, value, kind, ...(figure ? { figure } : {}) } : undefined;
}

function assessmentFields(a: { status: keyof typeof statusWords; source: string; motivering?: string } | undefined, ctx: GoalContext): (Field | undefined)[] {
  if (!a) return [];
  return [
    field('bedömning', 'bedömning', ctx.ord.labels.bedömning, ctx.ord.status[a.status]),
    field('bedömning', 'motivering', 'Motivering till bedömningen', a.source !== 'beräknad' ? a.motivering : undefined),
  ];
}

const lines = (l: string[]) => l.join(' / ');

/** What a goal or indicator is written with: the number format and the municipality's words. */
export interface GoalContext {
  format: FormatOptions;
  ord: Vocabulary;
}

/** An indicator; one without a mått (the goal is its own measure) goes by its goal's text. */
export function indicatorNode(ind: Indicator, ctx: GoalContext, goalText: string): GoalNode {
  const { format } = ctx;
  const { labels } = ctx.ord;
  const years = (r: Record<string, unknown>) => Object.keys(r).sort();
  return goalNode(
    'indikator',
    ind,
    ind.mått ?? goalText,
    [
      field('uppgift', 'datakälla', 'Datakälla', ind.datakälla),
      field('uppgift', 'kolada', 'Kolada', ind.kolada),
      field('uppgift', 'riktning', 'Riktning', ind.riktning === 'lägre' ? 'Lägre är bättre' : 'Högre är bättre'),
      field('utfall', 'ingångsvärde', labels.ingångsvärde, ind.ingångsvärde ? lines(formatMeasured(ind.ingångsvärde, format)) : undefined, ind.ingångsvärde && measuredFigure(ind.ingångsvärde)),
      ...years(ind.målvärden).map((y) => field('målvärde', `målvärde:${y}`, `${labels.målvärde} ${y}`, lines(formatTarget(ind.målvärden[y]!, format)), targetFigure(ind.målvärden[y]!))),
      ...years(ind.utfall).map((y) => field('utfall', `utfall:${y}`, `${labels.utfall} ${y}`, lines(formatOutcome(ind.utfall[y]!, format)), outcomeFigure(ind.utfall[y]!))),
      field('bedömning', 'trend', labels.trend, ind.trend ? trendWords[ind.trend.trend] : undefined),
      field('bedömning', 'trend-motivering', 'Motivering till trenden', ind.trend?.source === 'åsidosatt' ? ind.trend.motivering : undefined),
      ...assessmentFields(ind.bedömning, ctx),
    ],
    [],
    [],
  );
}

// ---------------------------------------------------------------- tables

/** Header text per column, and body rows with every column filled in (spanned cells repeated), from a table view. */
export function tableSnapshot(view: TableView, blockId: string, role: TableRole): TableSnapshot {
  const headGrid = expand(view.head.map((row) => row.map((c) => ({ text: c.text, colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const width = Math.max(0, ...headGrid.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => {
    const parts: string[] = [];
    for (const row of headGrid) {
      const t = row[i]?.trim();
      if (t && parts.at(-1) !== t) parts.push(t);
    }
    return parts.join(' ');
  });
  const bodyGrid = expand(view.body.map((row) => row.cells.map((c) => ({ text: cellText(c), colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const figureGrid = expand(view.body.map((row) => row.cells.map((c) => ({ text: c.number, colSpan: c.colSpan, rowSpan: c.rowSpan }))));
  const rows: TableRowSnapshot[] = [];
  let group = '';
  view.body.forEach((row, r) => {
    const cells = bodyGrid[r] ?? [];
    const first = cells[0] ?? '';
    if (row.kind === 'group') group = first;
    // A total closes the whole table or a part of it named in its own label ("S:a Intäkter"): no group prefix.
    const label = row.kind === 'group' || row.kind === 'total' || !group ? first : `${group} › ${first}`;
    const columns = row.kind === 'group' ? 1 : Math.max(width, cells.length);
    rows.push({ label, labelColumns: 1, kind: row.kind, cells: Array.from({ length: columns }, (_, i) => cells[i] ?? ''), figures: Array.from({ length: columns }, (_, i) => figureGrid[r]?.[i]) });
  });
  uniqueLabels(rows);
  return { blockId, id: view.id, caption: view.caption, role, columns, rows, note: view.note, ...(view.tecken ? { tecken: view.tecken } : {}) };
}

/**
 * Rows that share a label (a KF-mål spanning several indicator rows) are told
 * apart by the next columns: "Äldre känner sig trygga › Nöjdheten ökar › Nöjdhet
 * hemtjänst"; a counter only when the whole row repeats.
 */
function uniqueLabels(rows: TableRowSnapshot[]): void {
  const duplicates = () => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.label, (counts.get(r.label) ?? 0) + 1);
    return rows.filter((r) => r.kind !== 'group' && counts.get(r.label)! > 1);
  };
  for (let dup = duplicates(); dup.length; dup = duplicates()) {
    const extendable = dup.filter((r) => r.labelColumns < r.cells.length);
    if (extendable.length === 0) break;
    for (const r of extendable) {
      const next = r.cells[r.labelColumns] ?? '';
      if (next) r.label = `${r.label} › ${next}`;
      r.labelColumns++;
    }
  }
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = (seen.get(r.label) ?? 0) + 1;
    seen.set(r.label, n);
    if (n > 1) r.label = `${r.label} (${n})`;
  }
}

function cellText(c: TableView['body'][number]['cells'][number]): string {
  const parts = [lines(c.lines.filter((l) => l !== ''))];
  // A mark's meaning in words: "X (planerad)", "91 000 (angiven, kan inte kontrolleras)".
  if (c.meaning) parts.push(`(${c.meaning.toLowerCase()})`);
  if (c.link) parts.push(`(${c.link.text})`);
  if (c.footnote) parts.push(`[not: ${c.footnote}]`);
  return parts.filter(Boolean).join(' ');
}

/** Lays out cells with row and column spans on a grid; a spanned cell's text (or figure) fills every slot it covers. */
function expand<T>(rows: { text: T; colSpan?: number; rowSpan?: number }[][]): (T | undefined)[][] {
  const grid: (T | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (col in grid[r]!) col++;
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) grid[r + dr]![col + dc] = cell.text;
      }
      col += cell.colSpan ?? 1;
    }
  });
  return grid.map((row) => Array.from({ length: row.length }, (_, i) => row[i]));
}

// ---------------------------------------------------------------- prose

/** Prose as one line per paragraph, heading, list item or image. */
export function proseItems(blocks: readonly ProseBlock[], depth = 0): ProseItem[] {
  const items: ProseItem[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        items.push({ type: 'rubrik', text: `${'#'.repeat(b.level)} ${inline(b.content)}`, ...(b.nummer ? { nummer: b.nummer } : {}) });
        break;
      case 'paragraph':
        items.push({ type: 'stycke', text: inline(b.content) });
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const marker = `${'  '.repeat(depth)}${b.ordered ? `${i + 1}.` : '•'} `;
          const own = item.filter((x) => x.kind !== 'list');
          const text = proseItems(own, depth).map((p) => p.text).join(' ');
          items.push({ type: 'punkt', text: `${marker}${text}` });
          items.push(...proseItems(item.filter((x) => x.kind === 'list'), depth + 1));
        });
        break;
      case 'quote':
        items.push(...proseItems(b.children, depth).map((p) => ({ type: 'citat' as const, text: `> ${p.text}` })));
        break;
      case 'image':
        items.push({ type: 'bild', text: `[Bild: ${b.alt} (${b.mime}, ${b.width}×${b.height} px, sha256 ${sha256(b.data).slice(0, 12)})]` });
        break;
    }
  }
  return items;
}

/** Inline text without markup on one line; links keep their address, so a changed link shows. */
function inline(content: readonly Inline[]): string {
  return inlineText(content, { linkAddresses: true }).replace(/\s+/g, ' ').trim();
}
