/**
 * The whole pipeline on one screen:
 *   content folder → load & validate → computed model → HTML / PDF / DOCX → output folder.
 * The CLI and the tests both call build().
 */
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer';
import { Diagnostics, type Diagnostic } from './diagnostics.ts';
import { displayPath, findReportFolders } from './content/load.ts';
import { loadAndCompute } from './model/build-model.ts';
import type { Report } from './model/types.ts';
import { renderHtml } from './render/html/render-html.ts';
import { launchBrowser } from './render/pdf/browser.ts';
import { renderPdf } from './render/pdf/render-pdf.ts';
import { renderDocx } from './render/docx/render-docx.ts';
import { writeAtomically, type OutputFile } from './output/write.ts';

export const allFormats = ['pdf', 'docx', 'html'] as const;
export type Format = (typeof allFormats)[number];

export interface BuildOptions {
  /** Folder holding the report folders and kommuner/. */
  contentDir: string;
  outDir: string;
  /** Report folder names; all when empty. */
  reports?: string[];
  formats?: readonly Format[];
  /** Validate and compute only; render nothing. */
  checkOnly?: boolean;
}

export interface ReportResult {
  id: string;
  title?: string;
  written: string[];
  ok: boolean;
}

export interface BuildResult {
  reports: ReportResult[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

export async function build(options: BuildOptions): Promise<BuildResult> {
  const contentDir = resolve(options.contentDir);
  const formats = options.formats ?? allFormats;
  const diagnostics = new Diagnostics();

  const folders = options.reports?.length ? options.reports : findReportFolders(contentDir);
  if (folders.length === 0) {
    diagnostics.error({
      code: 'inga-rapporter',
      file: displayPath(contentDir),
      message: 'Hittade inga rapporter (mappar med index.md).',
      hint: 'Skapa en rapportmapp med index.md under content/, eller ange mappen med --content.',
    });
  }

  const models = folders.map((folder) => ({ id: folder, report: loadAndCompute(join(contentDir, folder), diagnostics) }));
  const results: ReportResult[] = models.map((m) => ({ id: m.id, title: m.report?.meta.titel, written: [], ok: m.report !== undefined }));
  const ready = models.filter((m): m is { id: string; report: Report } => m.report !== undefined);

  if (!options.checkOnly && ready.length > 0) {
    const browser = formats.includes('pdf') ? await launchBrowser() : undefined;
    try {
      await Promise.all(
        ready.map(async ({ report }) => {
          const files = await renderReport(report, formats, resolve(options.outDir), browser);
          await writeAtomically(files);
          results.find((r) => r.id === report.id)!.written = files.map((f) => f.path);
        }),
      );
    } finally {
      await browser?.close();
    }
  }

  return { reports: results, diagnostics: diagnostics.items, ok: !diagnostics.hasErrors };
}

/** Stage 3: every requested format of one report, in memory; nothing is written until all succeed. */
async function renderReport(report: Report, formats: readonly Format[], outDir: string, browser: Browser | undefined): Promise<OutputFile[]> {
  const path = (ext: string) => join(outDir, `${report.id}.${ext}`);
  const jobs: Promise<OutputFile>[] = [];
  if (formats.includes('html')) jobs.push(Promise.resolve({ path: path('html'), data: renderHtml(report) }));
  if (formats.includes('docx')) jobs.push(renderDocx(report).then((data) => ({ path: path('docx'), data })));
  if (formats.includes('pdf') && browser) jobs.push(renderPdf(browser, report).then((data) => ({ path: path('pdf'), data })));
  return Promise.all(jobs);
}
