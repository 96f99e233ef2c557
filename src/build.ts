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
import { readSpreadsheets, type Spreadsheets } from './sources/files.ts';
import type { Report } from './model/types.ts';
import { reviewText } from './review/text.ts';
import { serializeModelJson } from './review/json.ts';
import { writeAtomically, type OutputFile } from './output/write.ts';
import { renderError } from './render/render-error.ts';
import { BuildCache, CACHE_FILE, pdfCodeFingerprint, sha256 } from './output/cache.ts';
import type { ProgressListener } from './build-progress.ts';
import { allFormats, type Format } from './formats.ts';

// The renderers (puppeteer, docx, Chart.js, pdf-lib, pdf.js, exceljs) are loaded when a report is
// rendered, not when the module is: --check and --help start without them.
const renderers = {
  html: () => import('./render/html/render-html.ts'),
  browser: () => import('./render/pdf/browser.ts'),
  pdf: () => import('./render/pdf/render-pdf.ts'),
  docx: () => import('./render/docx/render-docx.ts'),
  xlsx: () => import('./render/xlsx/workbook.ts'),
};

export { allFormats, type Format } from './formats.ts';

export interface BuildOptions {
  /** Folder holding the report folders and kommuner/. */
  contentDir: string;
  outDir: string;
  /** Report folder names; all when empty. */
  reports?: string[];
  formats?: readonly Format[];
  /** Validate and compute only; render nothing. */
  checkOnly?: boolean;
  /** Told as each report is checked, each format is ready and each report is written. */
  onProgress?: ProgressListener;
}

export interface ReportResult {
  id: string;
  title?: string;
  written: string[];
  /** Outputs reused from the previous build because nothing that shapes them changed. */
  reused: string[];
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

  const progress: ProgressListener = options.onProgress ?? (() => {});
  // Workbooks are read ahead (exceljs is asynchronous), then every report is loaded in order.
  const spreadsheets = await Promise.all(folders.map((folder) => readSpreadsheets(join(contentDir, folder))));
  const models = folders.map((folder, i) => {
    const report = loadSafely(join(contentDir, folder), diagnostics, spreadsheets[i]);
    progress({ kind: 'kontrollerad', report: folder, ok: report !== undefined });
    return { id: folder, report };
  });
  const results: ReportResult[] = models.map((m) => ({ id: m.id, title: m.report?.meta.titel, written: [], reused: [], ok: m.report !== undefined }));
  const ready = models.filter((m): m is { id: string; report: Report } => m.report !== undefined);

  if (!options.checkOnly && ready.length > 0) {
    const outDir = resolve(options.outDir);
    const cache = BuildCache.load(outDir);
    const browser = lazyBrowser();
    try {
      // Every report is finished (written or left as it was) before the first failure is told.
      const settled = await Promise.allSettled(
        ready.map(async ({ report }) => {
          const result = results.find((r) => r.id === report.id)!;
          const files = await renderReport(report, formats, outDir, cache, browser.get, result.reused, progress).catch((err: unknown) => {
            throw renderError(err, report.id);
          });
          await writeAtomically(files);
          result.written = files.map((f) => f.path);
          progress({ kind: 'skriven', report: report.id });
        }),
      );
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw failed.reason;
      if (formats.includes('pdf')) await writeAtomically([{ path: join(outDir, CACHE_FILE), data: cache.serialize() }]);
    } finally {
      await browser.close().catch(() => undefined);
    }
  }

  return { reports: results, diagnostics: diagnostics.items, ok: !diagnostics.hasErrors };
}

/** Loads and computes one report; an unexpected failure becomes a message about that report instead of a crash. */
function loadSafely(dir: string, diagnostics: Diagnostics, spreadsheets: Spreadsheets | undefined): Report | undefined {
  try {
    return loadAndCompute(dir, diagnostics, spreadsheets);
  } catch (err) {
    diagnostics.error({
      code: 'oväntat-fel',
      file: displayPath(dir),
      message: `Rapporten kunde inte läsas på grund av ett oväntat fel: ${(err as Error)?.message ?? String(err)}.`,
      hint: 'Rätta först övriga fel i rapporten. Kvarstår felet är det ett fel i kommunrapport; rapportera det gärna med rapportmappen bifogad.',
    });
    return undefined;
  }
}

/** One browser for the whole build, started only when a PDF actually has to be printed. */
function lazyBrowser(): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let started: Promise<Browser> | undefined;
  return {
    get: () => (started ??= renderers.browser().then((m) => m.launchBrowser())),
    close: async () => {
      if (started) await (await started).close();
    },
  };
}

/** Stage 3: every requested format of one report, in memory; nothing is written until all succeed. */
async function renderReport(
  report: Report,
  formats: readonly Format[],
  outDir: string,
  cache: BuildCache,
  browser: () => Promise<Browser>,
  reused: string[],
  progress: ProgressListener,
): Promise<OutputFile[]> {
  const path = (ext: string) => join(outDir, `${report.id}.${ext}`);
  const jobs: Promise<OutputFile>[] = [];
  const done = (format: Format, file: OutputFile, wasReused = false): OutputFile => {
    progress({ kind: 'format', report: report.id, format, reused: wasReused });
    return file;
  };
  const { renderHtml } = await renderers.html();
  const html = renderHtml(report);
  // The web page has a CSV download under each table; the page printed to PDF has none.
  if (formats.includes('html')) jobs.push(Promise.resolve(done('html', { path: path('html'), data: renderHtml(report, { downloads: { reportId: report.id } }) })));
  if (formats.includes('xlsx')) jobs.push(renderers.xlsx().then((m) => m.renderWorkbook(report)).then((data) => done('xlsx', { path: path('xlsx'), data })));
  if (formats.includes('docx')) jobs.push(renderers.docx().then((m) => m.renderDocx(report)).then((data) => done('docx', { path: path('docx'), data })));
  if (formats.includes('granskning')) jobs.push(Promise.resolve(done('granskning', { path: path('granskning.txt'), data: reviewText(report) })));
  if (formats.includes('json')) jobs.push(Promise.resolve(done('json', { path: path('modell.json'), data: serializeModelJson(report) })));
  if (formats.includes('pdf')) {
    const file = `${report.id}.pdf`;
    const { findBrowser } = await renderers.browser();
    const key = sha256([html, pdfCodeFingerprint(findBrowser() ?? ''), report.meta.datum, process.env.SOURCE_DATE_EPOCH ?? ''].join('\n'));
    const earlier = cache.reuse(file, key);
    if (earlier) reused.push(path('pdf'));
    const pdf = earlier
      ? Promise.resolve(earlier)
      : Promise.all([browser(), renderers.pdf()])
          .then(([b, m]) => m.renderPdf(b, report))
          .then((data) => {
            cache.remember(file, key, data);
            return data;
          });
    jobs.push(pdf.then((data) => done('pdf', { path: path('pdf'), data }, earlier !== undefined)));
  }
  return Promise.all(jobs);
}
