/**
 * Chromium stamps each PDF with the clock (CreationDate, ModDate). Those dates
 * are replaced in place by the report's date, with strings of the same length
 * so that every byte offset in the file stays valid.
 */
const PDF_DATE = /\/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)/g;

/** "2023-12-13" (or SOURCE_DATE_EPOCH when set) as a PDF date: "20231213000000". */
export function pdfDate(isoDate: string, env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(`${isoDate}T00:00:00Z`);
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function fixPdfDates(pdf: Uint8Array, isoDate: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = pdfDate(isoDate);
  const fixed = text.replace(PDF_DATE, (_m, key: string, _old: string, zone: string) => {
    const z = zone.length === 7 ? "+00'00'" : zone.replace(/./g, (c) => (/\d/.test(c) ? '0' : c));
    return `/${key} (D:${stamp}${z})`;
  });
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
