/**
 * An offline subset of the veraPDF PDF/UA-1 rules, read with pdf-lib, and a
 * summary of the tag tree, including painting outside tags and artifacts.
 */
import { untaggedPainting } from '../../src/render/pdf/content-stream.ts';
import { readPdfUa } from './pdfua-rules.ts';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';

/** PDF 1.7 standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

export interface TagSummary {
  counts: Record<string, number>;
  /** Content-bearing NonStruct elements with no semantic element above them (only Document, Div, Sect, NonStruct). */
  bareNonStruct: number;
  /** Table header cells without a /Scope attribute. */
  headerCellsWithoutScope: number;
  /** List items without an LBody child. */
  listItemsWithoutBody: number;
  figuresWithoutAlt: number;
  headingOrder: number[];
}

export async function readTags(pdf: Uint8Array): Promise<{ doc: PDFDocument; tags: TagSummary }> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const counts: Record<string, number> = {};
  let figuresWithoutAlt = 0;
  let listItemsWithoutBody = 0;
  let bareNonStruct = 0;
  let headerCellsWithoutScope = 0;
  const grouping = new Set(['Document', 'Div', 'Sect', 'NonStruct', 'Part', 'Art']);
  const headingOrder: number[] = [];
  const tree = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const walk = (node: unknown, semanticAbove = false) => {
    const d = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (d instanceof PDFDict) {
      const s = d.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
      if (s === 'NonStruct' && !semanticAbove) {
        const k = d.get(PDFName.of('K'));
        const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
        if (kids.some((kid) => !(kid instanceof PDFRef))) bareNonStruct++;
      }
      if (s) {
        counts[s] = (counts[s] ?? 0) + 1;
        if (s === 'Figure' && !d.has(PDFName.of('Alt'))) figuresWithoutAlt++;
        if (s === 'TH' && !/\/Scope \/(Row|Column|Both)/.test(String(d.lookup(PDFName.of('A'))))) headerCellsWithoutScope++;
        if (s === 'LI') {
          const k = d.get(PDFName.of('K'));
          const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
          const hasBody = kids.some((kid) => {
            const c = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
            return c instanceof PDFDict && c.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() === 'LBody';
          });
          if (!hasBody) listItemsWithoutBody++;
        }
        const h = /^H([1-6])$/.exec(s);
        if (h) headingOrder.push(Number(h[1]));
      }
      const k = d.get(PDFName.of('K'));
      if (k) walk(k, semanticAbove || (s !== undefined && !grouping.has(s)));
    } else if (d instanceof PDFArray) {
      for (let i = 0; i < d.size(); i++) walk(d.get(i), semanticAbove);
    }
  };
  if (tree) walk(tree.get(PDFName.of('K')));
  return { doc, tags: { counts, figuresWithoutAlt, bareNonStruct, headerCellsWithoutScope, listItemsWithoutBody, headingOrder } };
}

/** The failed rules of the catalog checks and the wider structure check (pdfua-rules.ts), as readable lines; empty when the PDF passes. */
export async function checkPdfUa(pdf: Uint8Array): Promise<string[]> {
  return [...(await checkCatalog(pdf)), ...[...new Set((await readPdfUa(pdf)).failures)]];
}

async function checkCatalog(pdf: Uint8Array): Promise<string[]> {
  const { doc, tags } = await readTags(pdf);
  const failures: string[] = [];
  const cat = doc.catalog;
  const markInfo = cat.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean() !== true) failures.push('7.1: MarkInfo /Marked är inte true');
  const tree = cat.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!tree) failures.push('7.1: StructTreeRoot saknas');
  const langObject = cat.lookup(PDFName.of('Lang'));
  const lang = langObject instanceof PDFString || langObject instanceof PDFHexString ? langObject.decodeText() : undefined;
  if (!lang || !/^sv/.test(lang)) failures.push(`7.2: /Lang saknas eller är inte svenska (${String(lang)})`);
  const vp = cat.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  if (vp?.lookupMaybe(PDFName.of('DisplayDocTitle'), PDFBool)?.asBoolean() !== true) failures.push('7.1: ViewerPreferences /DisplayDocTitle är inte true');
  if (markInfo?.lookupMaybe(PDFName.of('Suspects'), PDFBool)?.asBoolean() === true) failures.push('7.1-4: MarkInfo /Suspects är true');
  if (!doc.getTitle()) failures.push('7.1: dokumenttitel saknas i Info');
  const meta = cat.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  const xmp = meta instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(meta).decode()).toString('utf8') : '';
  if (!xmp.includes('<dc:title>')) failures.push('7.1: XMP saknar dc:title');
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp)) failures.push('5: XMP saknar pdfuaid:part 1');
  const roleMap = tree?.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  for (const s of Object.keys(tags.counts)) {
    if (STANDARD.has(s)) continue;
    const mapped = roleMap?.lookupMaybe(PDFName.of(s), PDFName)?.decodeText();
    if (!mapped || !STANDARD.has(mapped)) failures.push(`7.1: icke-standardtaggen ${s} saknar rollmappning`);
  }
  if (tags.figuresWithoutAlt > 0) failures.push(`7.3: ${tags.figuresWithoutAlt} figurer saknar alternativtext`);
  if ((tags.counts.Table ?? 0) > 0 && !((tags.counts.TH ?? 0) > 0)) failures.push('7.5: tabeller saknar rubrikceller (TH)');
  if (tags.headerCellsWithoutScope > 0) failures.push(`7.5: ${tags.headerCellsWithoutScope} rubrikceller (TH) saknar Scope`);
  if (tags.listItemsWithoutBody > 0) failures.push(`7.6: ${tags.listItemsWithoutBody} listpunkter saknar LBody`);
  doc.getPages().forEach((page, i) => {
    const annots = page.node.Annots()?.asArray() ?? [];
    const bare = annots.filter((ref) => {
      const a = doc.context.lookup(ref);
      return a instanceof PDFDict && a.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() === 'Link' && !a.has(PDFName.of('Contents'));
    }).length;
    if (bare > 0) failures.push(`7.18.5: sida ${i + 1} har ${bare} länkar utan beskrivning (/Contents)`);
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const count = refs.reduce((n, ref) => {
      const stream = doc.context.lookup(ref);
      return n + (stream instanceof PDFRawStream ? untaggedPainting(decodePDFRawStream(stream).decode()).length : 0);
    }, 0);
    if (count > 0) failures.push(`7.1: sida ${i + 1} målar ${count} gånger utanför taggar och artefakter`);
  });
  let previous = 0;
  for (const level of tags.headingOrder) {
    if (level > previous + 1) failures.push(`7.4.2: rubriknivå H${level} följer på H${previous}`);
    previous = level;
  }
  return failures;
}
