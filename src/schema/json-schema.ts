/**
 * JSON Schemas for the editor, generated from the zod schemas that check the
 * content (zod 4's toJSONSchema): kommun.yaml, a report's index.md front
 * matter and a section's front matter with its blocks under data. Written to
 * schema/*.json by scripts/write-schema.ts; a test keeps the files in sync.
 */
import { z } from 'zod';
import { blockSchemas, indexSchema, profileSchema, sectionSchema } from '../content/schema.ts';
import { keyDescriptions } from './descriptions.ts';

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
    generate(sectionWithBlocks, 'kommunrapport/avsnitt.schema.json', 'Ett avsnitt (NN-namn.md)', 'Huvudet i en avsnittsfil: rubrik, bilaga och tabellerna under data.'),
};

/** The file's text as it is committed: stable key order, two-space indent, final newline. */
export function schemaText(name: string): string {
  return `${JSON.stringify(schemaFiles[name]!(), null, 2)}\n`;
}
