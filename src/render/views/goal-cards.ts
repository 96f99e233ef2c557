/**
 * Goal and uppdrag cards (the årsredovisning's bilagor): the lines every
 * renderer prints around a resultatmål or an uppdrag, built once.
 */
import type { Assessment } from '../../model/assessment/types.ts';
import type { ResultatGoal, UppdragItem } from '../../model/types.ts';
import { contrastRatio } from '../../content/contrast.ts';
import { symbolWord } from '../symbols.ts';
import type { Vocabulary } from '../../model/vocabulary.ts';

/** "Huvudansvar: VON. Medansvariga: KS/KLF, STN." */
export function responsibilityLine(goal: Pick<ResultatGoal, 'huvudansvar' | 'medansvariga'>): string {
  const parts: string[] = [];
  if (goal.huvudansvar) parts.push(`Huvudansvar: ${goal.huvudansvar}.`);
  if (goal.medansvariga.length) parts.push(`${goal.medansvariga.length === 1 ? 'Medansvarig' : 'Medansvariga'}: ${goal.medansvariga.join(', ')}.`);
  return parts.join(' ');
}

/** The reason shown next to a goal's status when the nämnd set it against the computed one, or set it without indicators. */
export function assessmentNote(a: Assessment, ord: Vocabulary): string | undefined {
  if (a.source === 'åsidosatt') return `Bedömningen är satt av nämnden; beräknad: ${symbolWord({ kind: 'status', status: a.computed! }, ord).toLowerCase()}. ${a.motivering}`;
  if (a.source === 'angiven' && a.motivering) return a.motivering;
  return undefined;
}

/** Uppdrag grouped by their område, in order of first appearance; items without one form a group of their own. */
export function groupByArea(items: readonly UppdragItem[]): { område?: string; items: UppdragItem[] }[] {
  const groups: { område?: string; items: UppdragItem[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.område === item.område);
    if (group) group.items.push(item);
    else groups.push({ område: item.område, items: [item] });
  }
  return groups;
}

/** Black or white, whichever reads better on a global goal's colour tag. */
export function tagTextColour(background: string): string {
  return contrastRatio('#FFFFFF', background) >= contrastRatio('#000000', background) ? '#FFFFFF' : '#000000';
}
