/**
 * Goal tables, laid out from whatever goal levels the municipality has: a
 * målområde's KF-mål (with nämndmål, with indicators of their own, or only
 * listed), its goals directly under it, and a måltabell whose goals name the
 * målområde they refer to. A level column is shown only when the table has
 * that level; the "Mått" column only when some indicator has a mått.
 */
import type { CouncilGoal, Goal, Indicator, Målområde, Måltabell } from '../../model/types.ts';
import { formatMeasured, formatTarget } from '../../format/values.ts';
import { formatList } from '../../format/swedish.ts';
import { legendOrder } from '../symbols.ts';
import { defaultLabels, type Labels } from '../../model/vocabulary.ts';
import { assessmentCell, koladaUrl, outcomeCell, text, trendCell, type CellView, type HeaderCellView, type RowView, type TableView, type ViewContext } from './cells.ts';
import { fieldLabels } from './labels.ts';

/** One table row's goal: the text of each level (undefined where a level is skipped) and its indicator, if any. */
interface GoalRow {
  levels: ({ goal: Goal; span: number } | { skip: number } | 'spanned')[];
  indicator?: Indicator;
}

/** "Agenda 2030: mål 3 och 11", printed under a goal's text. */
export function agendaLine(numbers: readonly number[]): string | undefined {
  if (numbers.length === 0) return undefined;
  return `Agenda 2030: mål ${formatList(numbers.map(String))}`;
}

function goalLines(goal: Goal, suffix = ''): string[] {
  const agenda = agendaLine(goal.agenda2030);
  return [`${goal.text}${suffix}`, ...(agenda ? [agenda] : [])];
}

/**
 * Rows for a tree of goals, depth `levels` deep: each goal spans the rows of its indicators and sub-goals.
 * A goal with indicators of its own and sub-goals lists its own first, with the sub-goal column marked "–".
 * A goal with neither is left out (a KF-mål only listed) unless `keepBare`.
 */
function treeRows(goals: readonly { goal: Goal; children: Goal[] }[], levels: 1 | 2, keepBare: boolean): GoalRow[] {
  const rows: GoalRow[] = [];
  for (const { goal, children } of goals) {
    const groups: { sub?: Goal; indicators: (Indicator | undefined)[] }[] = [];
    if (goal.indikatorer.length || (keepBare && children.length === 0)) groups.push({ indicators: goal.indikatorer.length ? goal.indikatorer : [undefined] });
    if (levels === 2) for (const c of children) groups.push({ sub: c, indicators: c.indikatorer.length ? c.indikatorer : [undefined] });
    const span = groups.reduce((n, g) => n + g.indicators.length, 0);
    if (span === 0) continue;
    let first = true;
    for (const g of groups) {
      g.indicators.forEach((indicator, i) => {
        const top = first ? { goal, span } : 'spanned';
        const sub = levels === 1 ? [] : [i === 0 ? (g.sub ? { goal: g.sub, span: g.indicators.length } : { skip: g.indicators.length }) : 'spanned'];
        rows.push({ levels: [top, ...sub] as GoalRow['levels'], indicator });
        first = false;
      });
    }
  }
  return rows;
}

interface GoalTableSpec {
  id: string;
  caption: { plan: string; assessed: string };
  /** Column headings of the goal levels, outermost first. */
  levelHeadings: string[];
  rows: GoalRow[];
  målår: string[];
  note?: string;
  /** A text after a goal's own text: "(Mod och framtidstro)". */
  suffix?: (goal: Goal) => string;
}

const left = (t: string, extra: Partial<HeaderCellView> = {}): HeaderCellView => ({ text: t, align: 'left', scope: 'col', ...extra });
const right = (t: string, extra: Partial<HeaderCellView> = {}): HeaderCellView => ({ text: t, align: 'right', scope: 'col', ...extra });

/** Widths of the goal and mått columns: the full three-level table keeps its proportions, fewer columns share the space. */
function textWidths(n: number, total: number, full: number[]): number[] {
  if (n === full.length) return full;
  return Array.from({ length: n }, () => Math.round((total / n) * 100) / 100);
}

function measureCell(ind: Indicator | undefined): CellView {
  if (!ind) return text(['–']);
  const lines = [...(ind.mått ? [ind.mått] : []), ...(ind.datakälla ? [`Källa: ${ind.datakälla}`] : [])];
  return text(lines.length ? lines : ['–'], ind.kolada ? { link: { text: `Kolada ${ind.kolada}`, href: koladaUrl(ind.kolada) } } : {});
}

/** A goal table: the levels, Mått (when any indicator has one), then baseline and targets, or outcomes and assessments. */
function goalTable(spec: GoalTableSpec, ctx: ViewContext): TableView | undefined {
  if (spec.rows.length === 0) return undefined;
  const { format, ord } = ctx;
  const { labels } = ord;
  const withMeasure = spec.rows.some((r) => r.indicator?.mått || r.indicator?.datakälla || r.indicator?.kolada);
  const previousYear = String(Number(ctx.år) - 1);
  const body: RowView[] = spec.rows.map((row) => {
    const cells: CellView[] = [];
    row.levels.forEach((level, depth) => {
      if (level === 'spanned') return;
      const rowHeader = depth === 0;
      // A KF-mål's own indicators have no nämndmål: the column says so, over all their rows.
      if ('skip' in level) cells.push(text(labels.egna_indikatorer, { rowHeader, rowSpan: level.skip > 1 ? level.skip : undefined }));
      else cells.push(text(goalLines(level.goal, depth === 0 ? (spec.suffix?.(level.goal) ?? '') : ''), { rowSpan: level.span > 1 ? level.span : undefined, rowHeader }));
    });
    const ind = row.indicator;
    if (withMeasure) cells.push(measureCell(ind));
    if (ctx.assessed) {
      cells.push(outcomeCell(ind?.utfall[previousYear], format), outcomeCell(ind?.utfall[ctx.år], format), trendCell(ind?.trend));
      const t = ind?.målvärden[ctx.år];
      cells.push({ lines: t ? formatTarget(t, format) : ['–'], align: 'right' }, assessmentCell(ind?.bedömning, ord));
    } else {
      cells.push(text(ind?.ingångsvärde ? formatMeasured(ind.ingångsvärde, format) : ['–']));
      for (const year of spec.målår) {
        const t = ind?.målvärden[year];
        cells.push({ lines: t ? formatTarget(t, format) : [''], align: 'right' });
      }
    }
    return { kind: 'data', cells };
  });
  const textHeads = [...spec.levelHeadings, ...(withMeasure ? [labels.mått] : [])];
  if (ctx.assessed) {
    return {
      id: spec.id,
      caption: spec.caption.assessed,
      widths: [...textWidths(textHeads.length, 50, [16, 17, 17]), 8, 8, 12, 9, 13],
      head: [[...textHeads.map((h) => left(h)), right(`${labels.utfall} ${previousYear}`), right(`${labels.utfall} ${ctx.år}`), left(labels.trend), right(`${labels.målvärde} ${ctx.år}`), left(labels.bedömning)]],
      body,
      note: spec.note,
      wide: true,
      legend: [...legendOrder.status, ...legendOrder.trend],
      symbolSet: ctx.symbols,
    };
  }
  const years = spec.målår.length;
  return {
    id: spec.id,
    caption: spec.caption.plan,
    widths: [...textWidths(textHeads.length, 64, [22, 24, 18]), 13, ...Array.from({ length: years }, () => 23 / years)],
    head: [
      [...textHeads.map((h) => left(h, { rowSpan: 2 })), left(labels.ingångsvärde === defaultLabels.ingångsvärde ? `${labels.ingångsvärde} (år)` : labels.ingångsvärde, { rowSpan: 2 }), right(labels.målvärde, { colSpan: years, scope: 'colgroup' })],
      spec.målår.map((y) => right(y)),
    ],
    body,
    note: spec.note,
    wide: false,
  };
}

/** The table of a målområde's KF-mål: KF-mål | Nämndmål (when any) | Mått | … */
function councilGoalTable(b: Målområde, ctx: ViewContext, note: string | undefined): TableView | undefined {
  const withBoardGoals = b.kfMål.some((kf) => kf.nämndmål.length > 0);
  const { labels } = ctx.ord;
  return goalTable(
    {
      id: `${b.id}-måltabell`,
      caption: { plan: `Mål och mått: ${b.namn}`, assessed: `Mål, utfall och bedömning: ${b.namn}` },
      levelHeadings: withBoardGoals ? [labels.kf_mål, labels.nämndmål] : [labels.kf_mål],
      rows: treeRows(b.kfMål.map((kf) => ({ goal: kf, children: kf.nämndmål })), withBoardGoals ? 2 : 1, false),
      målår: b.målår,
      note,
    },
    ctx,
  );
}

/** The table of goals directly under a målområde, or of a måltabell. */
function ownGoalTable(id: string, caption: string, goals: readonly (Goal & { målområde?: { namn: string } })[], målår: string[], ctx: ViewContext, note: string | undefined): TableView | undefined {
  return goalTable(
    {
      id,
      caption: { plan: caption, assessed: caption },
      levelHeadings: [ctx.ord.labels.mål],
      rows: treeRows(goals.map((goal) => ({ goal, children: [] })), 1, true),
      målår,
      note,
      suffix: (g) => {
        const area = goals.find((x) => x.id === g.id)?.målområde;
        return area ? ` (${area.namn})` : '';
      },
    },
    ctx,
  );
}

/** KF-mål with their assessments, when the report assesses them: "KF-mål | Beslutat av | Bedömning". */
export function kfMålView(b: Målområde, ctx: ViewContext): TableView | undefined {
  if (!ctx.assessed || !b.kfMål.some((kf) => kf.bedömning)) return undefined;
  const withDecider = b.kfMål.some((kf) => kf.beslutatAv);
  return {
    id: `${b.id}-kf-mål`,
    caption: `Kommunfullmäktiges mål och bedömning: ${b.namn}`,
    widths: withDecider ? [62, 18, 20] : [78, 22],
    head: [[left(ctx.ord.labels.kf_mål), ...(withDecider ? [left(fieldLabels.beslutatAv)] : []), left(ctx.ord.labels.bedömning)]],
    body: b.kfMål.map((kf) => ({
      kind: 'data' as const,
      cells: [text(kfMålLine(kf), { rowHeader: true }), ...(withDecider ? [text(kf.beslutatAv ?? '')] : []), assessmentCell(kf.bedömning, ctx.ord)],
    })),
    wide: false,
    legend: legendOrder.status,
    symbolSet: ctx.symbols,
  };
}

/** Goals of one level with their assessments (rolled up or written), when the report assesses them: "Nämndmål | Bedömning". */
function assessedGoalsView(id: string, caption: string, heading: string, goals: readonly Goal[], ctx: ViewContext): TableView | undefined {
  const assessed = goals.filter((g) => g.bedömning);
  if (!ctx.assessed || assessed.length === 0) return undefined;
  return {
    id,
    caption,
    widths: [76, 24],
    head: [[left(heading), left(ctx.ord.labels.bedömning)]],
    body: assessed.map((g) => ({ kind: 'data' as const, cells: [text(g.text, { rowHeader: true }), assessmentCell(g.bedömning, ctx.ord)] })),
    wide: false,
    legend: legendOrder.status,
    symbolSet: ctx.symbols,
  };
}

/** The tables of a målområde or måltabell, in print order. */
export function goalViews(b: Målområde | Måltabell, reportCtx: ViewContext): TableView[] {
  const ctx = withBlockLabels(reportCtx, b.etiketter);
  const { labels } = ctx.ord;
  const views: (TableView | undefined)[] = [];
  if (b.kind === 'målområde') {
    const ownTable = b.mål.length > 0;
    views.push(
      kfMålView(b, ctx),
      assessedGoalsView(`${b.id}-nämndmål`, `Bedömning av ${goalLevelName('nämndmål', ctx).toLowerCase()}: ${b.namn}`, labels.nämndmål, b.kfMål.flatMap((kf) => kf.nämndmål), ctx),
      councilGoalTable(b, ctx, ownTable ? undefined : b.not),
      assessedGoalsView(`${b.id}-mål-bedömning`, `Bedömning av ${goalLevelName('mål', ctx)}: ${b.namn}`, labels.mål, b.mål, ctx),
      ownGoalTable(`${b.id}-mål`, `${labels.mål}: ${b.namn}`, b.mål, b.målår, ctx, b.not),
    );
  } else {
    views.push(
      assessedGoalsView(`${b.id}-bedömning`, `Bedömning: ${b.rubrik}`, labels.mål, b.mål, ctx),
      ownGoalTable(b.id, b.rubrik, b.mål, b.målår, ctx, b.not),
    );
  }
  return views.filter((v): v is TableView => v !== undefined);
}

/** The view context with a block's own labels over the report's. */
export function withBlockLabels(ctx: ViewContext, etiketter: Partial<Labels> | undefined): ViewContext {
  if (!etiketter) return ctx;
  return { ...ctx, ord: { ...ctx.ord, labels: { ...ctx.ord.labels, ...(Object.fromEntries(Object.entries(etiketter).filter(([, v]) => v)) as Partial<Labels>) } } };
}

/** A goal level's name in running text, in the municipality's words: "KF-mål", "nämndmål", "kommunstyrelsens mål". */
export function goalLevelName(nivå: 'kf-mål' | 'nämndmål' | 'mål' | 'resultatmål', ctx: Pick<ViewContext, 'ord'>): string {
  const { labels } = ctx.ord;
  const lower = (s: string) => (/^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
  switch (nivå) {
    case 'kf-mål':
      return labels.kf_mål;
    case 'nämndmål':
      return lower(labels.nämndmål);
    case 'mål':
      return lower(labels.mål);
    case 'resultatmål':
      return 'resultatmål';
  }
}

/** "Alla nämnder … (VON, KFN) (B)": a KF-mål as listed under "Kommunfullmäktiges mål". */
export function kfMålLine(kf: CouncilGoal): string {
  const parts = [kf.text];
  if (kf.ansvariga.length) parts.push(`(${kf.ansvariga.join(', ')})`);
  if (kf.uppföljning) parts.push(`(${kf.uppföljning})`);
  if (kf.anmärkning) parts.push(`– ${kf.anmärkning}`);
  const agenda = agendaLine(kf.agenda2030);
  if (agenda) parts.push(`(${agenda})`);
  return parts.join(' ');
}
