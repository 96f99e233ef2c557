/** The document views: facts, title page, contents and sections; the målområde and diagram block views. */
import { describe, expect, it } from 'vitest';
import { compute, INDEX, plain, section } from '../helpers/fixture.ts';
import { reportView, type BlockView } from '../../src/render/views/blocks.ts';
import { documentFacts, titlePageView } from '../../src/render/views/document.ts';

const BUDGET = `
  - typ: internbudget
    id: internbudget
    enhet: tkr
    kolumner:
      - { id: budget-2023, rubrik: Budget 2023 }
      - { id: budget-2024, rubrik: Budget 2024 }
    nettokostnad:
      rader:
        - { kod: 54, namn: Individ och familjeomsorg, budget-2023: -60698, budget-2024: -64268 }
        - { kod: 55, namn: Äldreomsorg, budget-2023: -290000, budget-2024: -312400 }`;

const GOALS = `
  - typ: målområde
    id: folkhalsa
    namn: God folkhälsa
    beskrivning: Invånarnas hälsa ska utvecklas.
    etiketter: { kommunfullmäktiges_mål: Fullmäktiges mål }
    kf_mål:
      - text: KF-mål A
        ansvariga: [VON]
        nämndmål:
          - text: Nämndmål 1
            indikatorer:
              - { mått: Mått 1, målvärden: { 2024: 25 } }`;

function build(data: string, index = INDEX) {
  const { report, errors } = compute({ '01-a.md': section(`rubrik: Ekonomi\ndata:${data}`, '\nFörsta stycket.\n') }, { index });
  expect(errors).toEqual([]);
  return report!;
}

const allBlocks = (data: string) => reportView(build(data)).sections.flatMap((s) => s.blocks);

describe('document facts', () => {
  it('say what the report is, once, for the HTML head, the DOCX and PDF properties and the running header', () => {
    const facts = documentFacts(build(BUDGET));
    expect(facts).toMatchObject({
      title: 'Provnämndens verksamhetsplan 2024–2026',
      language: 'sv',
      kommun: 'Provkommun',
      nämnd: 'Provnämnden',
      typ: 'Verksamhetsplan',
      period: '2024–2026',
      summary: 'Verksamhetsplan 2024–2026 för Provnämnden, Provkommun',
      keywords: ['Verksamhetsplan', 'Provnämnden', 'Provkommun', '2024–2026'],
      draft: false,
      runningHeader: 'Provnämndens verksamhetsplan 2024–2026',
    });
    expect(plain(facts.adoption)).toBe('Antagen av provnämnden 2023-12-13, § 64');
  });

  it('mark a draft in the running header', () => {
    const facts = documentFacts(build(BUDGET, INDEX.replace('status: antagen', 'status: utkast\ndatum: 2023-11-01').replace(/antagen: \{[^}]*\}\n/, '')));
    expect(facts).toMatchObject({ draft: true, runningHeader: 'UTKAST – Provnämndens verksamhetsplan 2024–2026', adoption: 'UTKAST 2023-11-01, ej antagen' });
  });
});

describe('title page view', () => {
  it('lists the given facts in print order, labelled in the municipality\'s words', () => {
    const index = INDEX.replace('status: antagen', 'status: antagen\nordförande: Eva Exempelsson\nförvaltning: Provförvaltningen\netiketter: { ordförande: Nämndens ordförande }');
    const page = titlePageView(build(BUDGET, index));
    expect(page).toMatchObject({ kommun: 'Provkommun', nämnd: 'Provnämnden', undertitel: 'Verksamhetsplan 2024–2026' });
    expect(page.facts).toEqual([
      { key: 'ordförande', label: 'Nämndens ordförande', value: 'Eva Exempelsson' },
      { key: 'förvaltning', label: 'Förvaltning', value: 'Provförvaltningen' },
    ]);
  });
});

describe('report view', () => {
  it('has every section with its printed heading, its blocks in print order, and the contents', () => {
    const view = reportView(build(BUDGET));
    expect(view.sections.map((s) => s.rubrik)).toEqual(['Ekonomi']);
    expect(view.sections[0]!.blocks.map((b) => b.kind)).toEqual(['prose', 'tabeller']);
    expect(view.toc.map((e) => e.title)).toEqual(['Ekonomi']);
    expect(view.facts.title).toBe(view.titlePage.titel);
  });
});

describe('målområde view', () => {
  it('lists the KF-mål under the block\'s own heading when the report does not assess them', () => {
    const view = allBlocks(GOALS).find((b) => b.kind === 'målområde') as Extract<BlockView, { kind: 'målområde' }>;
    expect(view).toMatchObject({ className: 'block-malomrade', beskrivning: 'Invånarnas hälsa ska utvecklas.' });
    expect(view.kfMål).toEqual({ label: 'Fullmäktiges mål', items: ['KF-mål A (VON)'] });
    expect(view.tables.length).toBeGreaterThan(0);
  });
});

describe('diagram view', () => {
  it('shows the chart and its data table after it, or the chart with a pointer to the appendix that holds the table', () => {
    const chart = (datatabell: string) =>
      allBlocks(`${BUDGET}\n  - typ: diagram\n    id: d\n    diagramtyp: budget\n    källa: internbudget\n    datatabell: ${datatabell}`).filter(
        (b): b is Extract<BlockView, { kind: 'diagram' }> => b.kind === 'diagram',
      );
    const [after] = chart('efter');
    expect(after).toMatchObject({ className: 'block-diagram', id: 'd' });
    expect(after!.chart?.id).toBe('d');
    expect(after!.tables.map((t) => t.id)).toEqual(['d-data']);
    expect(after!.hänvisning).toBeUndefined();

    const [drawn, table] = chart('bilaga');
    expect(drawn!.chart).toBeDefined();
    expect(drawn!.tables).toEqual([]);
    expect(drawn!.hänvisning).toMatch(/^Diagrammets data finns i tabellform i Bilaga \d+\. /);
    expect(table!.chart).toBeUndefined();
    expect(table!.tables.map((t) => t.id)).toEqual(['d-data']);
  });
});
