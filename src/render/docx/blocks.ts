/** Blocks of a section as Word content, in the order and look of the HTML partials (templates/verksamhetsplan/partials). */
import { Paragraph, TextRun, type Table } from 'docx';
import { isProseBlock, type Block, type DataBlock, type Report } from '../../model/types.ts';
import { countSentences, kfMålLine, kfMålView, tableViews, type ViewContext } from '../views/table-view.ts';
import { proseParagraphs, type ProseState } from './prose.ts';
import { LIST_BULLET, SIZE, hex, type Orientation } from './styles.ts';
import { tableElements, type SymbolImages } from './tables.ts';

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
            children: [new TextRun({ text: 'Kommunfullmäktiges mål', bold: true, color: hex(ctx.report.profile.färger.primär) })],
          }),
          ...block.kfMål.map((kf) => bullet(instance, [new TextRun(kfMålLine(kf))])),
        ]);
      }
      tables(block, ctx, body);
      return;
    }
    case 'bedömningar': {
      tables(block, ctx, body);
      const level = block.nivå === 'kf-mål' ? 'KF-mål' : 'nämndmål';
      const instance = ++ctx.prose.instance;
      const line = (namn: string, sentences: string[]) => bullet(instance, [new TextRun({ text: `${namn}: `, bold: true }), new TextRun(`${sentences.join(', ')}.`)]);
      body.add([...block.områden.map((o) => line(o.namn, countSentences(o.summary, level))), line('Totalt', countSentences(block.totalt, level))]);
      return;
    }
    default:
      tables(block, ctx, body);
  }
}
