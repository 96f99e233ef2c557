/**
 * Chromium names the table header cells of the tag tree after its DOM node ids
 * ("node00000096"), which count every node the browser process has made, so
 * the same report printed after another gets other names. Here the ids are
 * numbered anew in tree order, the cells' /Headers and the IDTree with them:
 * the same input gives the same bytes.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

export function renumberStructIds(doc: PDFDocument, tree: PDFDict): void {
  const elements: { ref: PDFRef; d: PDFDict }[] = [];
  const seen = new Set<PDFRef>();
  const visit = (o: PDFObject | undefined) => {
    if (o instanceof PDFArray) return o.asArray().forEach(visit);
    if (!(o instanceof PDFRef) || seen.has(o)) return;
    const d = doc.context.lookup(o);
    if (!(d instanceof PDFDict) || !d.has(PDFName.of('S'))) return;
    seen.add(o);
    elements.push({ ref: o, d });
    visit(d.get(PDFName.of('K')));
  };
  visit(tree.get(PDFName.of('K')));

  const renamed = new Map<string, string>();
  const names: [string, PDFRef][] = [];
  for (const { ref, d } of elements) {
    const id = text(d.lookup(PDFName.of('ID')));
    if (id === undefined) continue;
    const name = `id${String(renamed.size + 1).padStart(6, '0')}`;
    renamed.set(id, name);
    names.push([name, ref]);
    d.set(PDFName.of('ID'), PDFString.of(name));
  }
  if (renamed.size === 0) return;
  for (const { d } of elements) {
    const a = d.lookup(PDFName.of('A'));
    const attributes = a instanceof PDFArray ? a.asArray().map((x) => doc.context.lookup(x)) : [a];
    for (const attr of attributes) {
      if (!(attr instanceof PDFDict)) continue;
      const headers = attr.lookup(PDFName.of('Headers'));
      if (!(headers instanceof PDFArray)) continue;
      headers.asArray().forEach((h, i) => {
        const id = text(h);
        const name = id === undefined ? undefined : renamed.get(id);
        if (name) headers.set(i, PDFString.of(name));
      });
    }
  }
  // The IDTree, a name tree sorted by name: one leaf holds them all. The old nodes go (pdf-lib writes every object it holds).
  const drop = (o: PDFObject | undefined) => {
    const d = o instanceof PDFRef ? doc.context.lookup(o) : o;
    if (d instanceof PDFDict) d.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray().forEach(drop);
    if (o instanceof PDFRef) doc.context.delete(o);
  };
  drop(tree.get(PDFName.of('IDTree')));
  tree.set(PDFName.of('IDTree'), doc.context.obj({ Names: names.flatMap(([name, ref]) => [PDFString.of(name), ref]) }));
}
