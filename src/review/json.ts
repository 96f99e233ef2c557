/**
 * The computed model as JSON, output/<id>.modell.json: every figure, sum,
 * target, outcome and assessment as the renderers see them, for reuse and
 * open-data publishing. The shape is ModelJson below (documented in README,
 * "Jämför två versioner"); schemaVersion grows when a field is removed or changes
 * meaning. Deterministic: keys in alphabetical order (after schemaVersion and
 * the generator), images and the logo as {mime, width, height, sha256}.
 */
import { isProseBlock, type DataBlock, type Profile, type ProseBlock, type Report, type ReportMeta, type Section } from '../model/types.ts';
import { sha256 } from '../output/cache.ts';

export const MODEL_SCHEMA_VERSION = 2;

/** An image in the JSON: what it is and its fingerprint, never its bytes. */
export interface ImageJson {
  kind: 'image';
  alt: string;
  mime: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
}

export type ProseJson =
  | Exclude<ProseBlock, { kind: 'image' | 'list' | 'quote' }>
  | { kind: 'list'; ordered: boolean; items: ProseJson[][] }
  | { kind: 'quote'; children: ProseJson[] }
  | ImageJson;

export interface SectionJson extends Omit<Section, 'blocks'> {
  blocks: (ProseJson | DataBlock)[];
}

export interface ReportJson extends Omit<Report, 'meta' | 'profile' | 'sections'> {
  meta: Omit<ReportMeta, 'förord'> & { förord: ProseJson[] };
  profile: Omit<Profile, 'logotypSvg'> & { logotyp: { mime: 'image/svg+xml'; sha256: string } };
  sections: SectionJson[];
}

/** output/<id>.modell.json. */
export interface ModelJson {
  schemaVersion: typeof MODEL_SCHEMA_VERSION;
  generator: 'kommunrapport';
  rapport: ReportJson;
}

function proseJson(b: ProseBlock): ProseJson {
  switch (b.kind) {
    case 'image':
      return { kind: 'image', alt: b.alt, mime: b.mime, width: b.width, height: b.height, sha256: sha256(b.data) };
    case 'list':
      return { kind: 'list', ordered: b.ordered, items: b.items.map((item) => item.map(proseJson)) };
    case 'quote':
      return { kind: 'quote', children: b.children.map(proseJson) };
    default:
      return b;
  }
}

export function modelJson(report: Report): ModelJson {
  const { logotypSvg, ...profile } = report.profile;
  return {
    schemaVersion: MODEL_SCHEMA_VERSION,
    generator: 'kommunrapport',
    rapport: {
      ...report,
      meta: { ...report.meta, förord: report.meta.förord.map(proseJson) },
      profile: { ...profile, logotyp: { mime: 'image/svg+xml', sha256: sha256(logotypSvg) } },
      sections: report.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => (isProseBlock(b) ? proseJson(b) : b)) })),
    },
  };
}

/** The JSON text: two-space indent, keys sorted, a final newline; no bytes of any image. */
export function serializeModelJson(report: Report): string {
  const { schemaVersion, generator, rapport } = modelJson(report);
  return `${JSON.stringify({ schemaVersion, generator, rapport: sortKeys(rapport) }, null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (value instanceof Uint8Array) throw new Error('Binärdata hör inte hemma i modell.json');
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
