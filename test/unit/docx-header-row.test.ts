/** A two-row table header becomes one row in the DOCX, each column named from the top down. */
import { describe, expect, it } from 'vitest';
import { singleHeaderRow } from '../../src/render/docx/header-row.ts';
import type { HeaderCellView } from '../../src/render/views/cells.ts';

const left = (text: string, extra: Partial<HeaderCellView> = {}): HeaderCellView => ({ text, align: 'left', scope: 'col', ...extra });

describe('singleHeaderRow', () => {
  it('keeps a one-row header as it is', () => {
    const head = [[left('Mått'), left('2024')]];
    expect(singleHeaderRow(head)).toEqual(head);
  });

  it('names each column by the cells above it: the group, then the year', () => {
    const head = [
      [left('Indikator', { rowSpan: 2 }), left('Ingångsvärde (år)', { rowSpan: 2 }), left('Målvärde', { colSpan: 3, scope: 'colgroup', align: 'right' })],
      [left('2024', { align: 'right' }), left('2025', { align: 'right' }), left('2026', { align: 'right' })],
    ];
    expect(singleHeaderRow(head)).toEqual([
      [left('Indikator'), left('Ingångsvärde (år)'), left('Målvärde 2024', { align: 'right' }), left('Målvärde 2025', { align: 'right' }), left('Målvärde 2026', { align: 'right' })],
    ]);
  });

  it('lets neighbouring columns with the same cells share one cell', () => {
    const head = [[left('Verksamhet', { rowSpan: 2 }), left('Budget', { colSpan: 2, scope: 'colgroup' })], [left('Totalt', { colSpan: 2, scope: 'colgroup' })]];
    expect(singleHeaderRow(head)).toEqual([[left('Verksamhet'), left('Budget Totalt', { colSpan: 2, scope: 'colgroup' })]]);
  });
});
