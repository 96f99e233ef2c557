/** Sections matched by id and heading; their paragraphs compared in order, word by word. */
import { diffArrays } from 'diff';
import { proseLine, type ProseItem, type ReportSnapshot, type SectionSnapshot } from '../review/snapshot.ts';
import type { Change } from './types.ts';
import { matchItems } from './match.ts';
import { similarity, wordDiff } from './words.ts';

function proseOf(section: SectionSnapshot): ProseItem[] {
  return section.items.flatMap((i) => (i.kind === 'prose' ? [i.prose] : []));
}

/** A section's heading without its number: numbered headings are compared by their text, so a renumbering alone is no change. */
function unnumbered(s: SectionSnapshot): string {
  return s.nummer && s.rubrik.startsWith(`${s.nummer} `) ? s.rubrik.slice(s.nummer.length + 1) : s.rubrik;
}

export function compareProse(older: ReportSnapshot, newer: ReportSnapshot): Change[] {
  const changes: Change[] = [];
  const asItem = (s: SectionSnapshot) => ({ id: s.id, stated: false, text: unnumbered(s) });
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
    if (unnumbered(os) !== unnumbered(ns)) changes.push({ group: 'text', where: [ns.rubrik], subject: 'Avsnittets rubrik', what: 'Ändrad rubrik', old: os.rubrik, new: ns.rubrik, words: wordDiff(os.rubrik, ns.rubrik) });
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
    for (let k = Math.min(index, list.length) - 1; k >= 0; k--) if (list[k]!.type === 'rubrik') return proseLine(list[k]!).replace(/^#+\s*/, '');
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
      // Compared without heading numbers (p.text), shown with them (proseLine).
      if (r === undefined) changes.push({ group: 'text', where: where(a, news), subject: subject(a, news), what: addedWord(p), new: proseLine(p) });
      else changes.push({ group: 'text', where: where(a, news), subject: subject(a, news), what: 'Ändrad text', old: proseLine(olds[r]!), new: proseLine(p), words: wordDiff(proseLine(olds[r]!), proseLine(p)) });
    }
    for (const r of removed) {
      if (paired.has(r)) continue;
      const p = olds[r]!;
      changes.push({ group: 'text', where: where(r, olds), subject: subject(r, olds), what: removedText(p), old: proseLine(p) });
    }
  }
  return changes;
}
