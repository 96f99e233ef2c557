/**
 * The ändringsrapport as a tagged PDF: its HTML printed by the same locked-down
 * page as the reports (printHtml: JavaScript off, no network), then finished
 * with title, language and a date from the reports, never from the clock.
 */
import type { Report } from '../model/types.ts';
import { launchBrowser } from '../render/pdf/browser.ts';
import { printHtml } from '../render/pdf/render-pdf.ts';
import { finishPdf } from '../render/pdf/finish.ts';
import { headingTexts } from '../render/pdf/outline.ts';
import { comparisonHtml, comparisonTitle } from './andringsrapport.ts';
import type { Comparison } from './types.ts';

export async function comparisonPdf(c: Comparison, newer: readonly Report[] = []): Promise<Uint8Array> {
  const html = comparisonHtml(c, newer);
  const browser = await launchBrowser();
  try {
    const pdf = await printHtml(browser, html);
    const title = comparisonTitle(c);
    return await finishPdf(pdf, {
      title,
      author: 'kommunrapport',
      subject: `Ändringar från ${c.oldLabel} till ${c.newLabel}`,
      keywords: ['Ändringsrapport', ...c.reports.map((r) => r.id)],
      date: newer.map((r) => r.meta.datum).sort().at(-1) ?? '2000-01-01',
      lang: 'sv',
      linkTargets: new Map(),
      headings: headingTexts(html),
    });
  } finally {
    await browser.close();
  }
}
