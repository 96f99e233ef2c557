/**
 * One diagnostic type for every problem the build finds, from broken YAML to a
 * sum that does not add up. Messages are Swedish and speak to the content
 * author: where (file, line, field), what was expected, and what to do.
 */
/** fel stops the report; varning is shown; notering lists what reviewers should know (such as overridden assessments). */
export type Severity = 'fel' | 'varning' | 'notering';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule id, e.g. "okänd-nyckel", "summa-stämmer-inte". */
  code: string;
  /** Path of the file, relative to the working directory where possible. */
  file: string;
  line?: number;
  column?: number;
  /** For a value read from a spreadsheet: where in the file, "blad Drift, cell D14". */
  cell?: string;
  /** The field, as a dotted path: "data[0].block.intäkter.rader[3].budget". */
  field?: string;
  message: string;
  /** What the author can do about it. */
  hint?: string;
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];

  add(d: Diagnostic): void {
    this.items.push(d);
  }

  error(d: Omit<Diagnostic, 'severity'>): void {
    this.add({ severity: 'fel', ...d });
  }

  warn(d: Omit<Diagnostic, 'severity'>): void {
    this.add({ severity: 'varning', ...d });
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'fel');
  }

  get warnings(): Diagnostic[] {
    return this.items.filter((d) => d.severity === 'varning');
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'fel');
  }
}

/** Formats a field path the way authors read it: `data[0].rader[3].budget`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** One line per diagnostic, in the `file:line:col` form editors can jump to. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined]
    .filter((p) => p !== undefined)
    .join(':');
  const cell = d.cell ? `, ${d.cell}` : '';
  const field = d.field ? ` (fält: ${d.field})` : '';
  const head = `${where}${cell}: ${d.severity}: ${d.message}${field} [${d.code}]`;
  return d.hint ? `${head}\n    → ${d.hint}` : head;
}

/** Thrown for problems outside the content (missing browser, unwritable folder). */
export class BuildError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'BuildError';
  }
}

/** Exit codes, documented in README.md. */
export const ExitCode = {
  ok: 0,
  contentErrors: 1,
  usage: 2,
  browserMissing: 3,
  renderFailed: 4,
  writeFailed: 5,
} as const;
