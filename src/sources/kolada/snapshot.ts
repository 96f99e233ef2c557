/**
 * The Kolada snapshot: a file kolada.yaml in the report folder with the
 * outcomes `npm run kolada` fetched, the fetch date and Kolada's publication
 * dates. Builds read only this file, never the network, so a build is offline
 * and the same files give the same report; a new fetch is a change to this file
 * that `npm run diff:report` shows as changed outcomes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Document, isPair, visit, type Pair, type Scalar } from 'yaml';
import type { Diagnostics } from '../../diagnostics.ts';
import { parseYamlFile } from '../../content/source-file.ts';
import { check } from '../../content/validate.ts';
import { strict, text } from '../../content/schema-helpers.ts';
import { displayPath } from '../../content/load.ts';
import type { YearOutcome } from './client.ts';

export const SNAPSHOT_FILE = 'kolada.yaml';

const yearOutcome = strict({ totalt: z.number().optional(), kvinnor: z.number().optional(), män: z.number().optional() });
const isoDay = z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/));

export const snapshotSchema = strict({
  hämtad: isoDay,
  kommun: strict({ id: z.union([text, z.number().transform((n) => String(n).padStart(4, '0'))]), namn: text }),
  år: z.array(z.number().int()).min(1),
  nyckeltal: z.record(
    z.string(),
    strict({
      titel: text,
      publicerad: isoDay.optional(),
      utfall: z.record(z.string().regex(/^\d{4}$/), yearOutcome).default({}),
      /** Years asked for without a value in Kolada. */
      saknas: z.array(z.number().int()).default([]),
    }),
  ),
});
export type Snapshot = z.output<typeof snapshotSchema>;

/** The snapshot of a report folder; undefined when there is none, or (reported) when it cannot be read. */
export function readSnapshot(reportDir: string, diagnostics: Diagnostics): Snapshot | undefined {
  const path = join(reportDir, SNAPSHOT_FILE);
  if (!existsSync(path)) return undefined;
  const source = parseYamlFile(readFileSync(path, 'utf8'), displayPath(path), diagnostics);
  return source ? check(snapshotSchema, source.data, source, [], diagnostics) : undefined;
}

/** The snapshot as YAML: keys in a fixed order, KPIs and years sorted, so a new fetch diffs line by line. */
export function serializeSnapshot(s: Snapshot): string {
  const kpis = Object.fromEntries(
    Object.keys(s.nyckeltal)
      .sort()
      .map((id) => {
        const k = s.nyckeltal[id]!;
        // Years as numbers, so they are written 2024: rather than "2024":.
        const utfall = new Map(Object.keys(k.utfall).sort().map((y) => [Number(y), order(k.utfall[y]!)]));
        return [id, { titel: k.titel, ...(k.publicerad ? { publicerad: k.publicerad } : {}), utfall, ...(k.saknas.length ? { saknas: [...k.saknas].sort() } : {}) }];
      }),
  );
  const header = [
    '# Utfall från Kolada (https://www.kolada.se), hämtade med "npm run kolada".',
    '# Bygget läser bara den här filen. Ändra inte för hand: hämta igen, eller skriv ett utfall i innehållet (det gäller före filen).',
  ].join('\n');
  const doc = new Document({ hämtad: s.hämtad, kommun: s.kommun, år: s.år, nyckeltal: kpis });
  // One line per year's outcome (and for short lists), so a new fetch shows as changed lines.
  visit(doc, {
    Map: (_key, node, path) => {
      if (path.length >= 2 && isPair(path[path.length - 1]) && /^(kommun|\d{4})$/.test(String(((path[path.length - 1] as Pair).key as Scalar | undefined)?.value))) node.flow = true;
    },
    Seq: (_key, node) => {
      node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: true })}`;
}

function order(o: YearOutcome): YearOutcome {
  return { ...(o.totalt !== undefined ? { totalt: o.totalt } : {}), ...(o.kvinnor !== undefined ? { kvinnor: o.kvinnor } : {}), ...(o.män !== undefined ? { män: o.män } : {}) };
}
