/**
 * Reading a PDF for the PDF/UA structure checks: small accessors over pdf-lib
 * objects, a content-stream parser that keeps operand values (strings, marked-
 * content property dictionaries), and the embedded fonts with their ToUnicode
 * maps, glyph counts and widths.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFContext, type PDFObject } from 'pdf-lib';

export class PdfReader {
  constructor(readonly ctx: PDFContext) {}
  deref(o: PDFObject | undefined): PDFObject | undefined {
    return o instanceof PDFRef ? this.ctx.lookup(o) : o;
  }
  name(o: PDFObject | undefined): string | undefined {
    const d = this.deref(o);
    return d instanceof PDFName ? d.decodeText() : undefined;
  }
  str(o: PDFObject | undefined): string | undefined {
    const d = this.deref(o);
    return d instanceof PDFString || d instanceof PDFHexString ? d.decodeText() : undefined;
  }
  num(o: PDFObject | undefined): number | undefined {
    const d = this.deref(o);
    return d instanceof PDFNumber ? d.asNumber() : undefined;
  }
  arr(o: PDFObject | undefined): PDFObject[] {
    const d = this.deref(o);
    return d instanceof PDFArray ? d.asArray() : o === undefined ? [] : [o];
  }
  dict(o: PDFObject | undefined): PDFDict | undefined {
    const d = this.deref(o);
    return d instanceof PDFDict ? d : undefined;
  }
  get(d: PDFDict | undefined, key: string): PDFObject | undefined {
    return d?.get(PDFName.of(key));
  }
  bytes(o: PDFObject | undefined): Uint8Array {
    const s = this.deref(o);
    if (!(s instanceof PDFStream)) return new Uint8Array();
    return s instanceof PDFRawStream ? decodePDFRawStream(s).decode() : s.getContents();
  }
}

export const refKey = (r: PDFObject | undefined): string => (r instanceof PDFRef ? r.toString() : String(r));

export type Operand =
  | { t: 'str'; v: Uint8Array }
  | { t: 'num'; v: number }
  | { t: 'name'; v: string }
  | { t: 'dict'; v: Record<string, Operand> }
  | { t: 'arr'; v: Operand[] }
  | { t: 'other' };
export interface Operation {
  op: string;
  args: Operand[];
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIMS = new Set([40, 41, 60, 62, 91, 93, 123, 125, 47, 37]);
const ESCAPES: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 40, 0x29: 41, 0x5c: 92 };

/** Operators with their operands, in order; inline images are skipped and reported as EI. */
export function parseContent(b: Uint8Array): Operation[] {
  const n = b.length;
  let i = 0;
  const ops: Operation[] = [];
  let stack: Operand[] = [];
  const skip = () => {
    while (i < n) {
      if (WS.has(b[i]!)) i++;
      else if (b[i] === 0x25) while (i < n && b[i] !== 10 && b[i] !== 13) i++;
      else break;
    }
  };
  const word = () => {
    const s = i;
    while (i < n && !WS.has(b[i]!) && !DELIMS.has(b[i]!)) i++;
    return Buffer.from(b.subarray(s, i)).toString('latin1');
  };
  const value = (): Operand | { t: 'op'; v: string } | null => {
    const c = b[i];
    if (c === 0x28) {
      i++;
      let depth = 1;
      const out: number[] = [];
      while (i < n) {
        const d = b[i++]!;
        if (d === 0x5c) {
          const e = b[i++]!;
          if (e in ESCAPES) out.push(ESCAPES[e]!);
          else if (e >= 0x30 && e <= 0x37) {
            let v = e - 48;
            for (let k = 0; k < 2 && b[i]! >= 0x30 && b[i]! <= 0x37; k++) v = v * 8 + b[i++]! - 48;
            out.push(v & 255);
          } else if (e === 13) {
            if (b[i] === 10) i++;
          } else if (e !== 10) out.push(e);
          continue;
        }
        if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
        out.push(d);
      }
      return { t: 'str', v: Uint8Array.from(out) };
    }
    if (c === 0x3c && b[i + 1] === 0x3c) {
      i += 2;
      const d: Record<string, Operand> = {};
      for (;;) {
        skip();
        if (i >= n) break;
        if (b[i] === 0x3e && b[i + 1] === 0x3e) {
          i += 2;
          break;
        }
        const k = value();
        skip();
        const v = value();
        if (k?.t === 'name' && v && v.t !== 'op') d[k.v] = v;
      }
      return { t: 'dict', v: d };
    }
    if (c === 0x3c) {
      i++;
      let h = '';
      while (i < n && b[i] !== 0x3e) {
        if (!WS.has(b[i]!)) h += String.fromCharCode(b[i]!);
        i++;
      }
      i++;
      if (h.length % 2) h += '0';
      return { t: 'str', v: Uint8Array.from(Buffer.from(h, 'hex')) };
    }
    if (c === 0x5b) {
      i++;
      const a: Operand[] = [];
      for (;;) {
        skip();
        if (i >= n) break;
        if (b[i] === 0x5d) {
          i++;
          break;
        }
        const v = value();
        if (v && v.t !== 'op') a.push(v);
      }
      return { t: 'arr', v: a };
    }
    if (c === 0x2f) {
      i++;
      return { t: 'name', v: word().replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) };
    }
    const w = word();
    if (w === '') {
      i++;
      return null;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) return { t: 'num', v: parseFloat(w) };
    if (w === 'true' || w === 'false' || w === 'null') return { t: 'other' };
    return { t: 'op', v: w };
  };
  for (;;) {
    skip();
    if (i >= n) break;
    const v = value();
    if (!v) continue;
    if (v.t !== 'op') {
      stack.push(v);
      continue;
    }
    if (v.v === 'BI') {
      let j = Buffer.from(b).indexOf('ID', i, 'latin1') + 3;
      while (j < n && !(WS.has(b[j - 1]!) && b[j] === 0x45 && b[j + 1] === 0x49 && (j + 2 >= n || WS.has(b[j + 2]!)))) j++;
      i = j + 2;
      ops.push({ op: 'EI', args: [] });
      stack = [];
      continue;
    }
    ops.push({ op: v.v, args: stack });
    stack = [];
  }
  return ops;
}
