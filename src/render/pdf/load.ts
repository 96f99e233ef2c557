/**
 * A printed PDF read and written by pdf-lib in one go. By default pdf-lib
 * yields to the event loop every 100 objects it parses and every 50 it writes,
 * each time with a setTimeout (at least a millisecond, more on a busy
 * machine): for an årsredovisning of 4 000 objects that is 120 waits and
 * 120–200 ms added to every build, with nothing to wait for. The work itself
 * is the same.
 */
import { PDFDocument, ParseSpeeds, type SaveOptions } from 'pdf-lib';

export function loadPdf(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}

export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  const options: SaveOptions = { useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity };
  return doc.save(options);
}
