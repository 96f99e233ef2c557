/**
 * Heights of paragraphs and table rows: words measured with the embedded
 * font's advance widths and wrapped greedily, tabs to their stops, pictures
 * as boxes; line heights by the paragraph's line rule. Memoised per paragraph
 * and width, and per table: keep-with-next chains ask again.
 */
import type { Face, FontMetrics } from '../fonts.ts';
import type { PProps } from './properties.ts';
import type { Para, Tbl } from './body.ts';

const DEFAULT_TAB = 720;

export interface Measure {
  /** The heights of a paragraph's lines at a text width (twips). */
  lines(para: Para, textWidth: number): number[];
  /** The heights of a table's rows at its column widths. */
  rowHeights(t: Tbl): number[];
}

const sum = (heights: readonly number[]) => heights.reduce((a, c) => a + c, 0);

/** A line's height under the paragraph's line rule, from the height of its content. */
function lineHeight(p: PProps, content: number): number {
  const line = p.line ?? 240;
  switch (p.lineRule) {
    case 'exact':
      return line;
    case 'atLeast':
      return Math.max(line, content);
    default:
      return (content * line) / 240;
  }
}

export function measureWith(metrics: Record<Face, FontMetrics>): Measure {
  /** Natural line height of text of a size (half-points), in twips. */
  const natural = (size: number, face: Face) => (size * 10 * metrics[face].lineHeight) / metrics[face].unitsPerEm;
  const width = (text: string, face: Face, size: number) => {
    const m = metrics[face];
    let units = 0;
    for (const ch of text) units += m.advance(ch.codePointAt(0)!);
    return (units / m.unitsPerEm) * size * 10;
  };

  const lineCache = new WeakMap<Para, Map<number, number[]>>();
  function lines(para: Para, textWidth: number): number[] {
    let byWidth = lineCache.get(para);
    if (!byWidth) lineCache.set(para, (byWidth = new Map()));
    let hit = byWidth.get(textWidth);
    if (!hit) byWidth.set(textWidth, (hit = measureLines(para, textWidth)));
    return hit;
  }

  function measureLines(para: Para, textWidth: number): number[] {
    const avail = Math.max(1, textWidth - (para.p.left ?? 0) - (para.p.right ?? 0));
    const heights: number[] = [];
    let x = 0;
    let h = 0;
    let any = false;
    const indent = para.p.left ?? 0;
    let aligned = false;
    const close = () => {
      heights.push(lineHeight(para.p, h || natural(para.markSize, para.markFace)));
      x = 0;
      h = 0;
      any = false;
      aligned = false;
    };
    const tabStops = [...(para.p.tabs ?? [])].sort((a, b) => a.pos - b.pos);
    for (const piece of para.pieces) {
      if (piece.kind === 'break') close();
      else if (piece.kind === 'tab') {
        // Tab positions count from the page margin, x from the paragraph's indent.
        const stop = tabStops.find((t) => t.pos - indent > x + 1);
        x = stop ? Math.min(stop.pos - indent, avail) : (Math.floor(x / DEFAULT_TAB) + 1) * DEFAULT_TAB;
        if (x > avail) close();
        // Text after a right tab ends at the tab (a page number after dot leaders): it takes no more room.
        aligned = stop !== undefined && stop.val !== 'left';
        any = true;
      } else if (piece.kind === 'box') {
        if (any && x + piece.width > avail) close();
        x += piece.width;
        h = Math.max(h, piece.height);
        any = true;
      } else {
        const lh = natural(piece.size, piece.face);
        if (aligned) {
          h = Math.max(h, lh);
          continue;
        }
        // Words with the space after them; a line may end in spaces without breaking.
        for (const word of piece.text.match(/[^ ]+ *| +/g) ?? []) {
          const w = width(word, piece.face, piece.size);
          const ink = width(word.trimEnd(), piece.face, piece.size);
          if (any && x + ink > avail && word.trim()) close();
          x += w;
          h = Math.max(h, lh);
          any = true;
          // A word longer than the line breaks where it must.
          if (ink > avail) {
            close();
            x = ink % avail;
            h = lh;
            any = true;
          }
        }
      }
    }
    if (any || heights.length === 0) close();
    return heights;
  }

  /** A row-spanning cell taller than its rows makes its last row taller. */
  const rowCache = new WeakMap<Tbl, number[]>();
  function rowHeights(t: Tbl): number[] {
    let hit = rowCache.get(t);
    if (!hit) rowCache.set(t, (hit = measureRows(t)));
    return hit;
  }

  function measureRows(t: Tbl): number[] {
    const heights: number[] = [];
    const open = new Map<number, { height: number; from: number }>(); // grid column → row-spanning cell
    const closeSpan = (col: number, last: number) => {
      const span = open.get(col)!;
      open.delete(col);
      const covered = sum(heights.slice(span.from, last + 1));
      if (span.height > covered) heights[last]! += span.height - covered;
    };
    t.rows.forEach((row, r) => {
      let col = 0;
      let height = 0;
      const continuing = new Set<number>();
      for (const cell of row.cells) {
        if (cell.merge === 'continue') continuing.add(col);
        else {
          const content = cell.paras.reduce((total, p) => total + (p.p.before ?? 0) + sum(lines(p, cell.width - t.margins.left - t.margins.right)) + (p.p.after ?? 0), 0);
          const h = content + t.margins.top + t.margins.bottom + cell.border;
          if (open.has(col)) closeSpan(col, r - 1);
          if (cell.merge === 'restart') open.set(col, { height: h, from: r });
          else height = Math.max(height, h);
        }
        col += cell.span;
      }
      heights.push(height);
      for (const c of [...open.keys()]) if (open.get(c)!.from !== r && !continuing.has(c)) closeSpan(c, r - 1);
    });
    for (const c of [...open.keys()]) closeSpan(c, heights.length - 1);
    return heights;
  }

  return { lines, rowHeights };
}
