/** Block views (src/render/views/blocks.ts) as Word content, in the order and look of the HTML partials (templates/gemensamt/partials). */
import { HeadingLevel, Paragraph, ShadingType, TextRun, type ParagraphChild, type Table } from 'docx';
import type { Report } from '../../model/types.ts';
import type { TableView, ViewContext } from '../views/cells.ts';
import type { BlockView } from '../views/blocks.ts';
import type { CommentsView, ResultatmålCardView, SymbolFactView, UppdragBlockView } from '../views/goal-cards.ts';
import { BULLETS, headingParagraph, proseParagraphs, type ProseState } from './prose.ts';
import { LIST_BULLET, SIZE, hex, type Orientation } from './styles.ts';
import { symbolRun, tableElements, type SymbolImages } from './tables.ts';
import { chartParagraphs } from '../charts/docx.ts';

export interface DocxContext {
  report: Report;
  view: ViewContext;
  images: SymbolImages;
  prose: ProseState;
  /** Captions of the tables in document order, for their table properties (see finish.ts). */
  captions: string[];
}

/** Content of the body, split where the page orientation changes: each run becomes a Word section. */
export class Body {
  readonly runs: { orientation: Orientation; children: (Paragraph | Table)[] }[] = [];

  add(children: (Paragraph | Table)[], orientation: Orientation = 'portrait'): void {
    const last = this.runs.at(-1);
    if (last && last.orientation === orientation) last.children.push(...children);
    else this.runs.push({ orientation, children: [...children] });
  }
}

function tables(views: readonly TableView[], ctx: DocxContext, body: Body): void {
  for (const view of views) {
    // Wide tables get landscape pages of their own, as in the PDF.
    const orientation: Orientation = view.wide ? 'landscape' : 'portrait';
    const { elements, caption } = tableElements(view, ctx.report.profile, ctx.images, orientation);
    ctx.captions.push(caption);
    body.add(elements, orientation);
  }
}

const bullet = (children: TextRun[]) => new Paragraph({ numbering: { reference: LIST_BULLET, level: 0, instance: BULLETS }, children });

/** One block view as Word content, in the order of its HTML partial. */
export function addBlock(view: BlockView, ctx: DocxContext, body: Body): void {
  if (view.kind === 'prose') {
    body.add(proseParagraphs([view.block], ctx.prose));
    return;
  }
  switch (view.kind) {
    case 'målområde': {
      if (view.beskrivning) body.add([new Paragraph({ children: [new TextRun({ text: view.beskrivning, italics: true, size: SIZE.body + 2 })] })]);
      if (view.kfMål.items.length) {
        body.add([
          new Paragraph({
            keepNext: true,
            spacing: { before: 200, after: 80 },
            children: [new TextRun({ text: view.kfMål.label, bold: true, color: hex(ctx.report.profile.färger.primär) })],
          }),
          ...view.kfMål.items.map((line) => bullet([new TextRun(line)])),
        ]);
      }
      tables(view.tables, ctx, body);
      return;
    }
    case 'bedömningar': {
      tables(view.tables, ctx, body);
      if (view.counts.length === 0) return;
      body.add(view.counts.map((c) => bullet([new TextRun({ text: `${c.namn}: `, bold: true }), new TextRun(`${c.sentences.join(', ')}.`)])));
      return;
    }
    case 'uppdrag':
      body.add(uppdragParagraphs(view, ctx));
      return;
    case 'resultatmål':
      body.add(resultatmålParagraphs(view.cards, ctx));
      return;
    case 'diagram':
      if (view.chart) body.add(chartParagraphs(view.chart, ctx.report.profile));
      tables(view.tables, ctx, body);
      return;
    case 'tabeller':
      tables(view.tables, ctx, body);
  }
}

/** "Label: value" as a paragraph that stays with what follows, as the HTML's definition lists. */
const fact = (label: string, value: ParagraphChild[]) =>
  new Paragraph({ keepNext: true, spacing: { after: 40 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...value] });

const symbolFact = (f: SymbolFactView, ctx: DocxContext, extra: ParagraphChild[] = []) =>
  fact(f.label, [symbolRun(f.symbol, ctx.images, f.word), new TextRun(` ${f.word}`), ...extra]);

function comments(view: CommentsView, ctx: DocxContext): Paragraph[] {
  if (view.items.length === 0) return [];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 80, after: 40 }, children: [new TextRun({ text: view.label, bold: true })] }),
    ...view.items.map((c) => bullet([new TextRun(c)])),
  ];
}

/** Uppdrag cards grouped by område, each with its facts, status and comments. */
function uppdragParagraphs(view: UppdragBlockView & { not?: string }, ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of view.groups) {
    if (group.område) out.push(headingParagraph(HeadingLevel.HEADING_2, [new TextRun(group.område)], undefined));
    for (const card of group.cards) {
      if (card.rubrik) {
        out.push(headingParagraph(card.level === 3 ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, [new TextRun(card.rubrik)], undefined));
        out.push(new Paragraph({ children: [new TextRun(card.text)] }));
      } else {
        out.push(new Paragraph({ keepNext: true, spacing: { before: 200, after: 60 }, children: [new TextRun({ text: card.text, bold: true })] }));
      }
      for (const f of card.facts) if (f.value) out.push(fact(f.label, [new TextRun(f.value)]));
      out.push(symbolFact(card.status, ctx));
      out.push(...comments(card.kommentar, ctx));
    }
  }
  if (view.not) out.push(new Paragraph({ children: [new TextRun({ text: view.not, size: SIZE.small })] }));
  return out;
}

/** Resultatmål cards: heading, responsibility, status, Agenda 2030 tags, comments. */
function resultatmålParagraphs(cards: readonly ResultatmålCardView[], ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  for (const card of cards) {
    out.push(headingParagraph(HeadingLevel.HEADING_3, [new TextRun(card.text)], undefined));
    if (card.ansvar) out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: card.ansvar, italics: true })] }));
    const { assessment } = card;
    if (assessment.symbol) {
      const note = assessment.note ? [new TextRun({ text: ` (${assessment.note})`, size: SIZE.small })] : [];
      out.push(symbolFact({ label: assessment.label, symbol: assessment.symbol, word: assessment.word! }, ctx, note));
    } else {
      out.push(fact(assessment.label, [new TextRun('–')]));
    }
    if (card.agenda.goals.length) {
      out.push(
        fact(
          card.agenda.label,
          card.agenda.goals.flatMap((goal, i) => [
            ...(i ? [new TextRun('   ')] : []),
            new TextRun({ text: ` ${goal.nummer} `, bold: true, color: hex(goal.textfärg), shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(goal.färg) } }),
            new TextRun(` ${goal.namn}`),
          ]),
        ),
      );
    }
    out.push(...comments(card.kommentar, ctx));
  }
  return out;
}
