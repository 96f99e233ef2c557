/** TableView (shared with the HTML renderer) as a Word table: header rows repeat, rows never split. */
import { AlignmentType, BorderStyle, ExternalHyperlink, ImageRun, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType, ShadingType, type ParagraphChild } from 'docx';
import type { CellView, HeaderCellView, RowView, TableView } from '../views/table-view.ts';
import type { Profile } from '../../model/types.ts';
import { symbolWord, type SymbolRef } from '../symbols.ts';

/** PNG bytes per symbol, prepared before the document is assembled. */
export type SymbolImages = (ref: SymbolRef) => Uint8Array;

export function symbolRun(ref: SymbolRef, images: SymbolImages, size = 11): ImageRun {
  const word = symbolWord(ref);
  return new ImageRun({ type: 'png', data: images(ref), transformation: { width: size, height: size }, altText: { name: word, title: word, description: word } });
}

/** Text width in twentieths of a point: A4 (11 906) minus two 20 mm margins (1 134 each). */
export const TEXT_WIDTH_TWIPS = 11906 - 2 * 1134;
const TABLE_FONT_SIZE = 17; // half-points: 8.5 pt

/** A profile colour as Word writes it: "00507A". */
export const hex = (color: string) => color.replace('#', '').toUpperCase();
const thin = { style: BorderStyle.SINGLE, size: 4, color: 'C8C8C8' };
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function lines(text: string[], align: 'left' | 'right', run: { bold?: boolean; color?: string }, lead: ParagraphChild[] = [], tail: ParagraphChild[] = []): Paragraph[] {
  return text.map(
    (line, i) =>
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        spacing: { before: 0, after: 0 },
        children: [...(i === 0 ? lead : []), new TextRun({ text: line, size: TABLE_FONT_SIZE, ...run }), ...(i === text.length - 1 ? tail : [])],
      }),
  );
}

function headerCell(cell: HeaderCellView, width: number, profile: Profile): TableCell {
  return new TableCell({
    children: lines([cell.text], cell.align, { bold: true }),
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.BOTTOM,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(profile.färger.tabellhuvud) },
    borders: { top: none, left: none, right: none, bottom: { style: BorderStyle.SINGLE, size: 12, color: hex(profile.färger.primär) } },
  });
}

function bodyCell(cell: CellView & { noteNumber?: number }, row: RowView, width: number, profile: Profile, images: SymbolImages): TableCell {
  const bold = row.kind !== 'data';
  const color = row.kind === 'group' ? hex(profile.färger.primär) : undefined;
  const top = row.kind === 'total' ? { style: BorderStyle.SINGLE, size: 8, color: hex(profile.färger.text) } : none;
  const link = cell.link
    ? [
        new Paragraph({
          spacing: { before: 0, after: 0 },
          children: [new ExternalHyperlink({ link: cell.link.href, children: [new TextRun({ text: cell.link.text, size: TABLE_FONT_SIZE, style: 'Hyperlink' })] })],
        }),
      ]
    : [];
  return new TableCell({
    children: [...lines(
      cell.lines,
      cell.align,
      { bold, color },
      cell.symbol ? [symbolRun(cell.symbol, images), new TextRun({ text: ' ', size: TABLE_FONT_SIZE })] : [],
      cell.noteNumber ? [new TextRun({ text: String(cell.noteNumber), superScript: true, size: TABLE_FONT_SIZE })] : [],
    ), ...link],
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    borders: { top, left: none, right: none, bottom: thin },
  });
}

/** Widths of the cells of a row, honouring column spans. */
function cellWidths(cells: { colSpan?: number }[], columns: number[]): number[] {
  let col = 0;
  return cells.map((c) => {
    const span = c.colSpan ?? 1;
    const w = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    return w;
  });
}

export function tableElements(view: TableView, profile: Profile, images: SymbolImages): (Paragraph | Table)[] {
  const footnotes: string[] = [];
  const columns = view.widths.map((w) => Math.round((w / 100) * TEXT_WIDTH_TWIPS));
  const head = view.head.map((row) => {
    const widths = cellWidths(row, columns);
    return new TableRow({ tableHeader: true, cantSplit: true, children: row.map((c, i) => headerCell(c, widths[i]!, profile)) });
  });
  const body = view.body.map((row) => {
    const widths = cellWidths(row.cells, columns);
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((c, i) => bodyCell({ ...c, noteNumber: c.footnote ? footnotes.push(c.footnote) : undefined }, row, widths[i]!, profile, images)),
    });
  });
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 200, after: 80 },
      children: [new TextRun({ text: view.caption, bold: true, color: hex(profile.färger.primär) })],
    }),
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: columns,
      rows: [...head, ...body],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    }),
  ];
  const used = new Set(view.body.flatMap((r) => r.cells.flatMap((c) => (c.symbol ? [JSON.stringify(c.symbol)] : []))));
  const legend = (view.legend ?? []).filter((ref) => used.has(JSON.stringify(ref)));
  if (legend.length) {
    out.push(
      new Paragraph({
        spacing: { before: 80 },
        children: [
          new TextRun({ text: 'Teckenförklaring: ', bold: true, size: 17 }),
          ...legend.flatMap((ref) => [symbolRun(ref, images, 10), new TextRun({ text: ` ${symbolWord(ref)}    `, size: 17 })]),
        ],
      }),
    );
  }
  footnotes.forEach((text, i) => out.push(new Paragraph({ spacing: { before: 40, after: 0 }, children: [new TextRun({ text: `${i + 1}. ${text}`, size: 17 })] })));
  if (view.note) out.push(new Paragraph({ spacing: { before: 80 }, children: [new TextRun({ text: view.note, size: 18 })] }));
  return out;
}
