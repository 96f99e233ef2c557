/**
 * The preview's reports: each one's latest good HTML and model, the problems
 * of the latest attempt and a version number that grows with every rebuild.
 * A rebuild reads and computes one report and renders its HTML only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics.ts';
import { findReportFolders, INDEX_FILE, PROFILES_FOLDER } from '../content/load.ts';
import { loadAndComputeFolder } from '../model/build-model.ts';
import type { Report } from '../model/types.ts';

export interface ReportState {
  id: string;
  title?: string;
  /** The latest HTML that built without errors, and its model (for the PDF). */
  html?: string;
  report?: Report;
  /** Errors and warnings of the latest attempt. */
  problems: Diagnostic[];
  version: number;
  /** How long the latest rebuild took, in ms. */
  ms: number;
}

export class PreviewReports {
  private readonly states = new Map<string, ReportState>();
  private renderHtml: ((report: Report) => string) | undefined;

  constructor(readonly contentDir: string) {}

  /** Report folders now in the content folder. */
  ids(): string[] {
    return findReportFolders(this.contentDir);
  }

  async get(id: string): Promise<ReportState | undefined> {
    return this.states.get(id) ?? (this.ids().includes(id) ? this.rebuild(id) : undefined);
  }

  peek(id: string): ReportState | undefined {
    return this.states.get(id);
  }

  async rebuild(id: string): Promise<ReportState> {
    const started = performance.now();
    this.renderHtml ??= (await import('../render/html/render-html.ts')).renderHtml;
    const previous = this.states.get(id);
    const diagnostics = new Diagnostics();
    const report = existsSync(join(this.contentDir, id, INDEX_FILE)) ? await loadAndComputeFolder(join(this.contentDir, id), diagnostics) : undefined;
    if (!report && !diagnostics.hasErrors) {
      diagnostics.error({ code: 'rapport-saknas', file: join(this.contentDir, id), message: `Rapportmappen har ingen ${INDEX_FILE}.`, hint: `Lägg tillbaka ${INDEX_FILE} i mappen.` });
    }
    let html = previous?.html;
    if (report) {
      try {
        html = this.renderHtml(report);
      } catch (err) {
        diagnostics.error({ code: 'html-fel', file: join(this.contentDir, id), message: `HTML kunde inte skapas: ${(err as Error).message}` });
      }
    }
    const ok = report !== undefined && !diagnostics.hasErrors;
    const state: ReportState = {
      id,
      title: report?.meta.titel ?? previous?.title,
      html,
      report: ok ? report : previous?.report,
      problems: diagnostics.items.filter((d) => d.severity !== 'notering'),
      version: (previous?.version ?? 0) + 1,
      ms: performance.now() - started,
    };
    this.states.set(id, state);
    return state;
  }

  /** The reports a changed file belongs to: its report folder, or every report of a changed municipality profile. */
  affectedBy(relativePath: string): string[] {
    const [first, second] = relativePath.split(/[\\/]/);
    if (!first) return [];
    if (first === PROFILES_FOLDER) {
      if (!second) return this.ids();
      return this.ids().filter((id) => this.kommunOf(id) === second);
    }
    return existsSync(join(this.contentDir, first)) || this.states.has(first) ? [first] : [];
  }

  private kommunOf(id: string): string | undefined {
    try {
      return /^kommun:\s*["']?([^"'\s#]+)/m.exec(readFileSync(join(this.contentDir, id, INDEX_FILE), 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  }
}
