/**
 * The municipality's own words (labels and status words, profile < report),
 * the title page's adoption line with one or several decisions, and target
 * years separate from the report's period.
 */
import { describe, expect, it } from 'vitest';
import { compute, INDEX, plain, section } from '../helpers/fixture.ts';
import { resolveVocabulary, defaultVocabulary } from '../../src/model/vocabulary.ts';
import type { DataBlock, Målområde, Report } from '../../src/model/types.ts';
import { statusLine, titlePageFacts } from '../../src/render/views/document.ts';
import { tableViews, viewContext } from '../../src/render/views/table-view.ts';
import { symbolWord } from '../../src/render/symbols.ts';
import { snapshot } from '../../src/review/snapshot.ts';
import { reviewText, snapshotText } from '../../src/review/text.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { docxParts, docxText } from '../helpers/read-back.ts';

const GOALS = section(`rubrik: Mål
data:
  - typ: målområde
    id: mod
    namn: Mod
    kf_mål:
      - text: Fler invånare
        nämndmål:
          - text: Fler flyttar hit
            indikatorer:
              - { mått: Inflyttade, ingångsvärde: 100, målvärden: { 2024: 110, 2025: 120, 2026: 130 } }`);

function indexWith(extra: string, replace?: [string, string]): string {
  let index = INDEX.replace(/---\n$/, `${extra.trim()}\n---\n`);
  if (replace) index = index.replace(replace[0], replace[1]);
  return index;
}

function build(index: string, files: Record<string, string> = { '01-mal.md': GOALS }): { report?: Report; errors: { message: string; field?: string }[] } {
  return compute(files, { index });
}

describe('labels and status words', () => {
  it('resolves defaults < profile < report, replacing only the words named', () => {
    const ord = resolveVocabulary([{ etiketter: { målvärde: 'Riktvärde', ingångsvärde: 'Ingående värde' }, statusord: { uppfyllt: 'Helt uppfyllt' } }, { etiketter: { målvärde: 'Målnivå' } }]);
    expect(ord.labels.målvärde).toBe('Målnivå');
    expect(ord.labels.ingångsvärde).toBe('Ingående värde');
    expect(ord.labels.kf_mål).toBe('KF-mål');
    expect(ord.status).toEqual({ uppfyllt: 'Helt uppfyllt', delvis: 'Delvis uppfyllt', 'ej-uppfyllt': 'Ej uppfyllt', 'ej-utvärderad': 'Ej utvärderad' });
    // The defaults are never changed by a report.
    expect(defaultVocabulary.labels.målvärde).toBe('Målvärde');
  });

  it('prints the report\'s labels in the goal table and on the title page', () => {
    const { report, errors } = build(
      indexWith(`
ansvarig_chef: Per Provsson
etiketter:
  nämndmål: Kommunstyrelsens mål
  ingångsvärde: Ingående värde
  målvärde: Riktvärde
  mått: Indikator
  ansvarig_chef: Ansvarig kontorschef`),
    );
    expect(errors).toEqual([]);
    const [view] = tableViews(report!.sections[0]!.blocks[0] as Målområde, viewContext(report!));
    expect(view!.head.flat().map((h) => h.text)).toEqual(['KF-mål', 'Kommunstyrelsens mål', 'Indikator', 'Ingående värde', 'Riktvärde', '2024', '2025', '2026']);
    expect(titlePageFacts(report!)).toEqual([{ key: 'ansvarig chef', label: 'Ansvarig kontorschef', value: 'Per Provsson' }]);
    const text = snapshotText(snapshot(report!));
    expect(text).toContain('Ansvarig kontorschef: Per Provsson');
    expect(text).toContain('Riktvärde 2025: 120');
    expect(text).toContain('Ingående värde: 100');
  });

  it('uses the status words of the profile next to every symbol', () => {
    const ord = resolveVocabulary([{ statusord: { uppfyllt: 'Helt uppfyllt', ej_utvärderad: 'Ej bedömd' } }]);
    expect(symbolWord({ kind: 'status', status: 'uppfyllt' }, ord)).toBe('Helt uppfyllt');
    expect(symbolWord({ kind: 'status', status: 'ej-utvärderad' }, ord)).toBe('Ej bedömd');
    expect(symbolWord({ kind: 'status', status: 'delvis' }, ord)).toBe('Delvis uppfyllt');
  });

  it('refuses an unknown label key with the nearest valid one', () => {
    const { errors } = build(indexWith('etiketter: { målvärden: Riktvärde }'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('Okänd nyckel "målvärden". Menade du "målvärde"?');
  });
});

describe('labels of one table', () => {
  it('lets a goal block name its own level and baseline, over the report\'s labels', () => {
    const { report, errors } = build(INDEX, {
      '01-mal.md': section(`rubrik: Mål
data:
  - typ: måltabell
    id: overgripande
    rubrik: Övergripande mål
    etiketter: { mål: Kommunstyrelsens övergripande mål, ingångsvärde: Ingångsvärde dec 2021 }
    mål:
      - { text: Alla arbetsplatser har arbetsplatsträffar, ingångsvärde: "84 %", målvärden: { 2024: "90 %" } }`),
    });
    expect(errors).toEqual([]);
    const [view] = tableViews(report!.sections[0]!.blocks[0] as DataBlock, viewContext(report!));
    // A label with its own date is not given "(år)".
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['Kommunstyrelsens övergripande mål', 'Ingångsvärde dec 2021', 'Målvärde']);
  });

  it('renames the columns of a text table, one heading per column, and says so when the count is wrong', () => {
    const table = (headings: string) =>
      build(INDEX, {
        '01-u.md': section(`rubrik: Utveckling
data:
  - typ: utvecklingsarbete
    id: utv
    kolumnrubriker: ${headings}
    rader: [{ projekt: Nytt system, syfte: Mindre arbete, ansvar: Strateggruppen }]`),
      });
    const ok = table('[Planerat projekt/åtgärd, Syfte, "Ansvar, enhet"]');
    expect(ok.errors).toEqual([]);
    const [view] = tableViews(ok.report!.sections[0]!.blocks[0] as DataBlock, viewContext(ok.report!));
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['Planerat projekt/åtgärd', 'Syfte', 'Ansvar, enhet']);
    const wrong = table('[Projekt, Syfte]');
    expect(wrong.errors.map((e) => e.message)).toEqual(['"kolumnrubriker" har 2 rubriker men tabellen har 3 kolumner.']);
  });
});

describe('the adoption line on the title page', () => {
  it('names one decision with its §', () => {
    const { report } = build(INDEX);
    expect(plain(statusLine(report!))).toBe('Antagen av provnämnden 2023-12-13, § 64');
  });

  it('joins several decisions of one organ, each with its §, under the municipality\'s verb', () => {
    const { report, errors } = build(
      indexWith(
        `
antagen:
  - { organ: Kommunstyrelsen, datum: 2021-12-15, paragraf: 197 }
  - { organ: Kommunstyrelsen, datum: 2022-01-26, paragraf: 9 }
etiketter: { antagen: Fastställd }`,
        ['antagen: { organ: Provnämnden, datum: 2023-12-13, paragraf: 64 }\n', ''],
      ),
    );
    expect(errors).toEqual([]);
    expect(plain(statusLine(report!))).toBe('Fastställd av kommunstyrelsen 2021-12-15, § 197 och 2022-01-26, § 9');
    // The latest decision dates the document.
    expect(report!.meta.datum).toBe('2022-01-26');
  });

  it('names each organ when decisions come from several, and leaves out a § that is not known', () => {
    const { report, errors } = build(
      indexWith(
        `
antagen:
  - { organ: Provnämnden, datum: 2023-11-20 }
  - { organ: Kommunfullmäktige, datum: 2023-12-13, paragraf: 120 }`,
        ['antagen: { organ: Provnämnden, datum: 2023-12-13, paragraf: 64 }\n', ''],
      ),
    );
    expect(errors).toEqual([]);
    expect(plain(statusLine(report!))).toBe('Antagen av provnämnden 2023-11-20 och av kommunfullmäktige 2023-12-13, § 120');
    expect(statusLine(report!)).not.toMatch(/okänd|§ $/);
  });
});

describe('target years separate from the period', () => {
  it('shows targets for three years in a one-year plan', () => {
    const { report, errors } = build(indexWith('målår: 2024–2026', ['period: 2024–2026', 'period: 2024']));
    expect(errors).toEqual([]);
    expect(report!.meta.period).toEqual({ från: 2024, till: 2024 });
    const area = report!.sections[0]!.blocks[0] as Målområde;
    expect(area.målår).toEqual(['2024', '2025', '2026']);
    const [view] = tableViews(area, viewContext(report!));
    expect(view!.head[1]!.map((h) => h.text)).toEqual(['2024', '2025', '2026']);
  });

  it('one label for who an uppdrag or a KF-mål concerns, the same in the report, the review text and the DOCX, in the municipality\'s word', async () => {
    const uppdrag = section(`rubrik: Uppdrag
data:
  - typ: uppdrag
    id: uppdrag
    uppdrag:
      - { id: bostad, text: Utveckla boendekedjan, ansvariga: [KS, VON], status: påbörjad }`);
    const ours = compute({ '01-uppdrag.md': uppdrag });
    expect(reviewText(ours.report!)).toContain('Berörda: KS, VON');
    expect(renderHtml(ours.report!)).toContain('<span class="etikett">Berörda:</span> KS, VON');
    const theirs = compute({ '01-uppdrag.md': uppdrag }, { index: INDEX.replace('status: antagen', 'status: antagen\netiketter: { ansvariga: Ansvariga }') });
    expect(theirs.errors).toEqual([]);
    expect(reviewText(theirs.report!)).toContain('Ansvariga: KS, VON');
    expect(renderHtml(theirs.report!)).toContain('<span class="etikett">Ansvariga:</span> KS, VON');
    const docx = docxText(docxParts(await renderDocx(theirs.report!))['word/document.xml']!);
    expect(docx).toContain('Ansvariga: KS, VON');
  });
});
