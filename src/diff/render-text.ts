/** The ändringsrapport as terminal text, in Swedish: per report, per group of changes, per place. */
import { changeGroups, changeGroupShort, changeGroupTitles, hasChanges, type Change, type Comparison, type ReportDiff, type WordPart } from './types.ts';

export interface TextOptions {
  /** ANSI colours for added and removed words (a terminal that supports them). */
  colour?: boolean;
}

const stateWords: Record<ReportDiff['state'], string> = {
  ändrad: 'ändrad',
  oförändrad: 'inga ändringar',
  tillagd: 'ny rapport, finns inte i den tidigare versionen',
  borttagen: 'borttagen, finns inte i den senare versionen',
};

export function comparisonText(c: Comparison, options: TextOptions = {}): string {
  const out: string[] = [`Ändringar från ${c.oldLabel} till ${c.newLabel}`, ''];
  for (const r of c.reports) {
    out.push(`■ ${r.titel} (${r.id}): ${stateWords[r.state]}`);
    if (r.changes.length) out.push(...reportLines(r, options));
    out.push('');
  }
  out.push(summary(c));
  return `${out.join('\n').replace(/\u00a0/g, ' ')}\n`;
}

/** "2 rapporter jämförda, 1 ändrad: 3 siffror, 1 målvärde …" or "Inga ändringar." */
export function summary(c: Comparison): string {
  const left = c.notCompared.length ? ` Jämfördes inte på grund av fel i innehållet: ${c.notCompared.map((n) => `${n.id} i ${n.version}`).join(', ')}.` : '';
  return mainSummary(c) + left;
}

function mainSummary(c: Comparison): string {
  const n = c.reports.length;
  if (!hasChanges(c)) return `Inga ändringar (${n} ${n === 1 ? 'rapport jämförd' : 'rapporter jämförda'}).`;
  const changed = c.reports.filter((r) => r.state !== 'oförändrad').length;
  const counts = changeGroups
    .map((g) => [g, c.reports.reduce((k, r) => k + r.changes.filter((x) => x.group === g).length, 0)] as const)
    .filter(([, k]) => k > 0)
    .map(([g, k]) => `${changeGroupShort[g]}: ${k}`);
  return `Ändringar i ${changed} av ${n} ${n === 1 ? 'rapport' : 'rapporter'}${counts.length ? ` (${counts.join('; ')})` : ''}.`;
}

/** Changes grouped by their place: the runs of consecutive changes with the same "where". */
export function byPlace(changes: readonly Change[]): { where: string[]; changes: Change[] }[] {
  const groups: { where: string[]; changes: Change[] }[] = [];
  for (const ch of changes) {
    const last = groups.at(-1);
    if (last && last.where.join('\u0000') === ch.where.join('\u0000')) last.changes.push(ch);
    else groups.push({ where: ch.where, changes: [ch] });
  }
  return groups;
}

function reportLines(r: ReportDiff, options: TextOptions): string[] {
  const out: string[] = [];
  for (const group of changeGroups) {
    const changes = r.changes.filter((c) => c.group === group);
    if (!changes.length) continue;
    out.push('', `  ${changeGroupTitles[group]} (${changes.length})`);
    for (const place of byPlace(changes)) {
      const indent = place.where.length ? '      ' : '    ';
      if (place.where.length) out.push(`    ${place.where.join(' › ')}`);
      for (const ch of place.changes) out.push(...changeLines(ch, indent, options));
    }
  }
  return out;
}

function changeLines(ch: Change, indent: string, options: TextOptions): string[] {
  const head = `${indent}${ch.subject} · ${ch.what}`;
  if (ch.words) return [`${head}:`, `${indent}  ${wordsText(ch.words, options)}`];
  if (ch.old !== undefined && ch.new !== undefined) return [`${head}: ${ch.old} → ${ch.new}${ch.difference ? ` (${ch.difference})` : ''}`];
  return [`${head}: ${ch.new ?? ch.old ?? ''}`];
}

/**
 * Words as in "git diff --word-diff": [-removed-]{+added+}. Long unchanged
 * stretches are shortened to their ends, so the change stands out.
 */
export function wordsText(parts: readonly WordPart[], options: TextOptions = {}): string {
  const red = options.colour ? ['\u001b[31m', '\u001b[0m'] : ['', ''];
  const green = options.colour ? ['\u001b[32m', '\u001b[0m'] : ['', ''];
  // A sentence (a goal, a short paragraph) is shown whole; only long texts are shortened around the change.
  const long = parts.reduce((n, p) => n + p.text.length, 0) > 240;
  return parts
    .map((p, i) => {
      if (p.kind === 'removed') return `${red[0]}[-${p.text}-]${red[1]}`;
      if (p.kind === 'added') return `${green[0]}{+${p.text}+}${green[1]}`;
      return long ? shortenSame(p.text, i === 0, i === parts.length - 1) : p.text;
    })
    .join('');
}

function shortenSame(text: string, first: boolean, last: boolean): string {
  const words = text.split(/(\s+)/);
  const keep = 12; // words and spaces: six words each side
  if (words.length <= keep * 2 + 2) return text;
  const head = first ? [] : words.slice(0, keep);
  const tail = last ? [] : words.slice(-keep);
  if (first) return `… ${tail.join('').trimStart()}`;
  if (last) return `${head.join('').trimEnd()} …`;
  return `${head.join('').trimEnd()} … ${tail.join('').trimStart()}`;
}
