/**
 * DOCX renderer: the only code that touches the docx library. It reads the
 * same computed model and the same table views as the HTML renderer and lays
 * them out in the same order: title page → contents → förord → sections.
 *
 * Word sections: the title page (no header or footer), then the body in
 * portrait A4 with a running header and "Sida X av Y", switching to landscape
 * sections for wide tables. Page numbers count the title page, as in the PDF,
 * so the contents page is page 2 in both.
 */
import { BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, Tab, TabStopType, TableOfContents, TextRun, type ISectionOptions } from 'docx';
import type { ProseBlock, Report } from '../../model/types.ts';
import { legendOrder, type SymbolRef } from '../symbols.ts';
import type { TitlePageView, TocEntry } from '../views/document.ts';
import { reportView, type ReportView } from '../views/blocks.ts';
import { symbolPng } from './symbol-images.ts';
import { headingParagraph, proseParagraphs, type ProseState } from './prose.ts';
import { A4, MARGIN, STYLE, documentStyles, hex, listNumbering, textWidth, type Orientation } from './styles.ts';
import { Body, addBlock, type DocxContext } from './blocks.ts';
import { TOC_ALIAS, finishDocx } from './finish.ts';
import type { SymbolImages } from './tables.ts';
import { embeddedFont } from './fonts.ts';
import { logoImages, type Logo } from './logo.ts';

function titlePage(page: TitlePageView, report: Report, logo: Logo): Paragraph[] {
  const { färger } = report.profile;
  const alt = `Logotyp: ${page.kommun}`;
  return [
    // The SVG with a PNG drawn from it for readers without SVG support; both described.
    new Paragraph({
      children: [
        new ImageRun({
          type: 'svg',
          data: logo.svg,
          fallback: { type: 'png', data: logo.png },
          transformation: { width: logo.width, height: logo.height },
          altText: { name: alt, title: alt, description: alt },
        }),
      ],
    }),
    new Paragraph({ spacing: { before: 1200 }, children: [new TextRun({ text: page.kommun, bold: true, color: hex(färger.primär), size: 25 })] }),
    new Paragraph({ children: [new TextRun({ text: page.nämnd, size: 27 })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(page.titel)] }),
    new Paragraph({ spacing: { after: 600 }, children: [new TextRun({ text: page.undertitel, size: 27 })] }),
    new Paragraph({
      border: { top: { style: BorderStyle.SINGLE, size: 18, space: 6, color: hex(färger.sekundär) } },
      children: [new TextRun({ text: page.status, bold: true })],
    }),
    ...page.facts.map(
      (f, i) =>
        new Paragraph({
          spacing: { before: i === 0 ? 2400 : 0, after: 40 },
          tabStops: [{ type: TabStopType.LEFT, position: 1900 }],
          children: [new TextRun({ text: f.label, bold: true }), new TextRun({ children: [new Tab(), f.value] })],
        }),
    ),
  ];
}

/**
 * The contents entries shown until Word updates the field, and bookmark names
 * for their headings (sections and their level-2 headings) so the entries are
 * links. Word's contents field rebuilds its own entries and bookmarks.
 */
function contents(report: Report, entries: readonly TocEntry[]): { sections: Map<string, string>; headings: Map<ProseBlock, string>; entries: { title: string; level: number; href?: string }[] } {
  const names = new Map<number, string>();
  const sections = new Map<string, string>();
  const headings = new Map<ProseBlock, string>();
  // tocEntries lists each section, then its level-2 headings: walk them in the same order.
  let next = 0;
  const mark = (id: string, level: 1 | 2) => {
    const entry = entries[next];
    if (!entry || entry.id !== id || entry.level !== level) return undefined;
    const name = `_Toc_${next + 1}`;
    names.set(next++, name);
    return name;
  };
  for (const s of report.sections) {
    const name = mark(s.id, 1);
    if (name) sections.set(s.id, name);
    for (const b of s.blocks) {
      if (b.kind !== 'heading' || b.level !== 2) continue;
      const heading = mark(b.id, 2);
      if (heading) headings.set(b, heading);
    }
  }
  return { sections, headings, entries: entries.map((e, i) => ({ title: e.title, level: e.level, href: names.get(i) })) };
}

const sectionPage = (orientation: Orientation) => ({
  size: { ...A4, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
  margin: MARGIN,
});

export async function renderDocx(report: Report, views: ReportView = reportView(report)): Promise<Uint8Array> {
  const view = views.context;
  // Symbol images are drawn before the document is assembled (drawing is asynchronous).
  const refs: SymbolRef[] = [...legendOrder.status, ...legendOrder.trend, ...legendOrder.uppdrag];
  const pngs = new Map(await Promise.all(refs.map(async (ref) => [JSON.stringify(ref), await symbolPng(ref, view.symbols)] as const)));
  const images: SymbolImages = (ref) => pngs.get(JSON.stringify(ref))!;

  const toc = contents(report, views.toc);
  const prose: ProseState = { instance: 0, bookmarks: toc.headings };
  const ctx: DocxContext = { report, view, images, prose, captions: [] };

  const body = new Body();
  body.add([
    new Paragraph({ style: STYLE.tocHeading, children: [new TextRun('Innehåll')] }),
    new TableOfContents(TOC_ALIAS, { hyperlink: true, headingStyleRange: '1-2', cachedEntries: toc.entries }),
  ]);
  if (views.förord.length) {
    body.add([
      new Paragraph({ spacing: { before: 480, after: 120 }, border: { top: { style: BorderStyle.SINGLE, size: 6, space: 1, color: 'C8C8C8' } }, children: [] }),
      ...proseParagraphs(views.förord, prose),
    ]);
  }
  for (const section of views.sections) {
    body.add([headingParagraph(HeadingLevel.HEADING_1, [new TextRun(section.rubrik)], toc.sections.get(section.id), { pageBreakBefore: true })]);
    for (const block of section.blocks) addBlock(block, ctx, body);
  }

  const { facts } = views;
  const header = () => new Header({ children: [new Paragraph({ style: STYLE.header, children: [new TextRun(facts.runningHeader)] })] });
  const footer = () =>
    new Footer({
      children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })] })],
    });
  const bodySections: ISectionOptions[] = body.runs.map((run) => ({
    properties: { page: sectionPage(run.orientation) },
    headers: { default: header() },
    footers: { default: footer() },
    children: run.children,
  }));

  const doc = new Document({
    title: facts.title,
    subject: `${facts.typ} ${facts.period}`,
    creator: facts.nämnd,
    lastModifiedBy: facts.nämnd,
    keywords: facts.keywords.join(', '),
    description: `${facts.summary}.`,
    // Word asks to update the contents (and page numbers) when the file is opened.
    features: { updateFields: true },
    styles: documentStyles(report.profile),
    numbering: listNumbering(),
    sections: [{ properties: { page: sectionPage('portrait') }, children: titlePage(views.titlePage, report, await logoImages(report.profile)) }, ...bodySections],
  });

  return finishDocx(await packStored(doc), { date: facts.datum, tableCaptions: ctx.captions, font: embeddedFont(report.profile.typsnitt), contentsTab: textWidth('portrait') });
}

/** The part of docx's Packer that builds the package; docx keeps it private (docx is pinned in package.json). */
type DocxCompiler = { compile(file: Document): { generateAsync(options: { type: 'uint8array'; compression: 'STORE' }): Promise<Uint8Array> } };

/**
 * The package with its parts stored, not compressed: finishDocx unzips and
 * zips every part once more, so the library's own (pure JavaScript) deflate
 * would be work thrown away. Falls back to Packer.toBuffer if a docx version
 * ever lacks the compiler; the bytes after finishDocx are the same either way.
 */
export async function packStored(doc: Document): Promise<Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: DocxCompiler }).compiler;
  if (typeof compiler?.compile !== 'function') return new Uint8Array(await Packer.toBuffer(doc));
  return compiler.compile(doc).generateAsync({ type: 'uint8array', compression: 'STORE' });
}
