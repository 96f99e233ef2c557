/**
 * Where a content folder's reports and profiles are, by name alone: found
 * without loading the content code, so the build can decide before loading it
 * whether a browser will be needed (cli/build-command.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A report folder is one with this file. */
export const INDEX_FILE = 'index.md';
/** The municipality profiles, one folder per kommun. */
export const PROFILES_FOLDER = 'kommuner';
export const PROFILE_FILE = 'kommun.yaml';

/** Report folders under the content root: every folder with an index.md, except the profiles folder; by name, sorted. */
export function findReportFolders(contentRoot: string): string[] {
  if (!existsSync(contentRoot)) return [];
  return readdirSync(contentRoot, { withFileTypes: true })
    // A link to a folder is listed too, so that it is refused with a message (see loadReport), not skipped in silence.
    .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && e.name !== PROFILES_FOLDER && !e.name.startsWith('.'))
    .filter((e) => existsSync(join(contentRoot, e.name, INDEX_FILE)))
    .map((e) => e.name)
    .sort();
}

/** The size in bytes of the files in a report folder (not its subfolders): what the batch orders its reports by. */
export function reportSize(reportDir: string): number {
  try {
    return readdirSync(reportDir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .reduce((sum, e) => sum + statSync(join(reportDir, e.name)).size, 0);
  } catch {
    return 0;
  }
}
