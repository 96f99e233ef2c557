/**
 * The Word and Excel files are made on a thread of their own. The build's own
 * thread is what a cold build waits for: it reads and computes every report,
 * lays out its HTML and finishes its PDF, while the browser prints in its own
 * processes. The DOCX and the XLSX need nothing from that thread once the
 * report and its views exist, so they are made beside it, on the second core,
 * by the same renderers (worker.ts): the same bytes as on one thread.
 *
 * One thread for the whole build, started with the build (so that its
 * renderers load while the first reports are read) and ended with it. It holds
 * only the reports in flight (--jobs bounds them), each until its files are made.
 *
 * It is worth its cost only where a core would otherwise wait: the thread
 * loads its own renderers and compiles its own code (about 0.6 s of CPU over
 * the four examples) and holds about 110 MiB. A batch on two cores keeps both
 * busy without it (the browser prints while the build's thread works): there
 * the measurements went both ways (20 reports faster, 4, 40 and 100 not), so
 * it is not used. A single report, whose build thread waits for its print,
 * was 5 % faster with it.
 *
 * A worker thread runs compiled JavaScript: under the TypeScript sources (the
 * tests' in-process builds) the files are made on the build's thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BuildError, ExitCode } from '../../diagnostics.ts';
import type { Report } from '../../model/types.ts';
import { importsOf } from '../../model/provenance.ts';
import type { ReportView } from '../views/blocks.ts';

export type OfficeFormat = 'docx' | 'xlsx';

/** Whether a format is made by this thread's renderers. */
export function isOfficeFormat(format: string): format is OfficeFormat {
  return format === 'docx' || format === 'xlsx';
}

/** What the build's thread sends: one report, to be made into these formats. */
export interface OfficeRequest {
  id: number;
  formats: OfficeFormat[];
  report: Report;
  views: ReportView;
  /** The report's imported rows by block id (model/provenance.ts keeps them beside the model, which a clone does not carry). */
  imports: ReturnType<typeof importsOf>;
}

/** What comes back, once per format: the file's bytes, or why it could not be made. */
export type OfficeAnswer =
  | { id: number; format: OfficeFormat; data: Uint8Array }
  | { id: number; format: OfficeFormat; failure: { name: string; message: string; exitCode?: number; hint?: string } };

const WORKER = new URL('./worker.js', import.meta.url);

export class OfficeThread {
  private worker?: Worker;
  private next = 0;
  private readonly waiting = new Map<string, { resolve: (data: Uint8Array) => void; reject: (err: Error) => void }>();

  /** Whether the files can be made on a thread of their own here (compiled JavaScript). */
  static available(): boolean {
    return WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
  }

  /** Whether a build of this many reports gains from the thread on this machine: one report, or more than two cores. */
  static wanted(reports: number, cores = availableParallelism()): boolean {
    return reports === 1 || cores > 2;
  }

  /** Starts the thread now, so that its renderers load while the build reads the first reports. */
  start(): void {
    if (this.worker) return;
    const worker = new Worker(WORKER);
    worker.on('message', (answer: OfficeAnswer) => {
      const key = `${answer.id}:${answer.format}`;
      const waiter = this.waiting.get(key);
      this.waiting.delete(key);
      if (!waiter) return;
      if ('data' in answer) waiter.resolve(answer.data);
      else {
        const { failure } = answer;
        const err = failure.exitCode !== undefined ? new BuildError(failure.message, failure.exitCode, failure.hint) : Object.assign(new Error(failure.message), { name: failure.name });
        waiter.reject(err);
      }
    });
    // A thread that dies takes its files with it: each report waiting for one fails with the reason; the next report gets a new thread.
    worker.on('error', (err) => this.lost(worker, err.message));
    worker.on('exit', (code) => this.lost(worker, `slutkod ${code}`));
    this.worker = worker;
  }

  /** Sends a report to the thread; one promise per format, each settled when its file is made. */
  render(report: Report, views: ReportView, formats: readonly OfficeFormat[]): Map<OfficeFormat, Promise<Uint8Array>> {
    this.start();
    const id = this.next++;
    // Sent before anything waits for it: a report that cannot be sent (or read) throws here, to its caller.
    this.worker!.postMessage({ id, formats: [...formats], report, views, imports: importsOf(report) } satisfies OfficeRequest);
    return new Map(
      formats.map((format) => [format, new Promise<Uint8Array>((resolve, reject) => this.waiting.set(`${id}:${format}`, { resolve, reject }))] as const),
    );
  }

  /** Ends the thread (the build is done); a file still being made fails. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.lost(worker, 'bygget avslutades');
    await worker.terminate();
  }

  private lost(worker: Worker, reason: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    for (const waiter of this.waiting.values()) waiter.reject(new BuildError(`Tråden som skapar Word- och Excel-filerna avbröts: ${reason}.`, ExitCode.renderFailed));
    this.waiting.clear();
  }
}
