/**
 * What build() tells its caller while it runs, so the command line can show a
 * line per report and step (src/cli/progress.ts) instead of silence until the end.
 */
export type BuildStep = 'pdf' | 'docx' | 'html' | 'granskning' | 'json' | 'xlsx';

export type ProgressEvent =
  /** The report's content was read, checked and computed (ok false: it has errors and is not built). */
  | { kind: 'kontrollerad'; report: string; ok: boolean }
  /** One format of the report is ready in memory; reused when an unchanged earlier file was kept. */
  | { kind: 'format'; report: string; format: BuildStep; reused: boolean }
  /** All of the report's files are written. */
  | { kind: 'skriven'; report: string };

export type ProgressListener = (event: ProgressEvent) => void;
