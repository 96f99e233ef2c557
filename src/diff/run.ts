/** Loads the reports of both versions and compares them: what the diff command runs, callable from tests. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostics, type Diagnostic } from '../diagnostics.ts';
import { findReportFolders, INDEX_FILE } from '../content/load.ts';
import { loadAndComputeFolder } from '../model/build-model.ts';
import type { Report } from '../model/types.ts';
import { compareReports } from './compare.ts';
import type { Comparison } from './types.ts';
import { UsageError, type Side } from './sides.ts';

export interface LoadProblem {
  report: string;
  /** The version's label. */
  version: string;
  errors: Diagnostic[];
}

export interface RunResult {
  comparison: Comparison;
  /** Reports that could not be compared because a version has errors in its content. */
  problems: LoadProblem[];
  /** The newer version's models, for the date and font of the ändringsrapport. */
  newer: Report[];
}

async function load(side: Side, id: string, problems: LoadProblem[]): Promise<Report | undefined | 'fel'> {
  const dir = join(side.contentDir, id);
  if (!existsSync(join(dir, INDEX_FILE))) return undefined;
  const diagnostics = new Diagnostics();
  const report = await loadAndComputeFolder(dir, diagnostics);
  if (!report) {
    problems.push({ report: id, version: side.label, errors: diagnostics.errors });
    return 'fel';
  }
  return report;
}

export async function compareVersions(older: Side, newer: Side, only: readonly string[] = []): Promise<RunResult> {
  const wanted = only.length ? [...only] : older.report || newer.report ? [...new Set([older.report, newer.report].filter((r): r is string => !!r))] : undefined;
  const ids = wanted ?? [...new Set([...findReportFolders(older.contentDir), ...findReportFolders(newer.contentDir)])].sort();
  if (ids.length === 0) throw new UsageError(`Hittade inga rapporter i ${older.label} eller ${newer.label}.`);
  for (const id of wanted ?? []) {
    if (!existsSync(join(older.contentDir, id, INDEX_FILE)) && !existsSync(join(newer.contentDir, id, INDEX_FILE))) {
      throw new UsageError(`Rapporten "${id}" finns varken i ${older.label} eller i ${newer.label}.`);
    }
  }
  const problems: LoadProblem[] = [];
  const comparison: Comparison = { oldLabel: older.label, newLabel: newer.label, reports: [], notCompared: [] };
  const newerModels: Report[] = [];
  for (const id of ids) {
    const a = await load(older, id, problems);
    const b = await load(newer, id, problems);
    if (a === 'fel' || b === 'fel') {
      comparison.notCompared.push(...problems.filter((p) => p.report === id).map((p) => ({ id, version: p.version })));
      continue;
    }
    if (b) newerModels.push(b);
    comparison.reports.push(compareReports(id, a, b));
  }
  return { comparison, problems, newer: newerModels };
}
