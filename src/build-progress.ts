/**
 * What build() tells its caller while it runs, so the command line can show a
 * line per report and step (src/cli/progress.ts) instead of silence until the end.
 */
export type BuildStep = 'pdf' | 'docx' | 'html' | 'granskning' | 'json' | 'xlsx';

export type ProgressEvent =
  /** A job took the report: it is in flight until it is written, failed or found to have errors. */
  | { kind: 'påbörjad'; report: string }
  /** The report's content was read, checked and computed (ok false: it has errors and is not built). */
  | { kind: 'kontrollerad'; report: string; ok: boolean }
  /** One format of the report is ready in memory; reused when an unchanged earlier file was kept. */
  | { kind: 'format'; report: string; format: BuildStep; reused: boolean }
  /** All of the report's files are written. */
  | { kind: 'skriven'; report: string }
  /** The browser crashed while printing the report: it is printed once more in a fresh browser. */
  | { kind: 'försöker-igen'; report: string }
  /** The report's files could not be made or written; its earlier files are left as they were. */
  | { kind: 'misslyckad'; report: string; message: string };

export type ProgressListener = (event: ProgressEvent) => void;
