/** Uppdrag (tasks given by kommunfullmäktige): status words to statuses, a stable id for each. */
import type { UppdragInput } from '../content/schema.ts';
import type { UppdragStatus } from './assessment/types.ts';
import type { Uppdrag } from './types.ts';
import { IdScope, slugify } from './ids.ts';

const statusFromWord: Record<UppdragInput['uppdrag'][number]['status'], UppdragStatus> = {
  'ej startad': 'ej-startad',
  påbörjad: 'påbörjad',
  klar: 'klar',
  stoppad: 'stoppad',
};

export function buildUppdrag(input: UppdragInput): Uppdrag {
  const ids = new IdScope();
  return {
    kind: 'uppdrag',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    items: input.uppdrag.map((u) => ({
      id: ids.take(u.id ?? `uppdrag-${slugify(u.rubrik ?? u.text)}`),
      idAngivet: u.id !== undefined,
      område: u.område,
      rubrik: u.rubrik,
      text: u.text,
      ansvariga: u.ansvariga,
      huvudansvar: u.huvudansvar,
      slutdatum: u.slutdatum,
      status: statusFromWord[u.status],
      kommentar: u.kommentar,
    })),
  };
}
