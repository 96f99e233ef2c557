import type { ResultatGoal } from '../../model/types.ts';

/**
 * The fixed words the views print around the municipality's own, each once:
 * every output labels a field with the word given here. The words a
 * municipality may change come from its vocabulary (src/model/vocabulary.ts).
 */
export const fieldLabels = {
  legend: 'Teckenförklaring',
  huvudansvar: 'Huvudansvar',
  medansvarig: 'Medansvarig',
  medansvariga: 'Medansvariga',
  slutdatum: 'Slutdatum',
  status: 'Status',
  område: 'Område',
  målområde: 'Målområde',
  övergripandeMål: 'Övergripande mål',
  beslutatAv: 'Beslutat av',
  agenda2030: 'Agenda 2030',
  kommentar: 'Kommentar',
  totalt: 'Totalt',
} as const;

/** "Medansvarig" for one, "Medansvariga" for several: the card, the indikatortabell and the review text alike. */
export const medansvarigaLabel = (count: number): string => (count === 1 ? fieldLabels.medansvarig : fieldLabels.medansvariga);

/** "Huvudansvar: VON", "Medansvarig: STN": who answers for a resultatmål, one part per role. */
export function responsibilityParts(goal: Pick<ResultatGoal, 'huvudansvar' | 'medansvariga'>): string[] {
  const parts: string[] = [];
  if (goal.huvudansvar) parts.push(`${fieldLabels.huvudansvar}: ${goal.huvudansvar}`);
  if (goal.medansvariga.length) parts.push(`${medansvarigaLabel(goal.medansvariga.length)}: ${goal.medansvariga.join(', ')}`);
  return parts;
}
