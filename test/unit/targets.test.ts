/** Targets and baselines as people write them, through a whole build: notes, errors, warnings and the no-outcome case. */
import { describe, expect, it } from 'vitest';
import { compute, section, UPPFOLJNING_INDEX } from '../helpers/fixture.ts';
import type { Indicator, Målområde } from '../../src/model/types.ts';
import { formatMeasured, formatTarget } from '../../src/format/values.ts';
import { defaultFormatOptions } from '../../src/format/swedish.ts';

const goals = (indicators: string) =>
  section(`
rubrik: Mål
data:
  - typ: målområde
    id: aldre
    namn: Trygg ålderdom
    kf_mål:
      - text: Äldre känner sig trygga
        nämndmål:
          - text: Tryggheten ökar
            indikatorer:
${indicators
  .trim()
  .split('\n')
  .map((l) => `              ${l}`)
  .join('\n')}
`);

const indicatorsOf = (report: { sections: { blocks: unknown[] }[] }) =>
  (report.sections[0]!.blocks[0] as Målområde).kfMål[0]!.nämndmål[0]!.indikatorer as Indicator[];

describe('targets and baselines in a report', () => {
  it('shows what the author wrote and judges the number', () => {
    const { report, errors, diagnostics } = compute(
      {
        '01-mal.md': goals(`
- { mått: Utvecklingsprojekt, ingångsvärde: 9 projekt, målvärden: { 2024: 12 utvecklingsprojekt }, utfall: { 2024: 12 } }
- { mått: Våldsbrott, riktning: lägre, ingångsvärde: "9 anmälda våldsbrott", målvärden: { 2024: "<8 anmälda våldsbrott" }, utfall: { 2024: 7 } }
- { mått: Betyg, ingångsvärde: "35 % (2020)", målvärden: { 2024: "Betyg 3,4 av 6" }, utfall: { 2024: 3.4 } }
`),
      },
      { index: UPPFOLJNING_INDEX },
    );
    expect(errors).toEqual([]);
    expect(diagnostics.filter((d) => d.severity !== 'notering')).toEqual([]);
    const [a, b, c] = indicatorsOf(report!);
    expect(formatTarget(a!.målvärden['2024']!, defaultFormatOptions)).toEqual(['12 utvecklingsprojekt']);
    expect(formatMeasured(b!.ingångsvärde!, defaultFormatOptions)).toEqual(['9 anmälda våldsbrott']);
    expect(formatMeasured(c!.ingångsvärde!, defaultFormatOptions)).toEqual(['35\u00a0% (2020)']);
    expect([a, b, c].map((i) => i!.bedömning!.status)).toEqual(['uppfyllt', 'uppfyllt', 'uppfyllt']);
  });

  it('refuses a misspelt target word with the nearest form, at its line', () => {
    const { errors } = compute({ '01-mal.md': goals('- { mått: Andel nöjda, målvärden: { 2024: Bibehåll } }') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'målvärde', line: 12, field: 'data[0].kf_mål[0].nämndmål[0].indikatorer[0].målvärden.2024', message: '"Bibehåll" är inget tillåtet målvärde. Menade du "Bibehålla"?' });
    expect(errors[0]!.hint).toMatch(/^Tillåtna målvärden: .*"Öka\/Bibehålla"/);
  });

  it('notes a target or baseline that stays free text, and names it when the indicator cannot be judged', () => {
    const { report, errors, diagnostics } = compute(
      {
        '01-mal.md': goals(`
- { mått: Andel nöjda, ingångsvärde: 3/5, målvärden: { 2024: enligt plan }, utfall: { 2024: 4 } }
`),
      },
      { index: UPPFOLJNING_INDEX },
    );
    expect(errors).toEqual([]);
    const notes = diagnostics.filter((d) => d.severity === 'notering');
    expect(notes.map((d) => d.code)).toEqual(['målvärde-text', 'ingångsvärde-text']);
    expect(notes[0]!.message).toBe('Målvärdet "enligt plan" är inget tal och kan inte användas för bedömning; det visas som det är skrivet.');
    expect(notes[1]!.hint).toContain('Skriv bråket som "3 av 5"');
    expect(indicatorsOf(report!)[0]!.bedömning).toMatchObject({ status: 'ej-utvärderad', reason: 'Målvärdet "enligt plan" är inget tal och kan inte användas för bedömning.' });
  });

  it('gives an indicator without outcomes "Ej utvärderad" and "Ej jämförbar" in a report that assesses, and leaves the goal as it was', () => {
    const { report } = compute(
      {
        '01-mal.md': goals(`
- { mått: Nöjdhet, målvärden: { 2024: 90 }, utfall: { 2023: 84, 2024: 91 } }
- { mått: Trygghet, målvärden: { 2024: 80 } }
`),
      },
      { index: UPPFOLJNING_INDEX },
    );
    const [measured, missing] = indicatorsOf(report!);
    expect(report!.bedömning.used).toBe(true);
    expect(missing!.bedömning).toMatchObject({ status: 'ej-utvärderad', reason: 'Utfall saknas för 2024.', source: 'beräknad' });
    expect(missing!.trend).toMatchObject({ trend: 'ej-jämförbar', reason: 'Utfall saknas för 2024.' });
    expect(measured!.bedömning!.status).toBe('uppfyllt');
    const nm = (report!.sections[0]!.blocks[0] as Målområde).kfMål[0]!.nämndmål[0]!;
    expect(nm.bedömning).toMatchObject({ status: 'uppfyllt', reason: 'Av 1 bedömd indikator: 1 uppfyllt.' });
  });

  it('leaves a plan without outcomes unassessed', () => {
    const { report } = compute({ '01-mal.md': goals('- { mått: Trygghet, målvärden: { 2024: 80, 2025: 82, 2026: 84 } }') });
    expect(report!.bedömning.used).toBe(false);
    expect(indicatorsOf(report!)[0]!.bedömning).toBeUndefined();
    expect(indicatorsOf(report!)[0]!.trend).toBeUndefined();
  });

  it('warns when an indicator lacks a target year its siblings have', () => {
    const { diagnostics } = compute({
      '01-mal.md': goals(`
- { mått: Trygghet, målvärden: { 2024: 80, 2025: 82, 2026: 84 } }
- { mått: Nöjdhet, målvärden: { 2024: 70, 2026: 74 } }
- { mått: Framtagen plan, målvärden: { 2024: Ja } }
`),
    });
    const warnings = diagnostics.filter((d) => d.severity === 'varning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      code: 'målvärde-år-saknas',
      line: 13,
      field: 'data[0].kf_mål[0].nämndmål[0].indikatorer[1].målvärden',
      message: 'Indikatorn "Nöjdhet" saknar målvärde för 2025, som andra indikatorer i samma tabell har.',
      hint: 'Lägg till "2025: …" under "målvärden", annars blir cellen tom i måltabellen.',
    });
  });
});

describe('the profile key bibehållet_räknas', () => {
  it('defaults to false and may be set', async () => {
    const { profileSchema } = await import('../../src/content/schema.ts');
    const base = { namn: 'Prov', logotyp: 'l.svg', färger: { primär: '#00507A', sekundär: '#00766C' } };
    expect(profileSchema.parse(base).bedömning.bibehållet_räknas).toBe(false);
    expect(profileSchema.parse({ ...base, bedömning: { regel: 'poäng', bibehållet_räknas: true } }).bedömning.bibehållet_räknas).toBe(true);
  });
});
