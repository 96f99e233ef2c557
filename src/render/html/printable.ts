/**
 * A report as the PDF step wants it: its HTML (contents page numbers blank),
 * the HTML with given page numbers, the contents entries, and the facts of the
 * document for its metadata.
 */
import type { Report } from '../../model/types.ts';
import type { PrintDocument } from '../pdf/render-pdf.ts';
import { periodText, reportTypeNames, tocEntries } from '../views/document.ts';
import { renderHtml } from './render-html.ts';

/** `html`: the report's HTML without page numbers, when the caller has rendered it already. */
export function printableReport(report: Report, html: string = renderHtml(report)): PrintDocument {
  const period = periodText(report);
  return {
    html,
    facts: {
      title: report.meta.titel,
      author: report.meta.nämnd,
      subject: `${reportTypeNames[report.type]} ${period} för ${report.meta.nämnd}, ${report.profile.namn}`,
      keywords: [reportTypeNames[report.type], report.meta.nämnd, report.profile.namn, period],
      date: report.meta.datum,
      lang: 'sv',
    },
    contents: {
      entries: tocEntries(report),
      withPages: (pages) => renderHtml(report, { pages }),
    },
  };
}
