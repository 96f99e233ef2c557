/**
 * JSON Schemas for the editor, generated from the zod schemas that check the
 * content (zod 4's toJSONSchema): kommun.yaml, a report's index.md front
 * matter and a section's front matter with its blocks under data. Written to
 * schema/*.json by scripts/write-schema.ts; a test keeps the files in sync.
 */
import { z } from 'zod';
import { blockSchemas, indexSchema, profileSchema, sectionSchema } from '../content/schema.ts';
import { keyDescriptions } from './descriptions.ts';
import { importSchema } from '../sources/import.ts';
import { rowLists } from '../sources/shapes.ts';

type Json = Record<string, unknown>;

/** Adds the Swedish description of every known key that has none. */
function describe(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describe);
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  const props = obj.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      const text = keyDescriptions[key];
      if (text && value && typeof value === 'object' && value.description === undefined) value.description = text;
    }
  }
  for (const value of Object.values(obj)) describe(value);
}

function generate(schema: z.ZodType, id: string, title: string, description: string): Json {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-7' }) as Json;
  describe(json);
  return { $schema: json.$schema, $id: id, title, description, ...json };
}

/** The Swedish descriptions of an import's keys (rader: { källfil: … }); some names mean other things elsewhere. */
const importDescriptions: Record<string, string> = {
  källfil: 'Filen i rapportmappen som raderna hämtas ur: .xlsx eller .csv (semikolon, decimalkomma).',
  blad: 'Bladet i Excel-filen (namn eller nummer); standard är det första.',
  område: 'Cellerna med raderna, t.ex. "A2:E7"; kolumnerna i tabellens ordning.',
  rubrikrad: 'Radnumret med kolumnrubriker; raderna under den läses fram till första tomma rad.',
  rubriker: 'Kolumnens rubrik i filen när den skiljer sig från tabellens, t.ex. { utfall: "Utfall helår" }.',
  summarad: 'Texten på summaraden i filen; den raden blir tabellens summa.',
};

/** Every list of rows that may come from a file instead: its schema becomes "the list, or an import". */
function allowImports(section: Json): void {
  const imported = z.toJSONSchema(importSchema, { io: 'input', target: 'draft-7' }) as Json;
  delete imported.$schema;
  for (const [key, value] of Object.entries(imported.properties as Record<string, Json>)) value.description = importDescriptions[key];
  imported.description = 'Raderna hämtas ur en Excel- eller CSV-fil i rapportmappen.';
  const blocks = ((section.properties as Record<string, Json>).data!.items as Json).anyOf as Json[];
  for (const block of blocks) {
    const typ = ((block.properties as Record<string, Json>).typ as Json).const;
    for (const { listPath } of rowLists({ typ }, 2000)) {
      let parent = block;
      for (const key of listPath.slice(0, -1)) parent = (parent.properties as Record<string, Json>)[key as string]!;
      const props = parent.properties as Record<string, Json>;
      const last = listPath[listPath.length - 1] as string;
      props[last] = { anyOf: [props[last], imported], ...(props[last]!.description ? { description: props[last]!.description } : {}) };
    }
  }
}

/** A section's front matter with data as the union of the block types, each titled by its typ. */
const sectionWithBlocks = z.object({
  ...sectionSchema.shape,
  data: z.array(z.union(Object.values(blockSchemas) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]])).default([]),
});

export const schemaFiles: Record<string, () => Json> = {
  'kommun.schema.json': () => generate(profileSchema, 'kommunrapport/kommun.schema.json', 'Kommunprofil (kommun.yaml)', 'Kommunens namn, logotyp, färger, typsnitt och bedömningsregel.'),
  'rapport.schema.json': () =>
    generate(indexSchema, 'kommunrapport/rapport.schema.json', 'Rapportens uppgifter (index.md)', 'Huvudet i rapportmappens index.md: typ, kommun, nämnd, titel, period och status.'),
  'avsnitt.schema.json': () =>
    withImports(sectionWithBlocks, 'kommunrapport/avsnitt.schema.json', 'Ett avsnitt (NN-namn.md)', 'Huvudet i en avsnittsfil: rubrik, bilaga och tabellerna under data.'),
};

function withImports(schema: z.ZodType, id: string, title: string, description: string): Json {
  const json = generate(schema, id, title, description);
  allowImports(json);
  return json;
}

/** The file's text as it is committed: stable key order, two-space indent, final newline. */
export function schemaText(name: string): string {
  return `${JSON.stringify(schemaFiles[name]!(), null, 2)}\n`;
}
