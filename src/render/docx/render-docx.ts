/**
 * DOCX renderer: the only code that touches the docx library. It reads the
 * same computed model and the same table views as the HTML renderer.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  LineRuleType,
  TextRun,
  type Table,
} from 'docx';
import { isProseBlock, type Block, type Report } from '../../model/types.ts';
import { countSentences, kfMålLine, kfMålView, tableViews, viewContext, type ViewContext } from '../views/table-view.ts';
import { legendOrder, type SymbolRef } from '../symbols.ts';
import { symbolPng } from './symbol-images.ts';
import { hex, type SymbolImages } from './tables.ts';
import { periodText, reportTypeNames, statusLine, titlePageFacts } from '../views/document.ts';
import { LIST_BULLET, LIST_NUMBERED, proseParagraphs } from './prose.ts';
import { tableElements } from './tables.ts';
import { makeDeterministic } from './deterministic.ts';

const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1247, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 };

function blockElements(block: Block, report: Report, lists: { instance: number }, ctx: ViewContext, images: SymbolImages): (Paragraph | Table)[] {
  if (isProseBlock(block)) return proseParagraphs([block], lists);
  const tables = () => tableViews(block, ctx).flatMap((v) => tableElements(v, report.profile, images));
  switch (block.kind) {
    case 'målområde': {
      const instance = ++lists.instance;
      const list = kfMålView(block, ctx)
        ? []
        : [
            new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: 'Kommunfullmäktiges mål', bold: true, color: hex(report.profile.färger.primär) })] }),
            ...block.kfMål.map((kf) => new Paragraph({ numbering: { reference: LIST_BULLET, level: 0, instance }, children: [new TextRun(kfMålLine(kf))] })),
          ];
      return [...(block.beskrivning ? [new Paragraph({ children: [new TextRun({ text: block.beskrivning, italics: true })] })] : []), ...list, ...tables()];
    }
    case 'bedömningar': {
      const instance = ++lists.instance;
      const level = block.nivå === 'kf-mål' ? 'KF-mål' : 'nämndmål';
      const line = (namn: string, sentences: string[]) =>
        new Paragraph({ numbering: { reference: LIST_BULLET, level: 0, instance }, children: [new TextRun({ text: `${namn}: `, bold: true }), new TextRun(`${sentences.join(', ')}.`)] });
      return [...tables(), ...block.områden.map((o) => line(o.namn, countSentences(o.summary, level))), line('Totalt', countSentences(block.totalt, level))];
    }
    default:
      return tables();
  }
}

function titlePage(report: Report): Paragraph[] {
  const primär = hex(report.profile.färger.primär);
  return [
    new Paragraph({ spacing: { before: 2400 }, children: [new TextRun({ text: report.profile.namn, bold: true, color: primär, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: report.meta.nämnd, size: 28 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 400, after: 200 }, children: [new TextRun(report.meta.titel)] }),
    new Paragraph({ spacing: { after: 800 }, children: [new TextRun({ text: `${reportTypeNames[report.type]} ${periodText(report)}`, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: statusLine(report), bold: true })] }),
    ...titlePageFacts(report).map(
      (f, i) => new Paragraph({ spacing: { before: i === 0 ? 2400 : 0 }, children: [new TextRun({ text: `${f.label}: `, bold: true }), new TextRun(f.value)] }),
    ),
  ];
}

export async function renderDocx(report: Report): Promise<Uint8Array> {
  const { färger, typsnitt } = report.profile;
  const draft = report.meta.status === 'utkast';
  const lists = { instance: 0 };
  const ctx = viewContext(report);
  // Symbol images are drawn before the document is assembled (drawing is asynchronous).
  const refs: SymbolRef[] = [...legendOrder.status, ...legendOrder.trend, ...legendOrder.uppdrag];
  const pngs = new Map(await Promise.all(refs.map(async (ref) => [JSON.stringify(ref), await symbolPng(ref, ctx.symbols)] as const)));
  const images: SymbolImages = (ref) => pngs.get(JSON.stringify(ref))!;
  const headerText = draft ? `UTKAST – ${report.meta.titel}` : report.meta.titel;

  const body: (Paragraph | Table)[] = proseParagraphs(report.meta.förord, lists);
  for (const section of report.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(section.rubrik)] }));
    for (const block of section.blocks) body.push(...blockElements(block, report, lists, ctx, images));
  }

  const heading = (size: number) => ({ run: { font: typsnitt, size, bold: true, color: hex(färger.primär) }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });
  const level = (n: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: n,
    format,
    text,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 360 * (n + 1), hanging: 260 } } },
  });

  const doc = new Document({
    title: report.meta.titel,
    subject: `${reportTypeNames[report.type]} ${periodText(report)}`,
    creator: report.meta.nämnd,
    lastModifiedBy: report.meta.nämnd,
    keywords: [reportTypeNames[report.type], report.meta.nämnd, report.profile.namn, periodText(report)].join(', '),
    description: `${reportTypeNames[report.type]} ${periodText(report)} för ${report.meta.nämnd}, ${report.profile.namn}.`,
    styles: {
      default: {
        document: {
          run: { font: typsnitt, size: 21, color: hex(färger.text), language: { value: 'sv-SE' } },
          paragraph: { spacing: { after: 120, line: 276, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font: typsnitt, size: 56, bold: true, color: hex(färger.primär) } },
        heading1: heading(36),
        heading2: heading(28),
        heading3: heading(24),
        heading4: heading(21),
      },
    },
    numbering: {
      config: [
        { reference: LIST_BULLET, levels: [0, 1, 2].map((n) => level(n, LevelFormat.BULLET, ['•', '–', '▪'][n]!)) },
        { reference: LIST_NUMBERED, levels: [0, 1, 2].map((n) => level(n, LevelFormat.DECIMAL, `%${n + 1}.`)) },
      ],
    },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        children: titlePage(report),
      },
      {
        properties: { page: { size: A4, margin: MARGIN, pageNumbers: { start: 2 } } },
        headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: headerText, size: 17, color: '444444' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: (['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] as const).map((part) => new TextRun({ size: 17, color: '444444', children: [part] })),
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });

  return makeDeterministic(new Uint8Array(await Packer.toBuffer(doc)), report.meta.datum);
}
