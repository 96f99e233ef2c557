/**
 * The renderers print what the views say: every label and value of a card,
 * the title page and the document facts come out of the HTML, the DOCX and the
 * review text as the view has them, with nothing laid out again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reportView, type BlockView, type ReportView } from '../../src/render/views/blocks.ts';
import type { Report } from '../../src/model/types.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { reviewText } from '../../src/review/text.ts';
import { docxParts, docxText } from '../helpers/read-back.ts';
import { cardsReport } from '../helpers/cards.ts';

let report: Report;
let view: ReportView;
let html: string;
let docx: Record<string, string>;
let docxLines: string[];
let review: string;

beforeAll(async () => {
  report = cardsReport();
  view = reportView(report);
  html = renderHtml(report, {}, view);
  docx = docxParts(await renderDocx(report, view));
  docxLines = docxText(docx['word/document.xml']!).split('\n');
  review = reviewText(report, view);
});

const of = <K extends BlockView['kind']>(kind: K) => view.sections.flatMap((s) => s.blocks).filter((b): b is Extract<BlockView, { kind: K }> => b.kind === kind);
const escape = (s: string) => s.replace(/&/g, '&amp;');

describe('every output reads the views', () => {
  it('prints each uppdrag fact, status and comment under the view\'s label', () => {
    const cards = of('uppdrag').flatMap((b) => b.groups.flatMap((g) => g.cards));
    expect(cards.length).toBe(2);
    for (const card of cards) {
      for (const f of card.facts.filter((x) => x.value)) {
        expect(html).toContain(`<span class="etikett">${f.label}:</span> ${escape(f.value)}`);
        expect(docxLines).toContain(`${f.label}: ${f.value}`);
        expect(review).toContain(`${f.label}: ${f.value}`);
      }
      expect(html).toContain(`<span class="etikett">${card.status.label}:</span> <span class="symbol">`);
      expect(docxLines).toContain(`${card.status.label}:  ${card.status.word}`);
      expect(review).toContain(`${card.status.label}: ${card.status.word}`);
      for (const k of card.kommentar.items) expect(review).toContain(`kommentar: ${k}`);
    }
    // A fact without a value is printed nowhere.
    expect(html).not.toContain('<span class="etikett">Slutdatum:</span> <');
  });

  it('prints each resultatmål card as its view says', () => {
    for (const card of of('resultatmål')[0]!.cards) {
      expect(html).toContain(`<h3 id="${card.id}">${card.text}</h3>`);
      expect(html).toContain(`<span class="etikett">${card.assessment.label}:</span> `);
      expect(docxLines).toContain(card.text);
      if (card.ansvar) {
        expect(html).toContain(`<p class="resultatmal-ansvar">${card.ansvar}</p>`);
        expect(docxLines).toContain(card.ansvar);
      }
      if (card.assessment.word) {
        expect(docxLines).toContain(`${card.assessment.label}:  ${card.assessment.word}`);
        expect(review).toContain(`${card.assessment.label}: ${card.assessment.word}`);
      } else expect(docxLines).toContain(`${card.assessment.label}: –`);
      if (card.agenda.goals.length) expect(html).toContain(`<span class="etikett">${card.agenda.label}:</span>`);
      if (card.kommentar.items.length) expect(html).toContain(`<p class="kommentar-rubrik">${card.kommentar.label}</p>`);
    }
  });

  it('puts each data block in a container with the view\'s class, and the uppdrag legend as the view lists it', () => {
    for (const block of view.sections.flatMap((s) => s.blocks)) if (block.kind !== 'prose') expect(html).toContain(`<div class="block ${block.className}">`);
    const legend = of('uppdrag')[0]!.legend;
    const printed = html.slice(html.indexOf('<div class="block block-uppdrag">'));
    expect([...printed.matchAll(/<span class="teckenforklaring-post">.*?<span aria-hidden="true">([^<]*)<\/span>/g)].map((m) => m[1]).slice(0, legend.entries.length)).toEqual(legend.entries.map((e) => e.word));
  });

  it('prints the counts of the bedömningar block as the view words them', () => {
    for (const c of of('bedömningar')[0]!.counts) {
      expect(html).toContain(`<li><strong>${c.namn}:</strong> ${c.sentences.join(', ')}.</li>`);
      expect(docxLines).toContain(`${c.namn}: ${c.sentences.join(', ')}.`);
    }
  });

  it('takes the title page and the document facts from the views', () => {
    const { facts, titlePage } = view;
    expect(html).toContain(`<title>${facts.title} – ${facts.kommun}</title>`);
    expect(html).toContain(`<meta name="description" content="${facts.summary}.">`);
    expect(html).toContain(`<p class="titelsida-status">${titlePage.status}</p>`);
    expect(html).toContain(`content:"${facts.runningHeader}"`);
    expect(docx['docProps/core.xml']).toContain(`<dc:title>${facts.title}</dc:title>`);
    expect(docx['docProps/core.xml']).toContain(`<dc:description>${facts.summary}.</dc:description>`);
    expect(Object.entries(docx).filter(([name]) => name.startsWith('word/header')).some(([, xml]) => xml.includes(facts.runningHeader))).toBe(true);
    const page = [titlePage.kommun, titlePage.nämnd, titlePage.titel, titlePage.undertitel, titlePage.status, ...titlePage.facts.map((f) => `${f.label}${f.value}`)];
    expect(docxLines.slice(0, page.length)).toEqual(page);
    expect(review).toContain(`Status: ${facts.adoption}`);
  });
});
