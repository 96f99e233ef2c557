/** A page's content streams, decoded and joined into one (as a reader sees them: one stream after another). */
import { PDFArray, PDFName, PDFRawStream, decodePDFRawStream, type PDFDocument, type PDFPage } from 'pdf-lib';

export function pageContent(doc: PDFDocument, page: PDFPage): Uint8Array {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const bytes = refs.map((ref) => {
    const stream = doc.context.lookup(ref);
    return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : new Uint8Array();
  });
  return new Uint8Array(Buffer.concat(bytes.flatMap((b) => [Buffer.from(b), Buffer.from('\n')])));
}
