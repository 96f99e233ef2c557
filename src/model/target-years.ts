/**
 * Checks on a goal table's inputs that need all its indicators at once: which
 * target years an indicator lacks that its siblings have, and whether the
 * report assesses at all. Both walk the block input generically (any object
 * with "målvärden" is an indicator or a goal that is its own indicator), so
 * they hold for every goal structure.
 */
import type { Problems } from './problems.ts';

type Path = (string | number)[];
type Found = { path: Path; value: Record<string, unknown> };

/** Every object under `input` that has the key `key`, with its path. */
function objectsWith(input: unknown, key: string, path: Path = []): Found[] {
  if (Array.isArray(input)) return input.flatMap((v, i) => objectsWith(v, key, [...path, i]));
  if (!input || typeof input !== 'object') return [];
  const value = input as Record<string, unknown>;
  const own: Found[] = key in value ? [{ path, value }] : [];
  return [...own, ...Object.entries(value).flatMap(([k, v]) => (k === key ? [] : objectsWith(v, key, [...path, k])))];
}

const yearsOf = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v as object) : []);

/**
 * Within one goal table: an indicator with targets for several years but not for a
 * year its siblings have a target for gets a warning (the cell would stay empty).
 * An indicator with a single target year is a one-time target ("Framtagen plan
 * under 2024") and is not warned about.
 */
export function checkTargetYears(input: unknown, problems: Problems): void {
  const indicators = objectsWith(input, 'målvärden').filter((f) => yearsOf(f.value.målvärden).length > 0);
  const all = [...new Set(indicators.flatMap((f) => yearsOf(f.value.målvärden)))].sort();
  for (const { path, value } of indicators) {
    const own = new Set(yearsOf(value.målvärden));
    if (own.size < 2) continue;
    const missing = all.filter((y) => !own.has(y));
    if (missing.length === 0) continue;
    const name = typeof value.mått === 'string' ? `Indikatorn "${value.mått}"` : typeof value.text === 'string' ? `Målet "${value.text}"` : 'Indikatorn';
    const years = missing.join(', ');
    problems.warn(
      [...path, 'målvärden'],
      'målvärde-år-saknas',
      `${name} saknar målvärde för ${years}, som andra indikatorer i samma tabell har.|Lägg till ${missing.map((y) => `"${y}: …"`).join(', ')} under "målvärden", annars blir cellen tom i måltabellen.`,
    );
  }
}

/** Whether a goal block's input assesses: some outcome, or some written bedömning. */
export function inputAssesses(input: unknown): boolean {
  return (
    objectsWith(input, 'utfall').some((f) => yearsOf(f.value.utfall).length > 0) ||
    objectsWith(input, 'bedömning').some((f) => f.value.bedömning !== undefined)
  );
}
