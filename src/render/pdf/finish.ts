/**
 * Finishing the printed PDF with pdf-lib, loading and saving the same document
 * so the tag tree survives (pdf-lib's copyPages would drop it):
 * - page content painted outside the tag tree (Chromium's margin boxes: the
 *   running header and "Sida X av Y", and the draft watermark) marked as
 *   artifacts;
 * - RoleMap for Chromium's non-standard tags (Strong, Em → Span);
 * - list items whose content is wrapped in LBody, as PDF/UA expects;
 * - table header rows repeated on continuation pages marked as artifacts, so
 *   they are read once (repeated-headers.ts);
 * - the header cells' ids numbered in tree order, not by Chromium's DOM node
 *   counter (struct-ids.ts);
 * - link annotations with a description (/Contents);
 * - XMP metadata with dc:title, dc:language and the PDF/UA identifier;
 * - Producer and Creator, and creation/modification dates from the report
 *   (or SOURCE_DATE_EPOCH), never from the clock, so the same input gives the
 *   same bytes.
 * Chromium already writes MarkInfo, StructTreeRoot, /Lang, the title and
 * DisplayDocTitle; they are checked by the PDF/UA test, not rewritten here.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { markUntaggedAsArtifacts } from './content-stream.ts';
import { loadPdf, savePdf } from './load.ts';
import { pageContent } from './page-content.ts';
import { sameHeading } from './outline.ts';
import { artifactMarkedContent, detachRepeatedHeaders } from './repeated-headers.ts';
import { renumberStructIds } from './struct-ids.ts';

export interface PdfFacts {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** ISO date of the report. */
  date: string;
  lang: string;
  /** What an internal link leads to, by element id: "Ekonomi". */
  linkTargets: ReadonlyMap<string, string>;
  /** The document's headings as written, to repair bookmark titles that Chromium garbles. */
  headings: readonly string[];
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

/** Wraps the content of every LI that lacks one in an LBody, keeping Lbl children first. */
function wrapListBodies(doc: PDFDocument, tree: PDFDict): void {
  const renamed = new Map<PDFRef, PDFRef>();
  const visit = (ref: PDFObject | undefined, parentRef?: PDFRef) => {
    const node = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (node instanceof PDFArray) {
      for (const item of node.asArray()) visit(item, parentRef);
      return;
    }
    if (!(node instanceof PDFDict) || !(ref instanceof PDFRef)) return;
    const kind = node.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText();
    const k = node.get(PDFName.of('K'));
    const kids = k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
    if (kind === 'LI') {
      const isTag = (kid: PDFObject, tag: string) => {
        const d = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
        return d instanceof PDFDict && d.lookupMaybe(PDFName.of('S'), PDFName)?.decodeText() === tag;
      };
      if (!kids.some((kid) => isTag(kid, 'LBody'))) {
        const labels = kids.filter((kid) => isTag(kid, 'Lbl'));
        const body = kids.filter((kid) => !isTag(kid, 'Lbl'));
        if (body.length > 0) {
          const lbody = doc.context.obj({ Type: 'StructElem', S: 'LBody', P: ref, K: body });
          const pg = node.get(PDFName.of('Pg'));
          if (pg) lbody.set(PDFName.of('Pg'), pg);
          const lbodyRef = doc.context.register(lbody);
          for (const kid of body) {
            const d = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
            if (d instanceof PDFDict && d.get(PDFName.of('Type'))?.toString() === '/StructElem') d.set(PDFName.of('P'), lbodyRef);
          }
          // Marked content and annotations owned directly by the LI now belong to its LBody.
          if (body.some((kid) => !(kid instanceof PDFRef) || !isTag(kid, 'LBody'))) renamed.set(ref, lbodyRef);
          node.set(PDFName.of('K'), doc.context.obj([...labels, lbodyRef]));
          for (const kid of body) visit(kid, lbodyRef);
          return;
        }
      }
    }
    for (const kid of kids) visit(kid, ref);
  };
  visit(tree.get(PDFName.of('K')));
  if (renamed.size === 0) return;

  // The parent tree maps marked content and annotations back to their element: point the moved ones at the LBody.
  const fix = (value: PDFObject | undefined): PDFObject | undefined => (value instanceof PDFRef && renamed.has(value) ? renamed.get(value) : undefined);
  const walkNumberTree = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) {
      for (let i = 1; i < nums.size(); i += 2) {
        const value = nums.get(i);
        const direct = fix(value);
        if (direct) {
          nums.set(i, direct);
          continue;
        }
        const list = value instanceof PDFRef ? doc.context.lookup(value) : value;
        if (list instanceof PDFArray) list.asArray().forEach((entry, j) => {
          const replaced = fix(entry);
          if (replaced) list.set(j, replaced);
        });
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    kids?.asArray().forEach((kid) => {
      const d = doc.context.lookup(kid);
      if (d instanceof PDFDict) walkNumberTree(d);
    });
  };
  const parentTree = tree.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  if (parentTree) walkNumberTree(parentTree);
}

/** Gives every link annotation a description: where an internal link leads, or the address of an external one. */
function describeLinks(doc: PDFDocument, targets: ReadonlyMap<string, string>): void {
  for (const page of doc.getPages()) {
    const annots = page.node.Annots();
    if (!annots) continue;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText() !== 'Link') continue;
      if (annot.has(PDFName.of('Contents'))) continue;
      const dest = annot.lookupMaybe(PDFName.of('Dest'), PDFName)?.decodeText();
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const uriObject = action?.lookup(PDFName.of('URI'));
      const uri = uriObject instanceof PDFString || uriObject instanceof PDFHexString ? uriObject.decodeText() : undefined;
      const description = dest !== undefined ? `Gå till ${targets.get(dest) ?? 'avsnittet'}` : uri ? `Länk till ${uri}` : 'Länk';
      annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
}

/** Gives every bookmark its heading's text where Chromium has garbled it (see sameHeading). */
function repairBookmarks(doc: PDFDocument, headings: readonly string[]): void {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const raw = node.lookup(PDFName.of('Title'));
      const title = raw instanceof PDFString || raw instanceof PDFHexString ? raw.decodeText() : undefined;
      if (title !== undefined && !headings.includes(title)) {
        const heading = headings.find((h) => sameHeading(title, h));
        if (heading) node.set(PDFName.of('Title'), PDFHexString.fromText(heading));
      }
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}

export async function finishPdf(pdf: Uint8Array, facts: PdfFacts): Promise<Uint8Array> {
  return finishDocument(await loadPdf(pdf), facts);
}

/**
 * Finishes a printed PDF already loaded; `rewritten` holds the new content of
 * pages changed before finishing (the contents page with its page numbers).
 */
export async function finishDocument(doc: PDFDocument, facts: PdfFacts, rewritten: ReadonlyMap<PDFRef, Uint8Array> = new Map()): Promise<Uint8Array> {
  const date = documentDate(facts.date);

  const tree = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (tree) {
    const map = tree.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? doc.context.obj({});
    for (const [from, to] of Object.entries(roleMap)) map.set(PDFName.of(from), PDFName.of(to));
    tree.set(PDFName.of('RoleMap'), map);
    wrapListBodies(doc, tree);
    renumberStructIds(doc, tree);
  }
  const repeatedHeaders = tree ? detachRepeatedHeaders(doc, tree) : new Map<PDFRef, Set<number>>();
  describeLinks(doc, facts.linkTargets);
  repairBookmarks(doc, facts.headings);

  for (const page of doc.getPages()) {
    const changed = rewritten.get(page.ref);
    const joined = changed ?? pageContent(doc, page);
    const repeats = repeatedHeaders.get(page.ref);
    const marked = markUntaggedAsArtifacts(repeats ? artifactMarkedContent(joined, repeats) : joined);
    if (marked !== joined || changed) page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(marked)));
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
  return savePdf(doc);
}
