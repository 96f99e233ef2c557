/**
 * A report as the PDF step wants it: its HTML (contents page numbers blank),
 * the HTML with given page numbers, the contents entries, and the facts of the
 * document for its metadata.
 */
import type { Report } from '../../model/types.ts';
import type { PrintDocument } from '../pdf/render-pdf.ts';
import { reportView, type ReportView } from '../views/blocks.ts';
import { renderHtml } from './render-html.ts';

/** `html`: the report's HTML without page numbers, when the caller has rendered it already. */
export function printableReport(report: Report, views: ReportView = reportView(report), html: string = renderHtml(report, {}, views)): PrintDocument {
  const { facts } = views;
  return {
    html,
    facts: { title: facts.title, author: facts.nämnd, subject: facts.summary, keywords: facts.keywords, date: facts.datum, lang: facts.language },
    contents: {
      entries: views.toc,
      withPages: (pages) => renderHtml(report, { pages }, views),
    },
  };
}
