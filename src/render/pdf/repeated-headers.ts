/**
 * Table header rows that Chromium repeats at the top of every continuation page
 * are painted into the same TH elements as the first, so a screen reader reads
 * each column header once per page. Here the repeats become pagination
 * artifacts: their marked content leaves the tag tree and the parent tree, and
 * the content stream marks it /Artifact. The header row is read once, where
 * the table starts.
 */
import { PDFArray, PDFDict, PDFName, PDFNull, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { splice, tokenize } from './content-stream.ts';

type Kid = PDFObject;

const nameOf = (d: PDFDict, key: string) => d.lookupMaybe(PDFName.of(key), PDFName)?.decodeText();

function kidsOf(d: PDFDict): Kid[] {
  const k = d.get(PDFName.of('K'));
  return k === undefined ? [] : k instanceof PDFArray ? k.asArray() : [k];
}

/** The page and MCID of a marked-content reference (a bare number under an element's /Pg, or an MCR). */
function markedContent(doc: PDFDocument, kid: Kid, pg: PDFObject | undefined): { page: PDFRef; mcid: number } | undefined {
  if (kid instanceof PDFNumber && pg instanceof PDFRef) return { page: pg, mcid: kid.asNumber() };
  const d = kid instanceof PDFRef ? doc.context.lookup(kid) : kid;
  if (d instanceof PDFDict && nameOf(d, 'Type') === 'MCR') {
    const page = d.get(PDFName.of('Pg')) ?? pg;
    const mcid = d.lookupMaybe(PDFName.of('MCID'), PDFNumber);
    if (page instanceof PDFRef && mcid) return { page, mcid: mcid.asNumber() };
  }
  return undefined;
}

function element(doc: PDFDocument, kid: Kid): PDFDict | undefined {
  const d = kid instanceof PDFRef ? doc.context.lookup(kid) : undefined;
  return d instanceof PDFDict && d.has(PDFName.of('S')) ? d : undefined;
}

/** A header row: every cell a TH with column scope. */
function isHeaderRow(doc: PDFDocument, tr: PDFDict): boolean {
  const cells = kidsOf(tr).map((k) => element(doc, k)).filter((d): d is PDFDict => d !== undefined);
  return cells.length > 0 && cells.every((cell) => {
    if (nameOf(cell, 'S') !== 'TH') return false;
    const a = cell.get(PDFName.of('A'));
    const attrs = a instanceof PDFArray ? a.asArray() : a ? [a] : [];
    return attrs.some((x) => {
      const d = x instanceof PDFRef ? doc.context.lookup(x) : x;
      const scope = d instanceof PDFDict ? nameOf(d, 'Scope') : undefined;
      return scope === 'Column' || scope === 'Both';
    });
  });
}

/** Every marked-content reference below an element, with the page it is on. */
function collect(doc: PDFDocument, d: PDFDict, pg: PDFObject | undefined, out: { page: PDFRef; mcid: number }[]): void {
  const own = d.get(PDFName.of('Pg')) ?? pg;
  for (const kid of kidsOf(d)) {
    const mc = markedContent(doc, kid, own);
    if (mc) out.push(mc);
    const child = element(doc, kid);
    if (child) collect(doc, child, own, out);
  }
}

/** Removes the marked content on other pages than `keep` from an element and its descendants; drops emptied children. */
function prune(doc: PDFDocument, d: PDFDict, pg: PDFObject | undefined, keep: PDFRef, removed: { page: PDFRef; mcid: number }[]): boolean {
  const own = d.get(PDFName.of('Pg')) ?? pg;
  const kids = kidsOf(d);
  const left = kids.filter((kid) => {
    const mc = markedContent(doc, kid, own);
    if (mc) {
      if (mc.page === keep) return true;
      removed.push(mc);
      return false;
    }
    const child = element(doc, kid);
    return child ? prune(doc, child, own, keep, removed) : true;
  });
  if (left.length !== kids.length) d.set(PDFName.of('K'), doc.context.obj(left));
  return left.length > 0;
}

/**
 * Takes the repeated header rows out of the tag tree. Returns, per page, the MCIDs
 * whose marked content is now an artifact (see artifactMarkedContent).
 */
export function detachRepeatedHeaders(doc: PDFDocument, tree: PDFDict): Map<PDFRef, Set<number>> {
  const removed: { page: PDFRef; mcid: number }[] = [];
  const pageOrder = new Map(doc.getPages().map((p, i) => [p.ref, i]));
  const visit = (kid: Kid, pg: PDFObject | undefined) => {
    const d = element(doc, kid);
    if (!d) return;
    const own = d.get(PDFName.of('Pg')) ?? pg;
    if (nameOf(d, 'S') === 'Table') {
      const rows = kidsOf(d)
        .map((k) => element(doc, k))
        .filter((r): r is PDFDict => r !== undefined)
        .flatMap((r) => (['THead', 'TBody'].includes(nameOf(r, 'S') ?? '') ? kidsOf(r).map((k) => element(doc, k)).filter((x): x is PDFDict => x !== undefined) : [r]))
        .filter((r) => nameOf(r, 'S') === 'TR');
      for (const tr of rows) {
        if (!isHeaderRow(doc, tr)) break;
        const marks: { page: PDFRef; mcid: number }[] = [];
        collect(doc, tr, own, marks);
        const first = marks.reduce<PDFRef | undefined>((best, m) => (best === undefined || (pageOrder.get(m.page) ?? 0) < (pageOrder.get(best) ?? 0) ? m.page : best), undefined);
        if (first && marks.some((m) => m.page !== first)) prune(doc, tr, own, first, removed);
      }
      return;
    }
    for (const k of kidsOf(d)) visit(k, own);
  };
  const top = tree.get(PDFName.of('K'));
  for (const k of top instanceof PDFArray ? top.asArray() : top ? [top] : []) visit(k, undefined);

  const byPage = new Map<PDFRef, Set<number>>();
  for (const { page, mcid } of removed) {
    if (!byPage.has(page)) byPage.set(page, new Set());
    byPage.get(page)!.add(mcid);
  }
  // The parent tree no longer leads from these MCIDs to an element.
  const parentTree = tree.lookupMaybe(PDFName.of('ParentTree'), PDFDict);
  const entries = new Map<number, PDFObject>();
  const walk = (node: PDFDict) => {
    const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
    if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) entries.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
    node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach((k) => {
      const d = doc.context.lookup(k);
      if (d instanceof PDFDict) walk(d);
    });
  };
  if (parentTree) walk(parentTree);
  for (const [page, mcids] of byPage) {
    const key = doc.context.lookup(page, PDFDict).lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const value = key === undefined ? undefined : entries.get(key);
    const list = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (list instanceof PDFArray) for (const mcid of mcids) if (mcid < list.size()) list.set(mcid, PDFNull);
  }
  return byPage;
}

/** Rewrites `/Tag <</MCID n>> BDC` for the given MCIDs as `/Artifact <</Type /Pagination …>> BDC`. */
export function artifactMarkedContent(src: Uint8Array, mcids: ReadonlySet<number>): Uint8Array {
  const tokens = tokenize(src);
  const cuts: { at: number; end: number; text: string }[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'op' || t.text !== 'BDC') continue;
    const props = tokens[i - 1]!;
    const tag = tokens[i - 2]!;
    const m = /\/MCID\s+(\d+)/.exec(props.text);
    if (m && mcids.has(Number(m[1])) && tag.text.startsWith('/')) cuts.push({ at: tag.start, end: props.end, text: '/Artifact <</Type /Pagination /Subtype /Header>>' });
  }
  return cuts.length === 0 ? src : splice(src, cuts);
}
