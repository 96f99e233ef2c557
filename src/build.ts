/**
 * The whole pipeline on one screen, one line per stage for each report:
 *   load → model → validate → views → render → write
 * (content folder → checked content → computed model → a report without errors →
 * every block laid out once → HTML / PDF / DOCX / XLSX / review text / JSON in
 * memory → output folder). The CLI and the tests both call build().
 */
import { join, resolve } from 'node:path';
import type { Browser } from 'puppeteer';
import { BrowserSession } from './render/pdf/session.ts';
import type { PrintDocument, PrintedPdf } from './render/pdf/render-pdf.ts';
import { blockedWarning } from './render/pdf/blocked.ts';
import { BuildError, Diagnostics, type Diagnostic } from './diagnostics.ts';
import { defaultJobs, runBounded, workOrder } from './batch/pool.ts';
import { inShard, type Shard } from './batch/shard.ts';
import { BrowserFirst } from './batch/browser-first.ts';
import { OfficeThread, isOfficeFormat, type OfficeFormat } from './render/office/thread.ts';
import { displayPath } from './content/load.ts';
import { findReportFolders, reportSize } from './content/folders.ts';
import { computeModel, loadContent, validated } from './model/build-model.ts';
import { readSpreadsheets } from './sources/files.ts';
import type { Report } from './model/types.ts';
import { reportView, type ReportView } from './render/views/blocks.ts';
import { reviewText } from './review/text.ts';
import { serializeModelJson } from './review/json.ts';
import { writeAtomically, type OutputFile } from './output/write.ts';
import { isBrowserCrash, renderError } from './render/render-error.ts';
import { BuildCache, CACHE_FILE, pdfCodeFingerprint, sha256 } from './output/cache.ts';
import type { ProgressListener } from './build-progress.ts';
import { allFormats, type Format } from './formats.ts';

// The renderers (puppeteer, docx, Chart.js, pdf-lib, exceljs) are loaded when a report is
// rendered, not when the module is: --check and --help start without them.
const renderers = {
  html: () => import('./render/html/render-html.ts'),
  browser: () => import('./render/pdf/browser.ts'),
  pdf: () => import('./render/pdf/render-pdf.ts'),
  printable: () => import('./render/html/printable.ts'),
  docx: () => import('./render/docx/render-docx.ts'),
  xlsx: () => import('./render/xlsx/workbook.ts'),
};

export { allFormats, type Format } from './formats.ts';

/** Prints one report's document (its HTML and facts) to PDF. */
export type PrintPdf = (browser: Browser, document: PrintDocument, report: Report) => Promise<PrintedPdf>;

export interface BuildOptions {
  /** Folder holding the report folders and kommuner/. */
  contentDir: string;
  outDir: string;
  /** Report folder names; all when empty. */
  reports?: string[];
  formats?: readonly Format[];
  /** Validate and compute only; render nothing. */
  checkOnly?: boolean;
  /** Reports in flight at once, through the whole pipeline (default: from the cores and the free memory). */
  jobs?: number;
  /** Build only this stable slice of the reports (--shard i/n). */
  shard?: Shard;
  /** Told as each report is started, checked, each format is ready and each report is written or failed. */
  onProgress?: ProgressListener;
  /** Prints one report to PDF; the real printer unless a test puts a failing one in its place. */
  printPdf?: PrintPdf;
  /** The browser to print with, owned (and closed) by the caller; else the build starts one when a PDF is printed and closes it. */
  browser?: BrowserSession;
}

export interface ReportResult {
  id: string;
  title?: string;
  written: string[];
  /** Outputs reused from the previous build because nothing that shapes them changed. */
  reused: string[];
  ok: boolean;
  /** Why the report's files could not be made or written (its earlier files are left as they were). */
  failure?: BuildError;
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

  const all = options.reports?.length ? options.reports : findReportFolders(contentDir);
  // A shard may be empty (few reports, many shards); a content folder without reports is a mistake.
  const folders = inShard(all, options.shard);
  if (all.length === 0) {
    diagnostics.error({
      code: 'inga-rapporter',
      file: displayPath(contentDir),
      message: 'Hittade inga rapporter (mappar med index.md).',
      hint: 'Skapa en rapportmapp med index.md under content/, eller ange mappen med --content.',
    });
  }

  const progress: ProgressListener = options.onProgress ?? (() => {});
  const results: ReportResult[] = folders.map((id) => ({ id, written: [], reused: [], ok: false }));
  // Each report's messages are kept apart and told in folder order, however the jobs interleave.
  const perReport = folders.map(() => new Diagnostics());
  const outDir = resolve(options.outDir);
  const cache = options.checkOnly ? undefined : BuildCache.load(outDir);
  const browser = options.browser ?? new BrowserSession();
  // A report whose PDF no earlier build wrote will be printed: the browser starts now, while the reports are read
  // (the command may have started it already), and the report's print page opens while the report is computed.
  const printsAhead = (folder: string) => cache !== undefined && formats.includes('pdf') && cache.printsForSure(folder);
  if (folders.some(printsAhead)) await browser.startSoon();
  // The order of the work on this thread: the browser is fed first, the earliest report is finished first.
  const browserFirst = new BrowserFirst();
  // The DOCX and XLSX are made on a thread of their own where that gains, its renderers loading while the first reports are read.
  const office = !options.checkOnly && folders.length > 0 && formats.some(isOfficeFormat) && OfficeThread.wanted(folders.length) && OfficeThread.available() ? new OfficeThread() : undefined;
  office?.start();
  const print: PrintPdf = options.printPdf ?? ((b, document) => renderers.pdf().then((m) => m.renderPdf(b, document)));

  try {
    // Taken smallest first, then from the largest down (batch/pool.ts); told and written in folder order.
    const order = workOrder(folders.map((f) => reportSize(join(contentDir, f))));
    await runBounded(order, options.jobs ?? defaultJobs(), async (i, turn) => {
      const folder = folders[i]!;
      const result = results[i]!;
      progress({ kind: 'påbörjad', report: folder });
      // The model and its views live only inside this call: released before the job takes its next report.
      const dir = join(contentDir, folder);
      const messages = perReport[i]!;
      // Its print page opens now (in the browser's process), while the report is computed; closed unused if it is not printed.
      let spare = printsAhead(folder);
      if (spare) browser.openSparePage();
      const printSent = () => (spare = false);
      let arrived: () => void = () => undefined;
      try {
        if (spare) arrived = await browserFirst.feed();
        const spreadsheets = await readSpreadsheets(dir);
        const report = safely(dir, messages, () => {
          const errorsBefore = messages.errors.length;
          const content = loadContent(dir, messages, spreadsheets); // load
          const model = content && computeModel(content, messages); // model
          return model && validated(model, messages, errorsBefore); // validate
        });
        result.title = report?.meta.titel;
        result.ok = report !== undefined;
        progress({ kind: 'kontrollerad', report: folder, ok: result.ok });
        if (!report || !cache) return;
        try {
          const views = reportView(report); // views
          const files = await renderReport(report, views, formats, outDir, cache, browser, print, office, result.reused, progress, { onPrint: printSent, arrived, browserFirst, rank: turn }, (url) =>
            messages.warn(blockedWarning(displayPath(dir), url)),
          ).catch((err: unknown) => {
            throw renderError(err, report.id);
          }); // render
          await writeAtomically(files); // write
          result.written = files.map((f) => f.path);
          progress({ kind: 'skriven', report: report.id });
        } catch (err) {
          result.ok = false;
          result.reused = [];
          result.failure = err instanceof BuildError ? err : renderError(err, report.id);
          progress({ kind: 'misslyckad', report: report.id, message: result.failure.message });
        }
      } finally {
        arrived();
        if (spare) await browser.closeSparePage();
      }
    });
    if (cache && formats.includes('pdf') && results.some((r) => r.written.length > 0)) {
      await writeAtomically([{ path: join(outDir, CACHE_FILE), data: cache.serialize() }]);
    }
  } finally {
    await office?.close();
    if (!options.browser) await browser.close().catch(() => undefined);
  }

  for (const d of perReport) for (const item of d.items) diagnostics.add(item);
  const failed = results.some((r) => r.failure);
  return { reports: results, diagnostics: diagnostics.items, ok: !diagnostics.hasErrors && !failed };
}

/** Loads, computes and validates one report; an unexpected failure becomes a message about that report instead of a crash. */
function safely(dir: string, diagnostics: Diagnostics, stages: () => Report | undefined): Report | undefined {
  try {
    return stages();
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

/** Prints with the shared browser; if that browser crashes or disconnects, the report is printed once more in a fresh one. */
async function printWithRetry(
  report: Report,
  document: PrintDocument,
  browser: BrowserSession,
  print: PrintPdf,
  progress: ProgressListener,
): Promise<PrintedPdf> {
  const first = await browser.get();
  try {
    return await print(first, document, report);
  } catch (err) {
    if (!isBrowserCrash(err) && first.connected) throw err;
    progress({ kind: 'försöker-igen', report: report.id });
    browser.replace(first);
    return print(await browser.get(), document, report);
  }
}

/** The render stage: every requested format of one report, in memory, from its views; nothing is written until all succeed. */
async function renderReport(
  report: Report,
  views: ReportView,
  formats: readonly Format[],
  outDir: string,
  cache: BuildCache,
  browser: BrowserSession,
  print: PrintPdf,
  /** The thread that makes the DOCX and XLSX; absent: they are made on this thread, in their turn. */
  office: OfficeThread | undefined,
  reused: string[],
  progress: ProgressListener,
  /**
   * onPrint: told when the PDF is sent to be printed (it takes the print page opened ahead);
   * arrived: told when the report has been handed to the printer, or will not be printed (the next report may go);
   * browserFirst and rank: the other formats and the PDF finishing take their turn on this thread (batch/browser-first.ts).
   */
  order: { onPrint: () => void; arrived: () => void; browserFirst: BrowserFirst; rank: number },
  /** Told each address the print of the PDF refused to load. */
  onBlocked: (url: string) => void,
): Promise<OutputFile[]> {
  const path = (ext: string) => join(outDir, `${report.id}.${ext}`);
  const jobs: Promise<OutputFile>[] = [];
  const done = (format: Format, file: OutputFile, wasReused = false): OutputFile => {
    progress({ kind: 'format', report: report.id, format, reused: wasReused });
    return file;
  };
  const { renderHtml } = await renderers.html();
  const html = renderHtml(report, {}, views);
  // The other formats are made while the browser prints the PDF (another process): they start once it prints,
  // each in its turn on this thread.
  let printStarted!: () => void;
  const printing = new Promise<void>((resolve) => (printStarted = resolve));
  const inTurn = <T>(work: () => T | Promise<T>): Promise<T> => order.browserFirst.run(order.rank, work);
  const then = <T>(work: () => T | Promise<T>): Promise<T> => printing.then(() => inTurn(work));
  // The web page has a CSV download under each table; the page printed to PDF has none.
  if (formats.includes('html')) jobs.push(then(() => done('html', { path: path('html'), data: renderHtml(report, { downloads: { reportId: report.id } }, views) })));
  // The DOCX and XLSX go to their thread once the print has started, as they would take their turn here.
  const officeFormats = formats.filter(isOfficeFormat);
  const made = office && officeFormats.length > 0 ? printing.then(() => office.render(report, views, officeFormats)) : undefined;
  const officeFile = (format: OfficeFormat, here: () => Promise<Uint8Array>) =>
    (made ? made.then((files) => files.get(format)!) : then(here)).then((data) => done(format, { path: path(format), data }));
  if (formats.includes('xlsx')) jobs.push(officeFile('xlsx', async () => (await renderers.xlsx()).renderWorkbook(report, views)));
  if (formats.includes('docx')) jobs.push(officeFile('docx', async () => (await renderers.docx()).renderDocx(report, views)));
  if (formats.includes('granskning')) jobs.push(then(() => done('granskning', { path: path('granskning.txt'), data: reviewText(report, views) })));
  if (formats.includes('json')) jobs.push(then(() => done('json', { path: path('modell.json'), data: serializeModelJson(report) })));
  if (formats.includes('pdf')) {
    const file = `${report.id}.pdf`;
    const { findBrowser } = await renderers.browser();
    const key = sha256([html, pdfCodeFingerprint(findBrowser() ?? ''), report.meta.datum, process.env.SOURCE_DATE_EPOCH ?? ''].join('\n'));
    const earlier = cache.reuse(file, key);
    if (earlier) reused.push(path('pdf'));
    // A reused PDF repeats the warnings its print gave: a rebuild says the same as the first build.
    earlier?.blocked.forEach(onBlocked);
    const pdf = (
      earlier
        ? Promise.resolve(earlier.data)
        : renderers.printable().then(async ({ printableReport }) => {
            const document = { ...printableReport(report, views, html), onPrinting: printStarted, finishing: inTurn };
            // From here the report waits for the browser, not for this thread: the queued work may run meanwhile.
            order.onPrint();
            order.arrived();
            const printed = await printWithRetry(report, document, browser, print, progress);
            printed.blocked.forEach(onBlocked);
            cache.remember(file, key, printed.pdf, printed.blocked);
            return printed.pdf;
          })
    ).finally(printStarted);
    // A reused PDF, or a print that failed before it started: the report is no longer on its way to the browser.
    void printing.then(order.arrived);
    jobs.push(pdf.then((data) => done('pdf', { path: path('pdf'), data }, earlier !== undefined)));
  }
  if (!formats.includes('pdf')) printStarted();
  return Promise.all(jobs);
}
