/**
 * The fonts a PDF paints with, for the PDF/UA font rules (7.21): embedded
 * programs, CMaps, ToUnicode maps for every code used, glyphs that exist and
 * widths that agree with the font program.
 */
import { PDFArray, PDFStream, type PDFObject } from 'pdf-lib';
import { refKey, type PdfReader } from './pdf-content.ts';

const PREDEFINED_CMAPS = /^(Identity-[HV]|Uni(GB|CNS|JIS|KS)-(UCS2|UTF16)(-HW)?-[HV])$/;

export interface FontInfo {
  name: string;
  subtype: string | undefined;
  problems: [rule: string, message: string][];
  used: Set<number>;
  codeLength: 1 | 2;
  toUnicode?: { map: Map<number, string>; bad: number[] };
  widths: Map<number, number>;
  defaultWidth: number;
  cidToGid?: Buffer;
  numGlyphs?: number;
  advance?: (gid: number) => number;
}

function parseToUnicode(bytes: Uint8Array): { map: Map<number, string>; bad: number[] } {
  const s = Buffer.from(bytes).toString('latin1');
  const map = new Map<number, string>();
  const bad: number[] = [];
  const u16 = (h: string) => {
    const b = Buffer.from(h.length % 4 ? h.padStart(Math.ceil(h.length / 4) * 4, '0') : h, 'hex');
    let o = '';
    for (let k = 0; k + 1 < b.length; k += 2) o += String.fromCharCode(b.readUInt16BE(k));
    return o;
  };
  const set = (code: number, u: string) => {
    if (u === '' || /[\u0000\uFEFF\uFFFE]/.test(u)) bad.push(code);
    map.set(code, u);
  };
  for (const blk of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) for (const m of blk[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) set(parseInt(m[1]!, 16), u16(m[2]!));
  for (const blk of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of blk[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      if (m[3]!.startsWith('[')) {
        const items = [...m[3]!.matchAll(/<([0-9a-fA-F]*)>/g)];
        for (let c = lo; c <= hi && c - lo < items.length; c++) set(c, u16(items[c - lo]![1]!));
      } else {
        const base = Buffer.from(m[3]!.slice(1, -1), 'hex');
        for (let c = lo; c <= hi && c - lo < 65536; c++) {
          const x = Buffer.from(base);
          x.writeUInt16BE((x.readUInt16BE(x.length - 2) + c - lo) & 0xffff, x.length - 2);
          set(c, u16(x.toString('hex')));
        }
      }
    }
  }
  return { map, bad };
}

/** TrueType table directory: tag → [offset, length]. */
function sfntTables(buf: Buffer): Record<string, [number, number]> {
  const t: Record<string, [number, number]> = {};
  if (buf.length < 12) return t;
  const count = buf.readUInt16BE(4);
  for (let k = 0; k < count; k++) {
    const o = 12 + 16 * k;
    if (o + 16 > buf.length) break;
    t[buf.toString('latin1', o, o + 4)] = [buf.readUInt32BE(o + 8), buf.readUInt32BE(o + 12)];
  }
  return t;
}

export class FontCatalog {
  readonly fonts = new Map<string, FontInfo>();
  constructor(private readonly r: PdfReader) {}

  get(fontRef: PDFObject): FontInfo {
    const key = refKey(fontRef);
    const known = this.fonts.get(key);
    if (known) return known;
    const r = this.r;
    const f = r.dict(fontRef);
    const info: FontInfo = { name: r.name(r.get(f, 'BaseFont')) ?? '?', subtype: r.name(r.get(f, 'Subtype')), problems: [], used: new Set(), codeLength: 1, widths: new Map(), defaultWidth: 1000 };
    this.fonts.set(key, info);
    let descriptor;
    if (info.subtype === 'Type0') {
      info.codeLength = 2;
      const encoding = r.get(f, 'Encoding');
      const encodingName = r.name(encoding);
      const d = r.dict(r.arr(r.get(f, 'DescendantFonts'))[0]);
      descriptor = r.dict(r.get(d, 'FontDescriptor'));
      if (encodingName !== undefined && !PREDEFINED_CMAPS.test(encodingName)) info.problems.push(['7.21.3.3-1', `CMap ${encodingName} är varken fördefinierad eller inbäddad`]);
      if (r.name(r.get(d, 'Subtype')) === 'CIDFontType2' && r.get(descriptor, 'FontFile2') && r.get(d, 'CIDToGIDMap') === undefined) info.problems.push(['7.21.3.2-1', 'CIDFontType2 utan CIDToGIDMap']);
      const map = r.deref(r.get(d, 'CIDToGIDMap'));
      if (map instanceof PDFStream) info.cidToGid = Buffer.from(r.bytes(map));
      info.defaultWidth = r.num(r.get(d, 'DW')) ?? 1000;
      const w = r.arr(r.get(d, 'W'));
      for (let k = 0; k < w.length; ) {
        const c0 = r.num(w[k]) ?? 0;
        const next = r.deref(w[k + 1]);
        if (next instanceof PDFArray) {
          next.asArray().forEach((x, j) => info.widths.set(c0 + j, r.num(x) ?? 0));
          k += 2;
        } else {
          const c1 = r.num(next) ?? c0;
          const width = r.num(w[k + 2]) ?? 0;
          for (let c = c0; c <= c1; c++) info.widths.set(c, width);
          k += 3;
        }
      }
    } else {
      descriptor = r.dict(r.get(f, 'FontDescriptor'));
      if (info.subtype === 'TrueType' && descriptor) {
        const symbolic = ((r.num(r.get(descriptor, 'Flags')) ?? 0) & 4) !== 0;
        const encoding = r.get(f, 'Encoding');
        const encodingName = r.name(encoding) ?? r.name(r.get(r.dict(encoding), 'BaseEncoding'));
        if (symbolic && encoding !== undefined) info.problems.push(['7.21.6-3', 'symbolisk TrueType-font med Encoding']);
        if (!symbolic && encodingName !== 'WinAnsiEncoding' && encodingName !== 'MacRomanEncoding') info.problems.push(['7.21.6-2', `icke-symbolisk TrueType-font med kodningen ${encodingName}`]);
      }
    }
    const embedded = !!(descriptor && (r.get(descriptor, 'FontFile') || r.get(descriptor, 'FontFile2') || r.get(descriptor, 'FontFile3')));
    if (info.subtype !== 'Type3' && !embedded) info.problems.push(['7.21.4.1-1', 'fontprogrammet är inte inbäddat']);
    const program = r.deref(r.get(descriptor, 'FontFile2'));
    if (program instanceof PDFStream) {
      const buf = Buffer.from(r.bytes(program));
      const t = sfntTables(buf);
      if (t.maxp) info.numGlyphs = buf.readUInt16BE(t.maxp[0] + 4);
      if (t.head && t.hhea && t.hmtx) {
        const upem = buf.readUInt16BE(t.head[0] + 18);
        const metrics = buf.readUInt16BE(t.hhea[0] + 34);
        const hmtx = t.hmtx[0];
        info.advance = (g) => (buf.readUInt16BE(hmtx + 4 * Math.min(g, metrics - 1)) * 1000) / upem;
      }
    }
    const toUnicode = r.deref(r.get(f, 'ToUnicode'));
    if (toUnicode instanceof PDFStream) info.toUnicode = parseToUnicode(r.bytes(toUnicode));
    return info;
  }

  /** The failed font rules, after every page has been read (so `used` is complete). */
  failures(): string[] {
    const out: string[] = [];
    for (const f of this.fonts.values()) {
      for (const [rule, message] of f.problems) out.push(`${rule}: ${f.name}: ${message}`);
      if (f.used.size === 0) continue;
      if (!f.toUnicode) {
        out.push(`7.21.7-1: ${f.name}: ToUnicode saknas (${f.used.size} koder används)`);
        continue;
      }
      const unmapped = [...f.used].filter((c) => !f.toUnicode!.map.has(c));
      if (unmapped.length) out.push(`7.21.7-1: ${f.name}: ${unmapped.length} använda koder saknar Unicode`);
      const bad = f.toUnicode.bad.filter((c) => f.used.has(c));
      if (bad.length) out.push(`7.21.7-2: ${f.name}: koderna ${bad.map((c) => c.toString(16)).join(' ')} ger U+0000/FEFF/FFFE eller inget`);
      if (f.subtype !== 'Type0') continue;
      let notdef = 0;
      let missing = 0;
      let widths = 0;
      for (const code of f.used) {
        const gid = f.cidToGid ? (f.cidToGid.length >= 2 * code + 2 ? f.cidToGid.readUInt16BE(2 * code) : 0) : code;
        if (gid === 0) notdef++;
        else if (f.numGlyphs !== undefined && gid >= f.numGlyphs) missing++;
        if (f.advance && gid < (f.numGlyphs ?? Infinity) && Math.abs((f.widths.get(code) ?? f.defaultWidth) - f.advance(gid)) > 1) widths++;
      }
      if (notdef) out.push(`7.21.8-1: ${f.name}: ${notdef} använda koder ger .notdef`);
      if (missing) out.push(`7.21.4.1-2: ${f.name}: ${missing} använda glyfer finns inte i fontprogrammet`);
      if (widths) out.push(`7.21.5-1: ${f.name}: ${widths} glyfbredder skiljer sig mellan /W och hmtx`);
    }
    return out;
  }
}

export function decodeCodes(font: FontInfo, bytes: Uint8Array): number[] {
  const codes: number[] = [];
  const step = font.codeLength;
  for (let k = 0; k + step - 1 < bytes.length; k += step) codes.push(step === 2 ? (bytes[k]! << 8) | bytes[k + 1]! : bytes[k]!);
  return codes;
}
