/** A report with every kind of card (resultatmål, uppdrag) and a counts block, for the view tests. */
import { expect } from 'vitest';
import { ARSREDOVISNING_INDEX, compute, section } from './fixture.ts';
import type { Report } from '../../src/model/types.ts';

export const CARDS = section(`rubrik: Bilaga
data:
  - typ: resultatmål
    id: omsorg
    övergripande_mål: Trygg omsorg
    mål:
      - id: hemtjanst
        text: Ökad nöjdhet med hemtjänsten
        huvudansvar: VON
        medansvariga: [STN]
        agenda2030: [3, 10]
        kommentar: [Fast omsorgskontakt är införd.]
        indikatorer:
          - { mått: Nöjdhet (%), utfall: { 2024: 83 % }, målvärden: { 2024: 90 % } }
      - id: utan
        text: Mål utan indikatorer
  - typ: uppdrag
    id: uppdrag
    uppdrag:
      - { område: Trygg omsorg, text: Utveckla vården, ansvariga: [KS, VON], huvudansvar: VON, status: påbörjad, kommentar: [Färdplan beslutad.] }
      - { rubrik: Effektivisera, text: Uppdrag att effektivisera., slutdatum: 2024-12-31, status: klar }
  - typ: bedömningar
    id: antal
    nivå: resultatmål
  - typ: fokusområden
    id: fokus
    rader: [{ fokusområde: Kompetens, omhändertagande: Utbildningsplan }]
`);

export function cardsReport(index = ARSREDOVISNING_INDEX): Report {
  const { report, errors } = compute({ '01-bilaga.md': CARDS }, { index });
  expect(errors).toEqual([]);
  return report!;
}
