/**
 * What the terminal shows while a build runs. On a terminal: one line per
 * report, rewritten in place as its steps finish. Elsewhere (CI logs, a file):
 * a plain line per report and step, never rewritten. --quiet shows nothing here.
 */
import type { BuildStep, ProgressEvent } from '../build-progress.ts';

export type Verbosity = 'quiet' | 'normal' | 'verbose';

interface ReportLine {
  id: string;
  state: 'kontrolleras' | 'byggs' | 'klar' | 'fel' | 'misslyckad';
  done: BuildStep[];
  started: number;
  ms?: number;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

const stepNames: Record<BuildStep, string> = { html: 'HTML', docx: 'Word', pdf: 'PDF', granskning: 'granskningstext', json: 'modell', xlsx: 'Excel' };

export class Progress {
  private readonly lines = new Map<string, ReportLine>();
  private drawn = 0;
  private readonly started = performance.now();

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly verbosity: Verbosity,
    private readonly checkOnly: boolean,
    /** Rewrite lines in place: only on a terminal, and not when NO_COLOR/TERM=dumb ask for plain output. */
    private live = Boolean(out.isTTY) && process.env.TERM !== 'dumb' && !process.env.CI,
  ) {}

  /** The report folders about to be built, in order. */
  start(reports: readonly string[]): void {
    if (this.verbosity === 'quiet') return;
    for (const id of reports) this.lines.set(id, { id, state: 'kontrolleras', done: [], started: performance.now() });
    // More reports than the terminal has rows cannot be rewritten in place: plain lines instead.
    if (reports.length > (this.out.rows ?? 24) - 2) this.live = false;
    if (this.live) this.redraw();
    else this.out.write(`Bygger ${reports.length} ${reports.length === 1 ? 'rapport' : 'rapporter'} …\n`);
  }

  readonly listener = (event: ProgressEvent): void => {
    if (this.verbosity === 'quiet') return;
    const line = this.lines.get(event.report) ?? { id: event.report, state: 'kontrolleras', done: [], started: this.started };
    this.lines.set(event.report, line);
    const elapsed = seconds(performance.now() - this.started);
    switch (event.kind) {
      case 'påbörjad':
        // A report's time counts from when a job takes it, not from when it was queued.
        line.started = performance.now();
        break;
      case 'försöker-igen':
        if (!this.live) this.out.write(`${event.report}: webbläsaren kraschade; rapporten skrivs ut igen i en ny webbläsare (${elapsed})\n`);
        break;
      case 'misslyckad':
        line.state = 'misslyckad';
        line.ms = performance.now() - line.started;
        if (!this.live) this.out.write(`${event.report}: kunde inte byggas efter ${seconds(line.ms)} (${elapsed})\n`);
        break;
      case 'kontrollerad':
        line.state = event.ok ? (this.checkOnly ? 'klar' : 'byggs') : 'fel';
        if (!this.live) this.out.write(`${event.report}: ${event.ok ? 'innehållet kontrollerat' : 'fel i innehållet, byggs inte'} (${elapsed})\n`);
        break;
      case 'format':
        line.done.push(event.format);
        // Review text and model are ready at once with the HTML: no lines of their own in a log.
        if (!this.live && event.format !== 'granskning' && event.format !== 'json') this.out.write(`${event.report}: ${stepNames[event.format]} klar${event.reused ? ' (oförändrad)' : ''} (${elapsed})\n`);
        break;
      case 'skriven':
        line.state = 'klar';
        line.ms = performance.now() - line.started;
        if (!this.live) this.out.write(`${event.report}: klar på ${seconds(line.ms)}, filerna skrivna (${elapsed})\n`);
        break;
    }
    if (this.live) this.redraw();
  };

  /** Leaves the live lines as they are and moves below them. */
  finish(): void {
    this.drawn = 0;
  }

  private redraw(): void {
    const width = Math.max(40, (this.out.columns ?? 80) - 1);
    if (this.drawn > 0) this.out.write(`\x1b[${this.drawn}A`);
    for (const line of this.lines.values()) this.out.write(`\x1b[2K${truncate(this.describe(line), width)}\n`);
    this.drawn = this.lines.size;
  }

  private describe(line: ReportLine): string {
    const done = line.done.map((s) => stepNames[s]).join(', ');
    switch (line.state) {
      case 'kontrolleras':
        return `… ${line.id}: kontrolleras`;
      case 'fel':
        return `✗ ${line.id}: fel i innehållet, byggs inte`;
      case 'misslyckad':
        return `✗ ${line.id}: kunde inte byggas${line.ms !== undefined ? ` (${seconds(line.ms)})` : ''}`;
      case 'byggs':
        return `… ${line.id}: byggs${done ? ` – klart: ${done}` : ''}`;
      case 'klar':
        return this.checkOnly ? `✓ ${line.id}: kontrollerad` : `✓ ${line.id}: ${done}${line.ms !== undefined ? ` (${seconds(line.ms)})` : ''}`;
    }
  }
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
