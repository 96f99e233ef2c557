/** Facts of a report or a goal compared key by key, and texts shortened for headings. */
import type { Field } from '../review/snapshot.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Change, ChangeGroup } from './types.ts';
import { figureDifference, wordDiff } from './words.ts';

/** A goal's or row's text shortened for a heading: whole words, at most `max` characters. */
export function shorten(text: string, max = 70): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/\s+\S*$/, '');
  return `${cut}…`;
}

const groupOfField: Record<Field['kind'], ChangeGroup> = { målvärde: 'målvärden', utfall: 'utfall', bedömning: 'bedömningar', uppgift: 'mål' };

export function compareFields(olds: readonly Field[], news: readonly Field[], where: string[], subject: string, format: FormatOptions, group?: ChangeGroup): Change[] {
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
      difference: figureDifference(o?.figure, n?.figure, format),
      words: o && n && field.kind === 'uppgift' && (o.value.length > 40 || n.value.length > 40) ? wordDiff(o.value, n.value) : undefined,
    });
  }
  return changes;
}
