/** Blocks of a section as Word content, in the order and look of the HTML partials (templates/gemensamt/partials). */
import { HeadingLevel, Paragraph, ShadingType, TextRun, type ParagraphChild, type Table } from 'docx';
import { isProseBlock, type Block, type DataBlock, type Report, type Resultatmål, type Uppdrag } from '../../model/types.ts';
import { withBlockLabels } from '../views/goal-tables.ts';
import { countSentences, kfMålLine, kfMålView, goalLevelName, tableViews, type ViewContext } from '../views/table-view.ts';
import { assessmentNote, groupByArea, responsibilityLine, tagTextColour } from '../views/goal-cards.ts';
import { globalGoal } from '../../model/agenda2030.ts';
import { symbolWord, type SymbolRef } from '../symbols.ts';
import { headingParagraph, proseParagraphs, type ProseState } from './prose.ts';
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

function tables(block: DataBlock, ctx: DocxContext, body: Body): void {
  for (const view of tableViews(block, ctx.view)) {
    // Wide tables get landscape pages of their own, as in the PDF.
    const orientation: Orientation = view.wide ? 'landscape' : 'portrait';
    const { elements, caption } = tableElements(view, ctx.report.profile, ctx.images, orientation);
    ctx.captions.push(caption);
    body.add(elements, orientation);
  }
}

const bullet = (instance: number, children: TextRun[]) => new Paragraph({ numbering: { reference: LIST_BULLET, level: 0, instance }, children });

export function addBlock(block: Block, ctx: DocxContext, body: Body): void {
  if (isProseBlock(block)) {
    body.add(proseParagraphs([block], ctx.prose));
    return;
  }
  switch (block.kind) {
    case 'målområde': {
      if (block.beskrivning) body.add([new Paragraph({ children: [new TextRun({ text: block.beskrivning, italics: true, size: SIZE.body + 2 })] })]);
      // With assessments the KF-mål are listed in a table with their status instead.
      if (!kfMålView(block, ctx.view) && block.kfMål.length) {
        const instance = ++ctx.prose.instance;
        body.add([
          new Paragraph({
            keepNext: true,
            spacing: { before: 200, after: 80 },
            children: [new TextRun({ text: withBlockLabels(ctx.view, block.etiketter).ord.labels.kommunfullmäktiges_mål, bold: true, color: hex(ctx.report.profile.färger.primär) })],
          }),
          ...block.kfMål.map((kf) => bullet(instance, [new TextRun(kfMålLine(kf))])),
        ]);
      }
      tables(block, ctx, body);
      return;
    }
    case 'bedömningar': {
      tables(block, ctx, body);
      if (block.visa === 'mål') return;
      const level = goalLevelName(block.nivå, ctx.view);
      const instance = ++ctx.prose.instance;
      const line = (namn: string, sentences: string[]) => bullet(instance, [new TextRun({ text: `${namn}: `, bold: true }), new TextRun(`${sentences.join(', ')}.`)]);
      body.add([...block.områden.map((o) => line(o.namn, countSentences(o.summary, level, ctx.view.ord))), line('Totalt', countSentences(block.totalt, level, ctx.view.ord))]);
      return;
    }
    case 'uppdrag':
      body.add(uppdragParagraphs(block, ctx));
      return;
    case 'resultatmål':
      body.add(resultatmålParagraphs(block, ctx));
      return;
    case 'diagram':
      if (block.visa !== 'tabell') body.add(chartParagraphs(block, ctx.report.profile));
      tables(block, ctx, body);
      return;
    default:
      tables(block, ctx, body);
  }
}

/** "Label: value" as a paragraph that stays with what follows, as the HTML's definition lists. */
const fact = (label: string, value: ParagraphChild[]) =>
  new Paragraph({ keepNext: true, spacing: { after: 40 }, children: [new TextRun({ text: `${label}: `, bold: true }), ...value] });

const symbolFact = (label: string, ref: SymbolRef, ctx: DocxContext, extra: ParagraphChild[] = []) =>
  fact(label, [symbolRun(ref, ctx.images, symbolWord(ref, ctx.report.profile.ord)), new TextRun(` ${symbolWord(ref, ctx.report.profile.ord)}`), ...extra]);

function comments(items: readonly string[], ctx: DocxContext): Paragraph[] {
  if (items.length === 0) return [];
  const instance = ++ctx.prose.instance;
  return [
    new Paragraph({ keepNext: true, spacing: { before: 80, after: 40 }, children: [new TextRun({ text: 'Kommentar', bold: true })] }),
    ...items.map((c) => bullet(instance, [new TextRun(c)])),
  ];
}

/** Uppdrag as in templates/gemensamt/partials/uppdrag.hbs: grouped by område, each with its facts, status and comments. */
function uppdragParagraphs(block: Uppdrag, ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of groupByArea(block.items)) {
    if (group.område) out.push(headingParagraph(HeadingLevel.HEADING_2, [new TextRun(group.område)], undefined));
    for (const u of group.items) {
      if (u.rubrik) {
        out.push(headingParagraph(group.område ? HeadingLevel.HEADING_3 : HeadingLevel.HEADING_2, [new TextRun(u.rubrik)], undefined));
        out.push(new Paragraph({ children: [new TextRun(u.text)] }));
      } else {
        out.push(new Paragraph({ keepNext: true, spacing: { before: 200, after: 60 }, children: [new TextRun({ text: u.text, bold: true })] }));
      }
      if (u.ansvariga.length) out.push(fact(ctx.view.ord.labels.ansvariga, [new TextRun(u.ansvariga.join(', '))]));
      if (u.huvudansvar) out.push(fact('Huvudansvar', [new TextRun(u.huvudansvar)]));
      if (u.slutdatum) out.push(fact('Slutdatum', [new TextRun(u.slutdatum)]));
      out.push(symbolFact('Status', { kind: 'uppdrag', status: u.status }, ctx));
      out.push(...comments(u.kommentar, ctx));
    }
  }
  if (block.not) out.push(new Paragraph({ children: [new TextRun({ text: block.not, size: SIZE.small })] }));
  return out;
}

/** Resultatmål as in templates/gemensamt/partials/resultatmål.hbs: heading, responsibility, status, Agenda 2030 tags, comments. */
function resultatmålParagraphs(block: Resultatmål, ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  for (const m of block.mål) {
    out.push(headingParagraph(HeadingLevel.HEADING_3, [new TextRun(m.text)], undefined));
    const ansvar = responsibilityLine(m);
    if (ansvar) out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: ansvar, italics: true })] }));
    if (m.bedömning) {
      const note = assessmentNote(m.bedömning, ctx.report.profile.ord);
      out.push(symbolFact('Bedömning', { kind: 'status', status: m.bedömning.status }, ctx, note ? [new TextRun({ text: ` (${note})`, size: SIZE.small })] : []));
    } else {
      out.push(fact('Bedömning', [new TextRun('–')]));
    }
    if (m.agenda2030.length) {
      out.push(
        fact(
          'Agenda 2030',
          m.agenda2030.flatMap((n, i) => {
            const goal = globalGoal(n);
            return [
              ...(i ? [new TextRun('   ')] : []),
              new TextRun({ text: ` ${n} `, bold: true, color: hex(tagTextColour(goal.färg)), shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(goal.färg) } }),
              new TextRun(` ${goal.namn}`),
            ];
          }),
        ),
      );
    }
    out.push(...comments(m.kommentar, ctx));
  }
  return out;
}
