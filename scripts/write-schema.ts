/**
 * npm run schema: writes schema/*.json from the zod schemas (src/schema/json-schema.ts).
 * Run it after changing src/content/schema.ts or src/schema/descriptions.ts; test/unit/json-schema.test.ts
 * fails until the committed files match.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaFiles, schemaText } from '../src/schema/json-schema.ts';
import { packagePath } from '../src/package-root.ts';

const dir = packagePath('schema');
mkdirSync(dir, { recursive: true });
for (const name of Object.keys(schemaFiles)) {
  writeFileSync(join(dir, name), schemaText(name));
  process.stdout.write(`schema/${name}\n`);
}
