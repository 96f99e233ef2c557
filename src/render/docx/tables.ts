/** TableView (shared with the HTML renderer) as a Word table: header rows repeat, rows never split. */
import {
  AlignmentType,
  type IBorderOptions,
  BorderStyle,
  ExternalHyperlink,
  ImageRun,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { CellView, HeaderCellView, RowView, TableView } from '../views/table-view.ts';
import type { Profile } from '../../model/types.ts';
import type { SymbolRef } from '../symbols.ts';
import { tableLegend } from '../views/legend.ts';
import { singleHeaderRow } from './header-row.ts';
import { embeddedFont } from './fonts.ts';
import { SIZE, STYLE, hex, lineFor, textWidth, type Orientation } from './styles.ts';

/** PNG bytes per symbol, prepared before the document is assembled. */
export type SymbolImages = (ref: SymbolRef) => Uint8Array;

/** The start of a decorative picture's name: finish.ts marks it decorative and gives it no alternative text. */
export const DECORATIVE = 'Symbol: ';

/**
 * A symbol as a small inline picture beside its word. Sizes in pixels (96 dpi). The word stands next to it, so the
 * picture is decorative: a screen reader reads the word once, not the picture's description and title as well.
 */
export function symbolRun(ref: SymbolRef, images: SymbolImages, word: string, size = 11): ImageRun {
  return new ImageRun({ type: 'png', data: images(ref), transformation: { width: size, height: size }, altText: { name: `${DECORATIVE}${word}`, title: '', description: '' } });
}

/** The table has no borders of its own; a cell names only the rules it draws (an unnamed side falls back to the table's none). */
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'C8C8C8' };
/** Cell padding as in the HTML (about 0.45em sideways, 0.28em up and down at 9 pt), in twips. */
const CELL_MARGINS = { left: 80, right: 80, top: 45, bottom: 45 };

interface RunLook {
  bold?: boolean;
  color?: string;
  /** Half-points; set for compact tables. */
  size?: number;
}

/** The paragraphs of a cell. `keepNext` holds the row on the page of the next row (header and group rows). */
function cellParagraphs(text: readonly string[], align: 'left' | 'right', run: RunLook, keepNext: boolean, lead: ParagraphChild[] = [], tail: ParagraphChild[] = []): Paragraph[] {
  // An empty cell still needs one paragraph.
  const lines = text.length ? text : [''];
  return lines.map(
    (line, i) =>
      new Paragraph({
        style: STYLE.tableText,
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        keepNext: keepNext || undefined,
        // Compact tables: smaller lines than the style's (see LINE_EM in styles.ts).
        spacing: run.size ? { line: lineFor(run.size), lineRule: LineRuleType.AT_LEAST } : undefined,
        children: [...(i === 0 ? lead : []), new TextRun({ text: line, ...run }), ...(i === lines.length - 1 ? tail : [])],
      }),
  );
}

/**
 * The header's size in half-points: the table's, or smaller where the longest word would not fit the column
 * ("Målvärde 2024" over a narrow year column), so Word breaks between words, never inside one.
 */
function headerSize(text: string, width: number, profile: Profile, size: number | undefined): number | undefined {
  const bold = embeddedFont(profile.typsnitt).metrics.bold;
  const base = size ?? SIZE.table;
  const room = width - CELL_MARGINS.left - CELL_MARGINS.right;
  const widest = Math.max(...text.split(/\s+/).map((word) => [...word].reduce((n, ch) => n + bold.advance(ch.codePointAt(0)!), 0)));
  const twips = (widest / bold.unitsPerEm) * (base / 2) * 20;
  if (twips <= room) return size;
  return Math.max(MIN_HEADER_SIZE, Math.floor((base * room) / twips));
}
const MIN_HEADER_SIZE = 13;

function headerCell(cell: HeaderCellView, width: number, profile: Profile, size: number | undefined): TableCell {
  return new TableCell({
    children: cellParagraphs([cell.text], cell.align, { bold: true, size: headerSize(cell.text, width, profile, size) }, true),
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.BOTTOM,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: hex(profile.färger.tabellhuvud) },
    borders: { bottom: { style: BorderStyle.SINGLE, size: 12, color: hex(profile.färger.primär) } },
  });
}

/** Row kinds as in the HTML: group rows bold in the primary colour over a rule, subtotals bold, totals bold between rules. */
function rowLook(row: RowView, profile: Profile): { run: RunLook; top?: IBorderOptions; bottom: IBorderOptions } {
  const primär = hex(profile.färger.primär);
  const text = hex(profile.färger.text);
  switch (row.kind) {
    case 'group':
      return { run: { bold: true, color: primär }, bottom: { style: BorderStyle.SINGLE, size: 6, color: primär } };
    case 'subtotal':
      return { run: { bold: true }, bottom: thin };
    case 'total':
      return { run: { bold: true }, top: { style: BorderStyle.SINGLE, size: 12, color: text }, bottom: { style: BorderStyle.SINGLE, size: 16, color: text } };
    case 'data':
      return { run: {}, bottom: thin };
  }
}

function bodyCell(cell: CellView, noteNumber: number | undefined, row: RowView, width: number, profile: Profile, images: SymbolImages, size: number | undefined): TableCell {
  const look = rowLook(row, profile);
  const run: RunLook = { ...look.run, size };
  const link = cell.link
    ? [
        new Paragraph({
          style: STYLE.tableText,
          children: [new ExternalHyperlink({ link: cell.link.href, children: [new TextRun({ text: cell.link.text, style: 'Hyperlink', size })] })],
        }),
      ]
    : [];
  const lead = cell.symbol ? [symbolRun(cell.symbol, images, cell.lines[0] ?? ''), new TextRun({ text: ' ' })] : [];
  const tail = noteNumber ? [new TextRun({ text: String(noteNumber), superScript: true })] : [];
  return new TableCell({
    children: [...cellParagraphs(cell.lines, cell.align, run, row.kind === 'group', lead, tail), ...link],
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    width: { size: width, type: WidthType.DXA },
    borders: { top: look.top, bottom: look.bottom },
  });
}

/** Column widths in twips from the view's percentages, summing exactly to the text width. */
function columnTwips(widths: readonly number[], total: number): number[] {
  const sum = widths.reduce((a, b) => a + b, 0) || 1;
  const twips = widths.map((w) => Math.floor((w / sum) * total));
  twips[twips.length - 1]! += total - twips.reduce((a, b) => a + b, 0);
  return twips;
}

/**
 * Widths of the cells of each row, honouring column spans and the columns
 * that cells of rows above still take with their row spans.
 */
function cellWidths(rows: readonly (readonly { colSpan?: number; rowSpan?: number }[])[], columns: readonly number[]): number[][] {
  const takenUntil = columns.map(() => 0); // per column: the first row index no longer covered by a row span
  return rows.map((cells, r) => {
    let col = 0;
    return cells.map((c) => {
      while (col < columns.length && takenUntil[col]! > r) col++;
      const span = c.colSpan ?? 1;
      for (let k = col; k < col + span && k < columns.length; k++) takenUntil[k] = r + (c.rowSpan ?? 1);
      const width = columns.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return width;
    });
  });
}

export interface TableElements {
  /** Caption, table, legend, footnotes and note, in print order. */
  elements: (Paragraph | Table)[];
  /** The table's caption, also written into the table's properties as its title (see finish.ts). */
  caption: string;
}

export function tableElements(view: TableView, profile: Profile, images: SymbolImages, orientation: Orientation = 'portrait'): TableElements {
  const total = textWidth(orientation);
  const columns = columnTwips(view.widths, total);
  const footnotes: string[] = [];
  // Compact tables as in the HTML (7.8 pt there): 7.5 pt.
  const size = view.compact ? 15 : undefined;
  const headRows = singleHeaderRow(view.head);
  const headWidths = cellWidths(headRows, columns);
  const head = headRows.map((row, r) => {
    const widths = headWidths[r]!;
    return new TableRow({ tableHeader: true, cantSplit: true, children: row.map((c, i) => headerCell(c, widths[i]!, profile, size)) });
  });
  const bodyWidths = cellWidths(view.body.map((row) => row.cells), columns);
  const body = view.body.map((row, r) => {
    const widths = bodyWidths[r]!;
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((c, i) => bodyCell(c, c.footnote ? footnotes.push(c.footnote) : undefined, row, widths[i]!, profile, images, size)),
    });
  });

  const elements: (Paragraph | Table)[] = [
    new Paragraph({ style: STYLE.caption, children: [new TextRun(view.caption)] }),
    new Table({
      width: { size: total, type: WidthType.DXA },
      columnWidths: columns,
      layout: TableLayoutType.FIXED,
      margins: CELL_MARGINS,
      rows: [...head, ...body],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    }),
  ];

  // Under the table: legend, footnotes and note in the small table-note style; the last one keeps
  // the table apart from the text that follows (a table has no space after of its own).
  const under: { children: ParagraphChild[]; before?: number }[] = [];
  const legend = tableLegend(view, profile.ord);
  if (legend.entries.length) {
    under.push({
      children: [
        new TextRun({ text: `${legend.label}: `, bold: true }),
        ...legend.entries.flatMap((e, i) => [...(i ? [new TextRun('    ')] : []), symbolRun(e.symbol, images, e.word, 10), new TextRun(` ${e.word}`)]),
      ],
    });
  }
  footnotes.forEach((text, i) => under.push({ children: [new TextRun(`${i + 1}. ${text}`)] }));
  if (view.note) under.push({ before: 80, children: [new TextRun(view.note)] });
  if (under.length === 0) under.push({ before: 0, children: [] });
  under.forEach((p, i) =>
    elements.push(new Paragraph({ style: STYLE.tableNote, spacing: { before: p.before, after: i === under.length - 1 ? 200 : 0 }, children: p.children })),
  );
  return { elements, caption: view.caption };
}
