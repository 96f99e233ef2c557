/**
 * The ändringsrapport as a tagged PDF through the same PDF step as the reports
 * (renderPdf: JavaScript off, no network), finished with title, language and a
 * date from the reports, never from the clock.
 */
import type { Report } from '../model/types.ts';
import type { BrowserSession } from '../render/pdf/session.ts';
import { renderPdf, type PrintedPdf } from '../render/pdf/render-pdf.ts';
import { comparisonHtml, comparisonTitle } from './andringsrapport.ts';
import type { Comparison } from './types.ts';

export async function comparisonPdf(session: BrowserSession, c: Comparison, newer: readonly Report[] = []): Promise<PrintedPdf> {
  return renderPdf(await session.get(), {
    html: comparisonHtml(c, newer),
    facts: {
      title: comparisonTitle(c),
      author: 'kommunrapport',
      subject: `Ändringar från ${c.oldLabel} till ${c.newLabel}`,
      keywords: ['Ändringsrapport', ...c.reports.map((r) => r.id)],
      date: newer.map((r) => r.meta.datum).sort().at(-1) ?? '2000-01-01',
      lang: 'sv',
    },
  });
}
