/**
 * Ids stated by the author must be unique: a second "id: x" would otherwise be
 * renamed quietly ("x-2"), and charts, placements and the comparison between
 * versions would find the wrong thing or nothing. Checked on the raw front
 * matter of every data block, so every block type is covered the same way:
 *
 * - block ids across the report (placements [[id]] and a chart's "källa" use them);
 * - every other stated id in a block (goals, indicators, uppdrag …) across the
 *   report as well (charts name indicators, the comparison matches goals by id);
 * - column ids ("kolumner") within their own block.
 *
 * Ids derived from text are not stated and may still be made unique silently.
 */
import { isRecord } from './schema-helpers.ts';
import type { Diagnostics } from '../diagnostics.ts';
import { formatPath } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { reportAt } from './validate.ts';

type Path = (string | number)[];

interface Seen {
  source: SourceFile;
  path: Path;
  what: string;
}


/** What a list's entries are called, by the key of the list: "kf_mål" → "KF-målet". */
const entryNames: Record<string, string> = {
  kf_mål: 'KF-målet',
  nämndmål: 'nämndmålet',
  mål: 'målet',
  indikatorer: 'indikatorn',
  uppdrag: 'uppdraget',
  kolumner: 'kolumnen',
};

export class StatedIds {
  private readonly blocks = new Map<string, Seen>();
  private readonly inner = new Map<string, Seen>();

  constructor(private readonly diagnostics: Diagnostics) {}

  /**
   * Records every id stated in one data block (raw front matter at `path`). False when the block cannot be
   * computed: its own id is already taken, or two of its columns share an id.
   */
  add(raw: unknown, source: SourceFile, path: Path): boolean {
    if (!isRecord(raw)) return true;
    let usable = true;
    const id = statedId(raw.id);
    if (id !== undefined) usable = this.claim(this.blocks, id, { source, path: [...path, 'id'], what: 'tabellen' }, 'Ge varje tabell ett eget id; [[id]] i texten och diagrammens "källa" pekar ut tabellen med det.');
    const columns = new Map<string, Seen>();
    const walk = (value: unknown, at: Path, listKey: string | undefined): void => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, [...at, i], listKey));
        return;
      }
      if (!isRecord(value)) return;
      const own = value !== raw ? statedId(value.id) : undefined;
      if (own !== undefined) {
        const seen = { source, path: [...path, ...at, 'id'], what: entryNames[listKey ?? ''] ?? 'posten' };
        if (listKey === 'kolumner') usable = this.claim(columns, own, seen, 'Ge varje kolumn i tabellen ett eget id.') && usable;
        else this.claim(this.inner, own, seen, 'Ge varje mål, indikator och uppdrag ett eget id i rapporten; diagram och jämförelsen mellan versioner hittar dem på id:t.');
      }
      for (const [key, v] of Object.entries(value)) if (key !== 'id') walk(v, [...at, key], Array.isArray(v) ? key : listKey);
    };
    walk(raw, [], undefined);
    return usable;
  }

  /** Takes `id` in `scope`, or reports the second use at its own line, naming the first. */
  private claim(scope: Map<string, Seen>, id: string, here: Seen, hint: string): boolean {
    const first = scope.get(id);
    if (!first) {
      scope.set(id, here);
      return true;
    }
    const where = first.source.locate(first.path);
    const place = `${first.source.displayPath}${where ? `:${where.line}` : ''}`;
    // The block itself is data[n]; anything inside it is named by its path (data[0].kf_mål[2]).
    const inside = first.path.length > 3 ? ` (${formatPath(first.path.slice(0, -1))})` : '';
    reportAt(this.diagnostics, here.source, here.path, 'dubblett-id', `Id "${id}" används redan för ${first.what} i ${place}${inside}.|${hint}`);
    return false;
  }
}

/** An id as the author wrote it (identifiers may be numbers); undefined for anything else. */
function statedId(v: unknown): string | undefined {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? String(v) : undefined;
}
