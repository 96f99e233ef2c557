/**
 * Tables compared by section, table, row label and column heading (through the
 * same table views the renderers print), and charts by their id; a chart's
 * figures are those of the block it draws, compared there.
 */
import type { ChartItem, ReportSnapshot, SectionSnapshot, TableSnapshot } from '../review/snapshot.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Change } from './types.ts';
import { matchItems } from './match.ts';
import { figureDifference, wordDiff } from './words.ts';

function tables(snap: ReportSnapshot): { key: string; section: SectionSnapshot; table: TableSnapshot }[] {
  return snap.sections.flatMap((section) => section.items.flatMap((item) => (item.kind === 'table' && item.table.role === 'siffror' ? [{ key: `${section.id}/${item.table.id}`, section, table: item.table }] : [])));
}

const rowSummary = (t: TableSnapshot, cells: string[]) =>
  cells
    .slice(1)
    .map((c, i) => (c ? `${t.columns[i + 1] ?? ''}: ${c}` : ''))
    .filter(Boolean)
    .join('; ');

export function compareTables(older: ReportSnapshot, newer: ReportSnapshot, format: FormatOptions): Change[] {
  const changes: Change[] = [];
  const olds = tables(older);
  const news = tables(newer);
  const oldByKey = new Map(olds.map((t) => [t.key, t]));
  const newKeys = new Set(news.map((t) => t.key));
  for (const n of news) {
    const o = oldByKey.get(n.key);
    const where = [n.section.rubrik, n.table.caption];
    if (!o) {
      changes.push({ group: 'siffror', where: [n.section.rubrik], subject: n.table.caption, what: 'Tabell tillagd', new: `${n.table.rows.filter((r) => r.kind !== 'group').length} rader` });
      continue;
    }
    if (o.table.caption !== n.table.caption) changes.push({ group: 'siffror', where: [n.section.rubrik], subject: n.table.caption, what: 'Ändrad tabellrubrik', old: o.table.caption, new: n.table.caption });
    changes.push(...compareTable(o.table, n.table, where, format));
  }
  for (const o of olds) {
    if (!newKeys.has(o.key)) changes.push({ group: 'siffror', where: [o.section.rubrik], subject: o.table.caption, what: 'Tabell borttagen', old: `${o.table.rows.filter((r) => r.kind !== 'group').length} rader` });
  }
  return changes;
}

export function compareTable(o: TableSnapshot, n: TableSnapshot, where: string[], format: FormatOptions): Change[] {
  const changes: Change[] = [];
  const change = (c: Omit<Change, 'group' | 'where'>) => changes.push({ group: 'siffror', where, ...c });

  // Columns by heading; column 0 holds the row labels.
  const oldColumns = new Map(o.columns.map((c, i) => [c, i] as const).slice(1));
  const newColumns = new Map(n.columns.map((c, i) => [c, i] as const).slice(1));
  for (const [c] of newColumns) if (!oldColumns.has(c)) change({ subject: 'Kolumner', what: 'Kolumn tillagd', new: c });
  for (const [c] of oldColumns) if (!newColumns.has(c)) change({ subject: 'Kolumner', what: 'Kolumn borttagen', old: c });
  // A changed sign convention turns every net cost around: said once, before the figures.
  const defaultSign = 'standard (nettokostnad_tecken: negativ)';
  if ((o.tecken ?? '') !== (n.tecken ?? '')) change({ subject: 'Tecken för nettokostnad', what: 'Ändrad teckenkonvention', old: o.tecken ?? defaultSign, new: n.tecken ?? defaultSign });

  const oldRows = o.rows.filter((r) => r.kind !== 'group');
  const newRows = n.rows.filter((r) => r.kind !== 'group');
  const pairs = matchItems(
    oldRows.map((r) => ({ id: r.label, stated: false, text: r.label })),
    newRows.map((r) => ({ id: r.label, stated: false, text: r.label })),
  );
  const matchedOld = new Set(pairs.map(([i]) => i));
  const matchedNew = new Map(pairs.map(([i, j]) => [j, i]));
  newRows.forEach((nr, j) => {
    const i = matchedNew.get(j);
    if (i === undefined) {
      change({ subject: nr.label, what: 'Rad tillagd', new: rowSummary(n, nr.cells) || '–' });
      return;
    }
    const or = oldRows[i]!;
    if (or.label !== nr.label) change({ subject: nr.label, what: 'Ändrat radnamn', old: or.label, new: nr.label });
    for (const [heading, nc] of newColumns) {
      const oc = oldColumns.get(heading);
      if (oc === undefined) continue;
      const before = or.cells[oc] ?? '';
      const after = nr.cells[nc] ?? '';
      if (before === after) continue;
      const difference = figureDifference(or.figures[oc], nr.figures[nc], format);
      // A long text cell (a fokusområde's omhändertagande, a project's syfte) is compared word by word.
      const words = difference === undefined && before && after && Math.max(before.length, after.length) > 40 ? wordDiff(before, after) : undefined;
      change({ subject: nr.label, what: heading, old: before || '–', new: after || '–', difference, words });
    }
  });
  oldRows.forEach((or, i) => {
    if (!matchedOld.has(i)) change({ subject: or.label, what: 'Rad borttagen', old: rowSummary(o, or.cells) || '–' });
  });
  if ((o.note ?? '') !== (n.note ?? '')) change({ subject: 'Not under tabellen', what: 'Ändrad text', old: o.note ?? '–', new: n.note ?? '–', words: wordDiff(o.note ?? '', n.note ?? '') });
  return changes;
}

function charts(snap: ReportSnapshot): { section: SectionSnapshot; chart: ChartItem }[] {
  return snap.sections.flatMap((section) => section.items.flatMap((item) => (item.kind === 'chart' ? [{ section, chart: item.chart }] : [])));
}

/** Charts added, removed or retitled; their figures are those of the block they draw, compared there. */
export function compareCharts(older: ReportSnapshot, newer: ReportSnapshot): Change[] {
  const changes: Change[] = [];
  const olds = charts(older);
  const news = charts(newer);
  const oldById = new Map(olds.map((c) => [c.chart.id, c]));
  const newIds = new Set(news.map((c) => c.chart.id));
  for (const n of news) {
    const o = oldById.get(n.chart.id);
    if (!o) changes.push({ group: 'siffror', where: [n.section.rubrik], subject: n.chart.rubrik, what: 'Diagram tillagt', new: n.chart.alt || n.chart.rubrik });
    else if (o.chart.rubrik !== n.chart.rubrik) changes.push({ group: 'siffror', where: [n.section.rubrik], subject: n.chart.rubrik, what: 'Ändrad diagramrubrik', old: o.chart.rubrik, new: n.chart.rubrik });
  }
  for (const o of olds) if (!newIds.has(o.chart.id)) changes.push({ group: 'siffror', where: [o.section.rubrik], subject: o.chart.rubrik, what: 'Diagram borttaget', old: o.chart.rubrik });
  return changes;
}
