/**
 * Every table of a report, in print order, with the section it stands in: the
 * tables of the data outputs (workbook, CSV), read from the same views as the
 * HTML and DOCX tables, so they hold the same rows and the same figures.
 */
import type { Report } from '../../model/types.ts';
import { isProseBlock } from '../../model/types.ts';
import type { CellNumber, CellView, TableView } from '../views/cells.ts';
import { reportView, type ReportView } from '../views/blocks.ts';
import { importSentence } from '../../model/provenance.ts';

export interface ReportTable {
  view: TableView;
  /** Where the rows came from, when read from a spreadsheet: "Raderna är hämtade ur …". */
  imported: string;
  /** The section's heading, with its number when headings are numbered. */
  section: string;
}

export function reportTables(report: Report, views: ReportView = reportView(report)): ReportTable[] {
  return report.sections.flatMap((s, i) => {
    const section = views.sections[i]!;
    return s.blocks.flatMap((b, j) => {
      const block = section.blocks[j]!;
      return isProseBlock(b) || block.kind === 'prose' ? [] : block.tables.map((view) => ({ view, section: section.rubrik, imported: importSentence(b) }));
    });
  });
}

/** A cell's text on one line, for data outputs. */
export function cellText(c: CellView): string {
  return [...c.lines, ...(c.link ? [c.link.text] : [])].filter(Boolean).join(' ');
}

/** The Excel number format of a figure: tkr in whole numbers, mnkr with one decimal, percent as percent. */
export function excelFormat(n: CellNumber): string {
  const decimals = n.decimals > 0 ? `.${'0'.repeat(n.decimals)}` : '';
  return n.unit === '%' ? `0${decimals}%` : `#,##0${decimals}`;
}

/** The value stored in the workbook: a percent as a fraction (45 % → 0.45), as Excel keeps percentages. */
export function excelValue(n: CellNumber): number {
  return n.unit === '%' ? Number((n.value / 100).toPrecision(12)) : n.value;
}
