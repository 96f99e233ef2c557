/**
 * Which item in the old version is which in the new: goals, indicators,
 * table rows, sections. An id the author gave decides; without one, items
 * under the same parent are paired by text similarity, helped by standing at
 * the same place and by sharing children, so a reworded goal is "ändrad", not
 * removed and added.
 */
import { similarity } from './words.ts';

export interface Matchable {
  id: string;
  /** Given by the author: two different stated ids are never the same item. */
  stated: boolean;
  text: string;
  /** Ids of the item's children, as a hint that two items are the same. */
  childIds?: readonly string[];
}

/** Pairs at or above this score are the same item. */
const THRESHOLD = 0.55;

/** Index pairs [old, new]; `taken` are indices matched already (by an earlier pass), left alone here. */
export function matchItems(
  olds: readonly Matchable[],
  news: readonly Matchable[],
  taken: { old: ReadonlySet<number>; new: ReadonlySet<number> } = { old: new Set(), new: new Set() },
): [number, number][] {
  const pairs: [number, number][] = [];
  const usedOld = new Set(taken.old);
  const usedNew = new Set(taken.new);
  const take = (i: number, j: number) => {
    pairs.push([i, j]);
    usedOld.add(i);
    usedNew.add(j);
  };

  // 1. The same id.
  const newById = new Map<string, number>();
  news.forEach((n, j) => {
    if (!usedNew.has(j) && !newById.has(n.id)) newById.set(n.id, j);
  });
  olds.forEach((o, i) => {
    const j = newById.get(o.id);
    if (!usedOld.has(i) && j !== undefined && !usedNew.has(j)) take(i, j);
  });

  // 2. Similar text, best pairs first.
  const candidates: { i: number; j: number; score: number }[] = [];
  olds.forEach((o, i) => {
    if (usedOld.has(i)) return;
    news.forEach((n, j) => {
      if (usedNew.has(j) || (o.stated && n.stated)) return;
      let score = similarity(o.text, n.text);
      if (i === j) score += 0.15;
      if (o.childIds?.length && n.childIds?.length) {
        const shared = o.childIds.filter((c) => n.childIds!.includes(c)).length;
        score += 0.35 * (shared / Math.max(o.childIds.length, n.childIds.length));
      }
      if (score >= THRESHOLD) candidates.push({ i, j, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || Math.abs(a.i - a.j) - Math.abs(b.i - b.j) || a.i - b.i || a.j - b.j);
  for (const c of candidates) if (!usedOld.has(c.i) && !usedNew.has(c.j)) take(c.i, c.j);

  return pairs.sort((a, b) => a[1] - b[1]);
}
