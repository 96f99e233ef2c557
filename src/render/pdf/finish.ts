/**
 * Finishing the printed PDF with pdf-lib, loading and saving the same document
 * so the tag tree survives (pdf-lib's copyPages would drop it):
 * - page content painted outside the tag tree (Chromium's margin boxes: the
 *   running header and "Sida X av Y", and the draft watermark) marked as
 *   artifacts;
 * - RoleMap for Chromium's non-standard tags (Strong, Em → Span);
 * - XMP metadata with dc:title, dc:language and the PDF/UA identifier;
 * - Producer and Creator, and creation/modification dates from the report
 *   (or SOURCE_DATE_EPOCH), never from the clock, so the same input gives the
 *   same bytes.
 * Chromium already writes MarkInfo, StructTreeRoot, /Lang, the title and
 * DisplayDocTitle; they are checked by the PDF/UA test, not rewritten here.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { markUntaggedAsArtifacts } from './content-stream.ts';

export interface PdfFacts {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date of the report. */
  date: string;
  lang: string;
}

/** The report's date as a Date, or SOURCE_DATE_EPOCH when set. */
export function documentDate(isoDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(`${isoDate}T00:00:00Z`);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function xmpPacket(facts: PdfFacts, date: Date): string {
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(facts.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xml(facts.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(facts.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${xml(facts.lang)}</rdf:li></rdf:Bag></dc:language>
<dc:format>application/pdf</dc:format>
<xmp:CreateDate>${stamp}</xmp:CreateDate>
<xmp:ModifyDate>${stamp}</xmp:ModifyDate>
<xmp:MetadataDate>${stamp}</xmp:MetadataDate>
<xmp:CreatorTool>kommunrapport</xmp:CreatorTool>
<pdf:Producer>kommunrapport</pdf:Producer>
<pdf:Keywords>${xml(facts.keywords.join(', '))}</pdf:Keywords>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Structure types Chromium writes that are not standard PDF 1.7 types, mapped to standard ones. */
export const roleMap: Record<string, string> = { Strong: 'Span', Em: 'Span' };

export async function finishPdf(pdf: Uint8Array, facts: PdfFacts): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = documentDate(facts.date);

  const tree = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (tree) {
    const map = tree.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
    for (const [from, to] of Object.entries(roleMap)) map.set(PDFName.of(from), PDFName.of(to));
    tree.set(PDFName.of('RoleMap'), map);
  }

  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    const bytes = refs.map((ref) => {
      const stream = doc.context.lookup(ref);
      return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : new Uint8Array();
    });
    const joined = new Uint8Array(Buffer.concat(bytes.flatMap((b) => [Buffer.from(b), Buffer.from('\n')])));
    const marked = markUntaggedAsArtifacts(joined);
    if (marked !== joined) page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(marked)));
  }

  const metadata = doc.context.stream(xmpPacket(facts, date), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(metadata));

  doc.setTitle(facts.title, { showInWindowTitleBar: true });
  doc.setAuthor(facts.author);
  doc.setSubject(facts.subject);
  doc.setKeywords(facts.keywords);
  doc.setLanguage(facts.lang);
  doc.setCreator('kommunrapport');
  doc.setProducer('kommunrapport');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
