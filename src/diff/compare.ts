/**
 * Compares two versions of a report through their computed models, never
 * their bytes: the facts, every table's figures, every goal's and indicator's
 * targets, outcomes and assessments, and the prose, word by word. Each kind
 * has its own module; this one puts them in the order they are shown.
 */
import type { Report } from '../model/types.ts';
import { snapshot, type ReportSnapshot } from '../review/snapshot.ts';
import type { Change, ReportDiff } from './types.ts';
import { compareFields } from './fields.ts';
import { compareCharts, compareTables } from './compare-tables.ts';
import { compareGoals } from './compare-goals.ts';
import { compareProse } from './compare-prose.ts';

export function compareReports(id: string, older: Report | undefined, newer: Report | undefined): ReportDiff {
  return compareSnapshots(id, older && snapshot(older), newer && snapshot(newer));
}

export function compareSnapshots(id: string, older: ReportSnapshot | undefined, newer: ReportSnapshot | undefined): ReportDiff {
  const titel = newer?.titel ?? older?.titel ?? id;
  if (!older && !newer) return { id, titel, state: 'oförändrad', changes: [] };
  if (!older) return { id, titel, state: 'tillagd', changes: [] };
  if (!newer) return { id, titel, state: 'borttagen', changes: [] };
  const format = newer.format;
  const changes: Change[] = [
    ...compareFields(older.meta, newer.meta, [], 'Rapporten', format),
    ...compareTables(older, newer, format),
    ...compareCharts(older, newer),
    ...compareGoals(older, newer, format),
    ...compareProse(older, newer),
  ];
  return { id, titel, state: changes.length ? 'ändrad' : 'oförändrad', changes };
}
