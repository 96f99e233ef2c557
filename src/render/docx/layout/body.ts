/**
 * The document body as the layout sees it: paragraphs (their properties,
 * bookmarks and what they are made of) and tables (rows of cells of
 * paragraphs), in sections that each close with their properties.
 */
import type { Face } from '../fonts.ts';
import { borderSpace, readPPr, readRPr, type PProps, type RProps, type Styles } from './properties.ts';
import { child, findDeep, kids, num, onOff, parseXml, type Node } from './xml.ts';

/** What a paragraph is made of, for measuring. */
export type Piece = { kind: 'text'; text: string; face: Face; size: number } | { kind: 'tab' } | { kind: 'break' } | { kind: 'box'; width: number; height: number };

export interface Para {
  kind: 'p';
  p: PProps;
  pieces: Piece[];
  markSize: number;
  markFace: Face;
  bookmarks: string[];
  sectPr?: Node;
}
export interface Row {
  /** border: the room its top and bottom borders take. */
  cells: { width: number; span: number; merge?: 'restart' | 'continue'; paras: Para[]; border: number }[];
  header: boolean;
  cantSplit: boolean;
}
export interface Tbl {
  kind: 'tbl';
  rows: Row[];
  margins: { top: number; bottom: number; left: number; right: number };
  /** Keep-with-next on the caption paragraph applies to the table's first row. */
}
export type Block = Para | Tbl;

/** A Word section: its blocks and its properties (page size, margins). */
export interface BodySection {
  blocks: Block[];
  sectPr: Node | undefined;
}

const EMU_PER_TWIP = 635;

export const faceOf = (r: RProps): Face => (r.bold ? (r.italic ? 'boldItalic' : 'bold') : r.italic ? 'italic' : 'regular');

/** The body's blocks in their sections, read with the document's styles and list levels. */
export function readBody(documentXml: string, styles: Styles, numbering: (numId: string, level: number) => PProps): BodySection[] {
  const body = child(child(parseXml(documentXml), 'w:document'), 'w:body')!;

  function readParagraph(pNode: Node): Para {
    const pPr = child(pNode, 'w:pPr');
    const style = styles.paragraph(child(pPr, 'w:pStyle')?.attrs['w:val']);
    const numPr = child(pPr, 'w:numPr');
    const list = numPr ? numbering(child(numPr, 'w:numId')?.attrs['w:val'] ?? '', Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? 0)) : {};
    const p: PProps = { ...style.p, ...list, ...readPPr(pPr) };
    const pieces: Piece[] = [];
    const bookmarks: string[] = [];
    const markR = { ...style.r, ...readRPr(child(pPr, 'w:rPr')) };
    const walk = (n: Node) => {
      for (const c of n.children) {
        if (c.name === 'w:bookmarkStart' && c.attrs['w:name']) bookmarks.push(c.attrs['w:name']);
        else if (c.name === 'w:r') {
          const rPr = child(c, 'w:rPr');
          const r: RProps = { ...style.r, ...styles.character(child(rPr, 'w:rStyle')?.attrs['w:val']), ...readRPr(rPr) };
          const face = faceOf(r);
          const size = r.size ?? 22;
          for (const x of c.children) {
            if (x.name === 'w:t') pieces.push({ kind: 'text', text: x.text ?? '', face, size });
            else if (x.name === 'w:tab') pieces.push({ kind: 'tab' });
            else if (x.name === 'w:br' || x.name === 'w:cr') pieces.push({ kind: 'break' });
            else if (x.name === 'w:drawing') {
              const extent = findDeep(x, 'wp:extent');
              if (extent) pieces.push({ kind: 'box', width: Number(extent.attrs['cx']) / EMU_PER_TWIP, height: Number(extent.attrs['cy']) / EMU_PER_TWIP });
            }
          }
        } else if (c.name === 'w:hyperlink' || c.name === 'w:bookmarkStart' || c.name === 'w:smartTag' || c.name === 'w:ins' || c.name === 'w:fldSimple') walk(c);
      }
    };
    walk(pNode);
    return { kind: 'p', p, pieces, markSize: markR.size ?? 22, markFace: faceOf(markR), bookmarks, sectPr: child(pPr, 'w:sectPr') };
  }

  function readTable(t: Node): Tbl {
    const tblPr = child(t, 'w:tblPr');
    const mar = child(tblPr, 'w:tblCellMar');
    const m = (side: string, fallback: number) => num(child(mar, side)?.attrs['w:w']) ?? fallback;
    const margins = { top: m('w:top', 0), bottom: m('w:bottom', 0), left: m('w:left', 108), right: m('w:right', 108) };
    const rows = kids(t, 'w:tr').map((tr): Row => {
      const trPr = child(tr, 'w:trPr');
      return {
        header: onOff(child(trPr, 'w:tblHeader')) ?? false,
        cantSplit: onOff(child(trPr, 'w:cantSplit')) ?? false,
        cells: kids(tr, 'w:tc').map((tc) => {
          const tcPr = child(tc, 'w:tcPr');
          const vMerge = child(tcPr, 'w:vMerge');
          return {
            width: Number(child(tcPr, 'w:tcW')?.attrs['w:w'] ?? 0),
            span: Number(child(tcPr, 'w:gridSpan')?.attrs['w:val'] ?? 1),
            merge: vMerge ? (vMerge.attrs['w:val'] === 'restart' ? 'restart' : 'continue') : undefined,
            paras: kids(tc, 'w:p').map(readParagraph),
            border: borderSpace(child(tcPr, 'w:tcBorders')) ?? 0,
          };
        }),
      };
    });
    return { kind: 'tbl', rows, margins };
  }

  // The body as blocks, each with the section it belongs to (a section's properties close it).
  const blocks: Block[] = [];
  const collect = (n: Node) => {
    for (const c of n.children) {
      if (c.name === 'w:p') blocks.push(readParagraph(c));
      else if (c.name === 'w:tbl') blocks.push(readTable(c));
      else if (c.name === 'w:sdt') collect(child(c, 'w:sdtContent') ?? { name: '', attrs: {}, children: [] });
    }
  };
  collect(body);
  const sections: BodySection[] = [];
  let start = 0;
  blocks.forEach((b, i) => {
    if (b.kind === 'p' && b.sectPr) {
      sections.push({ blocks: blocks.slice(start, i + 1), sectPr: b.sectPr });
      start = i + 1;
    }
  });
  sections.push({ blocks: blocks.slice(start), sectPr: child(body, 'w:sectPr') });
  return sections;
}
