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
import { reviewText } from './review/text.ts';
import { serializeModelJson } from './review/json.ts';
import { writeAtomically, type OutputFile } from './output/write.ts';
import { BuildCache, CACHE_FILE, pdfCodeFingerprint, sha256 } from './output/cache.ts';
import type { ProgressListener } from './build-progress.ts';
import { allFormats, type Format } from './formats.ts';

// The renderers (puppeteer, docx, Chart.js, pdf-lib, pdf.js) are loaded when a report is
// rendered, not when the module is: --check and --help start without them.
const renderers = {
  html: () => import('./render/html/render-html.ts'),
  browser: () => import('./render/pdf/browser.ts'),
  pdf: () => import('./render/pdf/render-pdf.ts'),
  docx: () => import('./render/docx/render-docx.ts'),
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
  const models = folders.map((folder) => {
    const report = loadAndCompute(join(contentDir, folder), diagnostics);
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
      await Promise.all(
        ready.map(async ({ report }) => {
          const result = results.find((r) => r.id === report.id)!;
          const files = await renderReport(report, formats, outDir, cache, browser.get, result.reused, progress);
          await writeAtomically(files);
          result.written = files.map((f) => f.path);
          progress({ kind: 'skriven', report: report.id });
        }),
      );
      if (formats.includes('pdf')) await writeAtomically([{ path: join(outDir, CACHE_FILE), data: cache.serialize() }]);
    } finally {
      await browser.close();
    }
  }

  return { reports: results, diagnostics: diagnostics.items, ok: !diagnostics.hasErrors };
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
  const html = (await renderers.html()).renderHtml(report);
  if (formats.includes('html')) jobs.push(Promise.resolve(done('html', { path: path('html'), data: html })));
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
