/**
 * Compares two versions of a report through their computed models, never
 * their bytes: the facts, every table's figures (by section, table, row label
 * and column heading, through the same table views the renderers print), every
 * goal's and indicator's targets, outcomes and assessments (matched by id, or
 * by place and text), and the prose, word by word.
 */
import { diffArrays } from 'diff';
import type { Report } from '../model/types.ts';
import { goalLevelNames, snapshot, type ChartItem, type Field, type GoalGroup, type GoalNode, type ProseItem, type ReportSnapshot, type SectionSnapshot, type TableSnapshot } from '../review/snapshot.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Change, ChangeGroup, ReportDiff } from './types.ts';
import { matchItems } from './match.ts';
import { figureDifference, similarity, wordDiff } from './words.ts';

export function compareReports(id: string, older: Report | undefined, newer: Report | undefined): ReportDiff {
  return compareSnapshots(id, older && snapshot(older), newer && snapshot(newer));
}

export function compareSnapshots(id: string, older: ReportSnapshot | undefined, newer: ReportSnapshot | undefined): ReportDiff {
  const titel = newer?.titel ?? older?.titel ?? id;
  if (!older && !newer) return { id, titel, state: 'oförändrad', changes: [] };
  if (!older) return { id, titel, state: 'tillagd', changes: [] };
  if (!newer) return { id, titel, state: 'borttagen', changes: [] };
  const format = newer.format;
  const changes: Change[] = [
    ...compareFields(older.meta, newer.meta, [], 'Rapporten', format),
    ...compareTables(older, newer, format),
    ...compareCharts(older, newer),
    ...compareGoals(older, newer, format),
    ...compareProse(older, newer),
  ];
  return { id, titel, state: changes.length ? 'ändrad' : 'oförändrad', changes };
}

// ---------------------------------------------------------------- helpers

/** A goal's or row's text shortened for a heading: whole words, at most `max` characters. */
export function shorten(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}

const groupOfField: Record<Field['kind'], ChangeGroup> = { målvärde: 'målvärden', utfall: 'utfall', bedömning: 'bedömningar', uppgift: 'mål' };

function compareFields(olds: readonly Field[], news: readonly Field[], where: string[], subject: string, format: FormatOptions, group?: ChangeGroup): Change[] {
  const changes: Change[] = [];
  const oldByKey = new Map(olds.map((f) => [f.key, f]));
  const newKeys = new Set(news.map((f) => f.key));
  const ordered = [...news.map((f) => f.key), ...olds.filter((f) => !newKeys.has(f.key)).map((f) => f.key)];
  for (const key of ordered) {
    const o = oldByKey.get(key);
    const n = news.find((f) => f.key === key);
    if (o?.value === n?.value) continue;
    const field = (n ?? o)!;
    changes.push({
      group: group ?? groupOfField[field.kind],
      where,
      subject,
      what: field.label,
      old: o?.value ?? '–',
      new: n?.value ?? '–',
      difference: o && n ? figureDifference(o.value, n.value, format) : undefined,
      words: o && n && field.kind === 'uppgift' && (o.value.length > 40 || n.value.length > 40) ? wordDiff(o.value, n.value) : undefined,
    });
  }
  return changes;
}

// ---------------------------------------------------------------- tables

function tables(snap: ReportSnapshot): { key: string; section: SectionSnapshot; table: TableSnapshot }[] {
  return snap.sections.flatMap((section) => section.items.flatMap((item) => (item.kind === 'table' && item.table.role === 'siffror' ? [{ key: `${section.id}/${item.table.id}`, section, table: item.table }] : [])));
}

const rowSummary = (t: TableSnapshot, cells: string[]) =>
  cells
    .slice(1)
    .map((c, i) => (c ? `${t.columns[i + 1] ?? ''}: ${c}` : ''))
    .filter(Boolean)
    .join('; ');

function compareTables(older: ReportSnapshot, newer: ReportSnapshot, format: FormatOptions): Change[] {
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
      change({ subject: nr.label, what: heading, old: before || '–', new: after || '–', difference: figureDifference(before, after, format) });
    }
  });
  oldRows.forEach((or, i) => {
    if (!matchedOld.has(i)) change({ subject: or.label, what: 'Rad borttagen', old: rowSummary(o, or.cells) || '–' });
  });
  if ((o.note ?? '') !== (n.note ?? '')) change({ subject: 'Not under tabellen', what: 'Ändrad text', old: o.note ?? '–', new: n.note ?? '–', words: wordDiff(o.note ?? '', n.note ?? '') });
  return changes;
}

// ---------------------------------------------------------------- charts

function charts(snap: ReportSnapshot): { section: SectionSnapshot; chart: ChartItem }[] {
  return snap.sections.flatMap((section) => section.items.flatMap((item) => (item.kind === 'chart' ? [{ section, chart: item.chart }] : [])));
}

/** Charts added, removed or retitled; their figures are those of the block they draw, compared there. */
function compareCharts(older: ReportSnapshot, newer: ReportSnapshot): Change[] {
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

// ---------------------------------------------------------------- goals

function goalGroups(snap: ReportSnapshot): GoalGroup[] {
  return snap.sections.flatMap((s) => s.items.flatMap((item) => (item.kind === 'goals' ? [item.goals] : [])));
}

/** Gender of the level's noun: "KF-mål tillagt", "indikator tillagd". */
const neuter = (n: GoalNode) => n.level !== 'indikator';
const added = (n: GoalNode) => (neuter(n) ? 'Tillagt' : 'Tillagd');
const removedWord = (n: GoalNode) => (neuter(n) ? 'Borttaget' : 'Borttagen');

const nodeLabel = (n: GoalNode, max = 70) => `${goalLevelNames[n.level]} ”${shorten(n.text, max)}”`;

function flatten(nodes: readonly GoalNode[], parent: GoalNode | undefined, into: Map<GoalNode, GoalNode | undefined>): Map<GoalNode, GoalNode | undefined> {
  for (const n of nodes) {
    into.set(n, parent);
    flatten(n.children, n, into);
  }
  return into;
}

const countBelow = (n: GoalNode): Record<string, number> => {
  const counts: Record<string, number> = {};
  const visit = (x: GoalNode) => x.children.forEach((c) => ((counts[c.level] = (counts[c.level] ?? 0) + 1), visit(c)));
  visit(n);
  return counts;
};

const plural: Record<string, [string, string]> = { 'kf-mål': ['KF-mål', 'KF-mål'], nämndmål: ['nämndmål', 'nämndmål'], indikator: ['indikator', 'indikatorer'], resultatmål: ['resultatmål', 'resultatmål'], uppdrag: ['uppdrag', 'uppdrag'] };

function withCounts(n: GoalNode): string {
  const counts = Object.entries(countBelow(n)).map(([level, k]) => `${k} ${plural[level]![k === 1 ? 0 : 1]}`);
  return counts.length ? `${n.text} (med ${counts.join(', ')})` : n.text;
}

/** Old node → new node, for one block's goals: ids first (anywhere in the block, so a moved goal is found), then place and text under matched parents. */
export function matchGoals(olds: readonly GoalNode[], news: readonly GoalNode[]): Map<GoalNode, GoalNode> {
  const oldParents = flatten(olds, undefined, new Map());
  const newParents = flatten(news, undefined, new Map());
  const pairs = new Map<GoalNode, GoalNode>();
  const taken = new Set<GoalNode>();
  const newById = new Map([...newParents.keys()].map((n) => [`${n.level}:${n.id}`, n]));
  for (const o of oldParents.keys()) {
    const n = newById.get(`${o.level}:${o.id}`);
    if (n && !taken.has(n)) {
      pairs.set(o, n);
      taken.add(n);
    }
  }
  const fallback = (os: readonly GoalNode[], ns: readonly GoalNode[]) => {
    const oFree = os.filter((o) => !pairs.has(o));
    const nFree = ns.filter((n) => !taken.has(n));
    for (const level of new Set(oFree.map((o) => o.level))) {
      const a = oFree.filter((o) => o.level === level);
      const b = nFree.filter((n) => n.level === level);
      const asItem = (x: GoalNode) => ({ id: x.id, stated: x.statedId, text: x.text, childIds: x.children.map((c) => c.id) });
      // Place within the parent counts among all siblings, not only the free ones.
      const pairsHere = matchItems(
        os.filter((x) => x.level === level).map(asItem),
        ns.filter((x) => x.level === level).map(asItem),
        {
          old: new Set(os.filter((x) => x.level === level).flatMap((x, i) => (a.includes(x) ? [] : [i]))),
          new: new Set(ns.filter((x) => x.level === level).flatMap((x, i) => (b.includes(x) ? [] : [i]))),
        },
      );
      const oLevel = os.filter((x) => x.level === level);
      const nLevel = ns.filter((x) => x.level === level);
      for (const [i, j] of pairsHere) {
        pairs.set(oLevel[i]!, nLevel[j]!);
        taken.add(nLevel[j]!);
      }
    }
  };
  fallback(olds, news);
  const done = new Set<GoalNode>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const [o, n] of [...pairs]) {
      if (done.has(o)) continue;
      done.add(o);
      progress = true;
      fallback(o.children, n.children);
    }
  }
  return pairs;
}

function compareGoals(older: ReportSnapshot, newer: ReportSnapshot, format: FormatOptions): Change[] {
  const changes: Change[] = [];
  const olds = goalGroups(older);
  const news = goalGroups(newer);
  const oldById = new Map(olds.map((g) => [g.blockId, g]));
  const oldByRubrik = new Map(olds.map((g) => [g.rubrik, g]));
  const used = new Set<GoalGroup>();
  for (const n of news) {
    const o = [oldById.get(n.blockId), oldByRubrik.get(n.rubrik)].find((g) => g && !used.has(g));
    if (!o) {
      changes.push({ group: 'mål', where: [], subject: n.rubrik, what: 'Tillagt', new: n.nodes.map(withCounts).map((t) => shorten(t, 120)).join('; ') || '–' });
      continue;
    }
    used.add(o);
    changes.push(...compareGoalGroup(o, n, format));
  }
  for (const o of olds) {
    if (!used.has(o)) changes.push({ group: 'mål', where: [], subject: o.rubrik, what: 'Borttaget', old: o.nodes.map(withCounts).map((t) => shorten(t, 120)).join('; ') || '–' });
  }
  return changes;
}

export function compareGoalGroup(o: GoalGroup, n: GoalGroup, format: FormatOptions): Change[] {
  const changes: Change[] = [];
  const pairs = matchGoals(o.nodes, n.nodes);
  const matchedNew = new Map([...pairs].map(([a, b]) => [b, a]));
  const oldParents = flatten(o.nodes, undefined, new Map());
  const newParents = flatten(n.nodes, undefined, new Map());
  const path = (node: GoalNode, parents: Map<GoalNode, GoalNode | undefined>) => {
    const names: string[] = [];
    for (let p = parents.get(node); p; p = parents.get(p)) names.unshift(nodeLabel(p, 50));
    return [n.rubrik, ...names];
  };

  // In the new version's order: changed and added nodes.
  for (const node of newParents.keys()) {
    const before = matchedNew.get(node);
    const where = path(node, newParents);
    if (!before) {
      const parent = newParents.get(node);
      if (!parent || matchedNew.has(parent)) changes.push({ group: 'mål', where, subject: nodeLabel(node), what: added(node), new: withCounts(node) });
      continue;
    }
    const subject = nodeLabel(node);
    if (before.text !== node.text) changes.push({ group: 'mål', where, subject, what: 'Ändrad text', old: before.text, new: node.text, words: wordDiff(before.text, node.text) });
    const oldParent = oldParents.get(before);
    const newParent = newParents.get(node);
    if (oldParent && newParent && pairs.get(oldParent) !== newParent) {
      changes.push({ group: 'mål', where, subject, what: neuter(node) ? 'Flyttat' : 'Flyttad', old: `Under ${nodeLabel(oldParent)}`, new: `Under ${nodeLabel(newParent)}` });
    }
    changes.push(...compareFields(before.fields, node.fields, where, subject, format));
    const ok = before.kommentar.join('\n');
    const nk = node.kommentar.join('\n');
    if (ok !== nk) changes.push({ group: 'mål', where, subject, what: 'Ändrade kommentarer', old: before.kommentar.join(' • ') || '–', new: node.kommentar.join(' • ') || '–', words: wordDiff(before.kommentar.join(' • '), node.kommentar.join(' • ')) });
  }
  // Removed nodes: only the outermost, with what went with them.
  for (const node of oldParents.keys()) {
    if (pairs.has(node)) continue;
    const parent = oldParents.get(node);
    if (parent && !pairs.has(parent)) continue;
    const where = parent ? [...path(pairs.get(parent)!, newParents), nodeLabel(pairs.get(parent)!, 50)] : [n.rubrik];
    changes.push({ group: 'mål', where, subject: nodeLabel(node), what: removedWord(node), old: withCounts(node) });
  }
  return changes;
}

// ---------------------------------------------------------------- prose

function proseOf(section: SectionSnapshot): ProseItem[] {
  return section.items.flatMap((i) => (i.kind === 'prose' ? [i.prose] : []));
}

function compareProse(older: ReportSnapshot, newer: ReportSnapshot): Change[] {
  const changes: Change[] = [];
  const asItem = (s: SectionSnapshot) => ({ id: s.id, stated: false, text: s.rubrik });
  const pairs = matchItems(older.sections.map(asItem), newer.sections.map(asItem));
  const matchedNew = new Map(pairs.map(([i, j]) => [j, i]));
  const matchedOld = new Set(pairs.map(([i]) => i));
  newer.sections.forEach((ns, j) => {
    const i = matchedNew.get(j);
    if (i === undefined) {
      changes.push({ group: 'text', where: [], subject: ns.rubrik, what: 'Avsnitt tillagt', new: sectionContents(ns) });
      return;
    }
    const os = older.sections[i]!;
    if (os.rubrik !== ns.rubrik) changes.push({ group: 'text', where: [ns.rubrik], subject: 'Avsnittets rubrik', what: 'Ändrad rubrik', old: os.rubrik, new: ns.rubrik, words: wordDiff(os.rubrik, ns.rubrik) });
    changes.push(...compareParagraphs(proseOf(os), proseOf(ns), ns.rubrik));
  });
  older.sections.forEach((os, i) => {
    if (!matchedOld.has(i)) changes.push({ group: 'text', where: [], subject: os.rubrik, what: 'Avsnitt borttaget', old: sectionContents(os) });
  });
  return changes;
}

/** What a section holds, for one added or removed as a whole: "3 stycken, 1 tabell, 1 diagram". */
export function sectionContents(section: SectionSnapshot): string {
  const count = (kind: string) => section.items.filter((i) => i.kind === kind && (kind !== 'prose' || (i.kind === 'prose' && i.prose.type !== 'rubrik'))).length;
  const parts = (
    [
      [count('prose'), 'stycke', 'stycken'],
      [count('table'), 'tabell', 'tabeller'],
      [count('goals'), 'grupp av mål', 'grupper av mål'],
      [count('chart'), 'diagram', 'diagram'],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return parts.join(', ') || 'tomt';
}

const typeWords: Record<ProseItem['type'], string> = { rubrik: 'Rubrik', stycke: 'Stycke', punkt: 'Punkt', citat: 'Citat', bild: 'Bild' };
const typeNeuter: Record<ProseItem['type'], boolean> = { rubrik: false, stycke: true, punkt: false, citat: true, bild: false };

/** Paragraphs in order: unchanged runs skipped, a removed paragraph next to an added one paired as changed when they are alike. */
export function compareParagraphs(olds: readonly ProseItem[], news: readonly ProseItem[], section: string): Change[] {
  const changes: Change[] = [];
  const parts = diffArrays(olds.map((p) => p.text), news.map((p) => p.text));
  let oi = 0;
  let ni = 0;
  // Where a paragraph stands: under the nearest heading before it in the new version.
  const headingBefore = (index: number, list: readonly ProseItem[]) => {
    for (let k = Math.min(index, list.length) - 1; k >= 0; k--) if (list[k]!.type === 'rubrik') return list[k]!.text.replace(/^#+\s*/, '');
    return undefined;
  };
  const where = (index: number, list: readonly ProseItem[]) => {
    const h = headingBefore(index, list);
    return h ? [section, h] : [section];
  };
  // "Stycke 2": the paragraph's number among its kind under the same heading.
  const subject = (index: number, list: readonly ProseItem[]) => {
    const p = list[index]!;
    let n = 1;
    for (let k = index - 1; k >= 0 && list[k]!.type !== 'rubrik'; k--) if (list[k]!.type === p.type) n++;
    return p.type === 'rubrik' ? typeWords.rubrik : `${typeWords[p.type]} ${n}`;
  };
  // The subject names the kind already ("Stycke 2 · Tillagt").
  const addedWord = (p: ProseItem) => (typeNeuter[p.type] ? 'Tillagt' : 'Tillagd');
  const removedText = (p: ProseItem) => (typeNeuter[p.type] ? 'Borttaget' : 'Borttagen');
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (!part.added && !part.removed) {
      oi += part.count ?? part.value.length;
      ni += part.count ?? part.value.length;
      continue;
    }
    // A run of removed and added paragraphs (in either order): pair alike ones.
    const removed: number[] = [];
    const added: number[] = [];
    while (k < parts.length && (parts[k]!.added || parts[k]!.removed)) {
      const p = parts[k]!;
      const n = p.count ?? p.value.length;
      for (let x = 0; x < n; x++) (p.removed ? removed : added).push(p.removed ? oi++ : ni++);
      k++;
    }
    k--;
    const paired = new Map<number, number>();
    const candidates = removed.flatMap((r) => added.map((a) => ({ r, a, score: similarity(olds[r]!.text, news[a]!.text) }))).filter((c) => c.score >= 0.4);
    candidates.sort((x, y) => y.score - x.score || x.a - y.a);
    const usedA = new Set<number>();
    for (const c of candidates) {
      if (paired.has(c.r) || usedA.has(c.a)) continue;
      paired.set(c.r, c.a);
      usedA.add(c.a);
    }
    for (const a of added) {
      const r = [...paired].find(([, x]) => x === a)?.[0];
      const p = news[a]!;
      if (r === undefined) changes.push({ group: 'text', where: where(a, news), subject: subject(a, news), what: addedWord(p), new: p.text });
      else changes.push({ group: 'text', where: where(a, news), subject: subject(a, news), what: 'Ändrad text', old: olds[r]!.text, new: p.text, words: wordDiff(olds[r]!.text, p.text) });
    }
    for (const r of removed) {
      if (paired.has(r)) continue;
      const p = olds[r]!;
      changes.push({ group: 'text', where: where(r, olds), subject: subject(r, olds), what: removedText(p), old: p.text });
    }
  }
  return changes;
}
