/**
 * Goals, indicators and uppdrag compared node by node: matched by id anywhere
 * in their block, else by place and text; targets, outcomes and assessments
 * as fields; added and removed nodes listed once, with what went with them.
 */
import { goalLevelNames, type GoalGroup, type GoalNode, type ReportSnapshot } from '../review/snapshot.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Change } from './types.ts';
import { matchItems } from './match.ts';
import { wordDiff } from './words.ts';
import { compareFields, shorten } from './fields.ts';

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

const plural: Record<string, [string, string]> = { 'kf-mål': ['KF-mål', 'KF-mål'], nämndmål: ['nämndmål', 'nämndmål'], mål: ['mål', 'mål'], indikator: ['indikator', 'indikatorer'], resultatmål: ['resultatmål', 'resultatmål'], uppdrag: ['uppdrag', 'uppdrag'] };

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
  const asItem = (x: GoalNode) => ({ id: x.id, stated: x.statedId, text: x.text, childIds: x.children.map((c) => c.id) });
  // Siblings not paired by id, level by level; place counts among all siblings, so the paired ones are passed as taken.
  const bySimilarity = (os: readonly GoalNode[], ns: readonly GoalNode[]) => {
    for (const level of new Set(os.filter((o) => !pairs.has(o)).map((o) => o.level))) {
      const oLevel = os.filter((x) => x.level === level);
      const nLevel = ns.filter((x) => x.level === level);
      const found = matchItems(oLevel.map(asItem), nLevel.map(asItem), {
        old: new Set(oLevel.flatMap((x, i) => (pairs.has(x) ? [i] : []))),
        new: new Set(nLevel.flatMap((x, i) => (taken.has(x) ? [i] : []))),
      });
      for (const [i, j] of found) {
        pairs.set(oLevel[i]!, nLevel[j]!);
        taken.add(nLevel[j]!);
      }
    }
  };
  bySimilarity(olds, news);
  // A Map visits entries added while it is iterated: the children of every pair, also of pairs found here.
  for (const [o, n] of pairs) bySimilarity(o.children, n.children);
  return pairs;
}

export function compareGoals(older: ReportSnapshot, newer: ReportSnapshot, format: FormatOptions): Change[] {
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
