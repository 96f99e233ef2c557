/**
 * kommunrapport preview: an HTTP server on 127.0.0.1 that shows each report as
 * HTML, watches the content folder, rebuilds only the report whose files
 * changed and tells its open pages to reload (server-sent events). The PDF is
 * printed when asked for and kept by the hash of its HTML.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { relative, resolve } from 'node:path';
import { BrowserSession } from '../render/pdf/session.ts';
import { watch, type FSWatcher } from 'chokidar';
import { sha256 } from '../output/cache.ts';
import { BuildError, ExitCode } from '../diagnostics.ts';
import { PreviewReports, type ReportState } from './reports.ts';
import { EVENTS_PATH, indexPage, previewPage } from './page.ts';

export interface PreviewOptions {
  contentDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Told after every rebuild caused by a saved file. */
  onRebuild?: (state: ReportState) => void;
}

export interface Preview {
  url: string;
  reports: PreviewReports;
  close(): Promise<void>;
}

/** Changes closer together than this are one rebuild (an editor's save can be several events). */
const SETTLE_MS = 40;

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const contentDir = resolve(options.contentDir);
  const reports = new PreviewReports(contentDir);
  const listeners = new Map<string, Set<ServerResponse>>();
  const pdfs = new Map<string, Uint8Array>();
  const browser = new BrowserSession({ handleSignals: false });

  const notify = (state: ReportState) => {
    for (const res of listeners.get(state.id) ?? []) res.write(`event: version\ndata: ${state.version}\n\n`);
  };

  async function pdfFor(state: ReportState): Promise<Uint8Array> {
    const key = sha256(state.html ?? '');
    const cached = pdfs.get(key);
    if (cached) return cached;
    const [{ printableReport }, { renderPdf }] = await Promise.all([import('../render/html/printable.ts'), import('../render/pdf/render-pdf.ts')]);
    const { pdf: data } = await renderPdf(await browser.get(), printableReport(state.report!));
    pdfs.set(key, data);
    return data;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, type: string, body: string | Uint8Array) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') {
      const states = await Promise.all(reports.ids().map((id) => reports.get(id)));
      return send(200, 'text/html; charset=utf-8', indexPage(states.filter((s) => s !== undefined).map((s) => ({ id: s.id, title: s.title, errors: s.problems.filter((d) => d.severity === 'fel').length }))));
    }
    if (path === EVENTS_PATH) {
      const id = url.searchParams.get('rapport') ?? '';
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      const set = listeners.get(id) ?? new Set();
      listeners.set(id, set);
      set.add(res);
      req.on('close', () => set.delete(res));
      const state = await reports.get(id);
      res.write(`retry: 500\nevent: version\ndata: ${state?.version ?? 0}\n\n`);
      return;
    }
    const match = /^\/([^/]+)(?:\/(pdf)?)?$/.exec(path);
    const state = match ? await reports.get(match[1]!) : undefined;
    if (!match || !state) return send(404, 'text/html; charset=utf-8', `<!DOCTYPE html><html lang="sv"><meta charset="utf-8"><title>Hittades inte</title><p>Ingen rapport här. <a href="/">Alla rapporter</a></p></html>`);
    if (!path.endsWith('/') && !match[2]) {
      res.writeHead(302, { location: `/${encodeURIComponent(state.id)}/` });
      res.end();
      return;
    }
    if (match[2] === 'pdf') {
      const errors = state.problems.some((d) => d.severity === 'fel');
      if (errors || !state.report) return send(409, 'text/html; charset=utf-8', previewPage(state.id, undefined, state.problems, state.version));
      const pdf = await pdfFor(state);
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${encodeURIComponent(state.id)}.pdf"`, 'cache-control': 'no-store' });
      res.end(pdf);
      return;
    }
    return send(200, 'text/html; charset=utf-8', previewPage(state.id, state.html, state.problems, state.version));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const message = err instanceof BuildError ? `${err.message}${err.hint ? ` ${err.hint}` : ''}` : String((err as Error).stack ?? err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Fel i förhandsvisningen: ${message}\n`);
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      fail(err.code === 'EADDRINUSE' ? new BuildError(`Porten ${options.port} används redan.`, ExitCode.usage, `Välj en annan port, till exempel --port ${options.port + 1}.`) : err),
    );
    server.listen(options.port, '127.0.0.1', () => done());
  });

  // Rebuild per report, one at a time per report; a change during a rebuild gives one more rebuild after it.
  const pending = new Map<string, NodeJS.Timeout>();
  const running = new Map<string, Promise<void>>();
  const schedule = (id: string) => {
    clearTimeout(pending.get(id));
    pending.set(
      id,
      setTimeout(() => {
        pending.delete(id);
        const run = (running.get(id) ?? Promise.resolve()).then(async () => {
          const state = await reports.rebuild(id);
          notify(state);
          options.onRebuild?.(state);
        });
        running.set(id, run.catch(() => {}));
      }, SETTLE_MS),
    );
  };
  const watcher: FSWatcher = watch(contentDir, { ignoreInitial: true, ignored: (p) => /(^|[\\/])(\.|~|#)|(~|\.swp|\.tmp)$/.test(relative(contentDir, p)) });
  watcher.on('all', (_event, file) => {
    for (const id of reports.affectedBy(relative(contentDir, file))) schedule(id);
  });
  await new Promise<void>((done) => watcher.once('ready', () => done()));

  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    reports,
    close: async () => {
      for (const t of pending.values()) clearTimeout(t);
      await watcher.close();
      for (const set of listeners.values()) for (const res of set) res.end();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await browser.close().catch(() => {});
    },
  };
}
