/**
 * The docx library writes the clock into docProps/core.xml, gives zip entries
 * the current time, and names some relationships with random or per-process
 * ids. This repacks the file so the same report always gives the same bytes.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

const FIXED_MTIME = new Date('1980-01-01T00:00:00Z');

export function makeDeterministic(docx: Uint8Array, isoDate: string): Uint8Array {
  const files = unzipSync(docx);
  const stamp = `${isoDate}T00:00:00Z`;
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : undefined);

  const core = text('docProps/core.xml');
  if (core) {
    files['docProps/core.xml'] = strToU8(
      core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`),
    );
  }

  // Relationship ids that are not plain "rId<n>" come from a random source: rename them in order of appearance.
  const renames = new Map<string, string>();
  for (const name of Object.keys(files).sort()) {
    if (!name.endsWith('.rels')) continue;
    for (const m of strFromU8(files[name]!).matchAll(/Id="([^"]+)"/g)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdx${renames.size + 1}`);
    }
  }
  if (renames.size > 0) {
    const pattern = new RegExp(`"(${[...renames.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})"`, 'g');
    for (const name of Object.keys(files)) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const before = strFromU8(files[name]!);
      const after = before.replace(pattern, (_m, id: string) => `"${renames.get(id)}"`);
      if (after !== before) files[name] = strToU8(after);
    }
  }

  // [Content_Types].xml first, then the rest in a stable order, all with one fixed time.
  const names = Object.keys(files).sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a.localeCompare(b)));
  const zippable: Zippable = {};
  for (const name of names) zippable[name] = [files[name]!, { mtime: FIXED_MTIME, level: 6 }];
  return zipSync(zippable);
}
