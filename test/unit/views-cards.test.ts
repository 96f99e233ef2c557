/** The block views: every block described once, with its labels from the vocabulary. */
import { describe, expect, it } from 'vitest';
import { ARSREDOVISNING_INDEX } from '../helpers/fixture.ts';
import { cardsReport } from '../helpers/cards.ts';
import { reportView, blockClasses, type BlockView } from '../../src/render/views/blocks.ts';
import { tableLegend } from '../../src/render/views/legend.ts';
import { responsibilityParts } from '../../src/render/views/labels.ts';
import { snapshot } from '../../src/review/snapshot.ts';
import type { Report } from '../../src/model/types.ts';

const blocks = (report: Report) => reportView(report).sections[0]!.blocks;
const find = <K extends BlockView['kind']>(all: BlockView[], kind: K) => all.find((b) => b.kind === kind) as Extract<BlockView, { kind: K }>;

describe('uppdrag view', () => {
  const view = find(blocks(cardsReport()), 'uppdrag');

  it('groups the cards by område, heading level 3 inside one, with anchors from the block and the uppdrag', () => {
    expect(view.groups.map((g) => g.område)).toEqual(['Trygg omsorg', undefined]);
    const [first, second] = view.groups.map((g) => g.cards[0]!);
    expect(first).toMatchObject({ id: 'uppdrag-uppdrag-utveckla-varden', level: 3, text: 'Utveckla vården', område: 'Trygg omsorg' });
    expect(second).toMatchObject({ level: 2, rubrik: 'Effektivisera' });
  });

  it('gives every card the same three facts, labelled from the vocabulary, empty where not given', () => {
    const [first, second] = view.groups.map((g) => g.cards[0]!);
    expect(first!.facts).toEqual([
      { key: 'ansvariga', label: 'Berörda', value: 'KS, VON' },
      { key: 'huvudansvar', label: 'Huvudansvar', value: 'VON' },
      { key: 'slutdatum', label: 'Slutdatum', value: '' },
    ]);
    expect(second!.facts.map((f) => f.value)).toEqual(['', '', '2024-12-31']);
    expect(first!.status).toEqual({ label: 'Status', symbol: { kind: 'uppdrag', status: 'påbörjad' }, word: 'Påbörjad' });
    expect(first!.kommentar).toEqual({ label: 'Kommentar', items: ['Färdplan beslutad.'] });
  });

  it('has a legend of the statuses used, in the legend order', () => {
    expect(view.legend.label).toBe('Teckenförklaring');
    expect(view.legend.entries.map((e) => e.word)).toEqual(['Påbörjad', 'Klar']);
  });
});

describe('resultatmål view', () => {
  const view = find(blocks(cardsReport()), 'resultatmål');

  it('says who answers for the goal, its assessment and its Agenda 2030 goals', () => {
    const [card, unassessed] = view.cards;
    expect(card).toMatchObject({ id: 'omsorg-hemtjanst', text: 'Ökad nöjdhet med hemtjänsten', ansvar: 'Huvudansvar: VON. Medansvarig: STN.' });
    expect(card!.assessment).toMatchObject({ label: 'Bedömning', symbol: { kind: 'status', status: 'ej-uppfyllt' }, word: 'Ej uppfyllt' });
    expect(card!.agenda.label).toBe('Agenda 2030');
    expect(card!.agenda.goals.map((g) => [g.nummer, g.namn, g.textfärg])).toEqual([
      [3, 'Hälsa och välbefinnande', '#000000'],
      [10, 'Minskad ojämlikhet', '#FFFFFF'],
    ]);
    expect(card!.kommentar.items).toEqual(['Fast omsorgskontakt är införd.']);
    expect(unassessed!.assessment).toEqual({ label: 'Bedömning' });
    expect(unassessed!.ansvar).toBe('');
  });

  it('names one medansvarig in the singular on the card and in the review text alike', () => {
    const report = cardsReport();
    expect(view.cards[0]!.ansvar).toContain('Medansvarig: STN.');
    const goal = snapshot(report).sections[0]!.items.flatMap((i) => (i.kind === 'goals' ? i.goals.nodes : [])).find((n) => n.level === 'resultatmål')!;
    expect(goal.fields.find((f) => f.key === 'medansvariga')).toMatchObject({ label: 'Medansvarig', value: 'STN' });
    expect(responsibilityParts({ medansvariga: ['STN', 'KS'] })).toEqual(['Medansvariga: STN, KS']);
  });

  it('labels the assessment in the municipality\'s word', () => {
    const theirs = cardsReport(ARSREDOVISNING_INDEX.replace('status: utkast', 'status: utkast\netiketter: { bedömning: Måluppfyllelse }'));
    expect(find(blocks(theirs), 'resultatmål').cards[0]!.assessment.label).toBe('Måluppfyllelse');
  });
});

describe('table block views', () => {
  const all = blocks(cardsReport());

  it('carries the class of its HTML container, one per kind of block', () => {
    const fokus = find(all, 'tabeller');
    expect(fokus).toMatchObject({ blockKind: 'fokusområden', className: 'block-fokusområden' });
    expect(fokus.tables.map((t) => t.caption)).toEqual(['Fokusområden']);
    expect(new Set(Object.values(blockClasses)).size).toBe(Object.keys(blockClasses).length);
  });

  it('counts the assessed goals per area and in total, Totalt last', () => {
    const counts = find(all, 'bedömningar').counts;
    expect(counts.at(-1)!.namn).toBe('Totalt');
    expect(counts.map((c) => c.namn)).toEqual(['Trygg omsorg', 'Totalt']);
    expect(counts.at(-1)!.sentences.join(', ')).toMatch(/^\d+ av 1 resultatmål/);
  });

  it('a table legend lists only the symbols its cells show', () => {
    const report = cardsReport();
    const view = reportView(report);
    const table = find(view.sections[0]!.blocks, 'bedömningar').tables[0]!;
    const legend = tableLegend({ ...table, legend: [{ kind: 'trend', trend: 'bättre' }] }, view.context.ord);
    expect(legend.entries).toEqual([]);
  });
});
