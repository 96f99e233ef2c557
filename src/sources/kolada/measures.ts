/**
 * Every measure of a report that names a Kolada KPI: an indicator, or a goal
 * that is its own measure, anywhere in a goal block, with where it is written.
 */
import type { LoadedReport } from '../../content/load.ts';
import type { SourceFile } from '../../content/source-file.ts';

export interface KoladaMeasure {
  kpi: string;
  /** The measure as loaded (its utfall may be filled in from the snapshot). */
  measure: Record<string, unknown>;
  name: string;
  source: SourceFile;
  /** Path of the measure in its file's front matter. */
  path: (string | number)[];
}

export function koladaMeasures(report: LoadedReport): KoladaMeasure[] {
  const out: KoladaMeasure[] = [];
  const walk = (v: unknown, path: (string | number)[], source: SourceFile) => {
    if (Array.isArray(v)) return v.forEach((x, i) => walk(x, [...path, i], source));
    if (typeof v !== 'object' || v === null) return;
    const rec = v as Record<string, unknown>;
    if (typeof rec.kolada === 'string') {
      out.push({ kpi: rec.kolada, measure: rec, name: String(rec.mått ?? rec.text ?? rec.kolada), source, path });
    }
    for (const [k, x] of Object.entries(rec)) if (typeof x === 'object' && x !== null) walk(x, [...path, k], source);
  };
  for (const s of report.sections) for (const b of s.blocks) walk(b.input, b.path, b.source);
  return out;
}
