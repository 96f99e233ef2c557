/**
 * The editor's JSON Schemas (schema/*.json) are generated from the zod
 * schemas: the committed files must be what generation gives now, every key
 * must have a Swedish description, and the examples' own files must pass them.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { schemaFiles, schemaText } from '../../src/schema/json-schema.ts';

const ajv = new Ajv({ strict: false, allErrors: true });
const load = (name: string) => JSON.parse(readFileSync(join('schema', name), 'utf8')) as Record<string, unknown>;

describe('schema/*.json', () => {
  it.each(Object.keys(schemaFiles))('%s is in sync with the zod schemas (run "npm run schema" if not)', (name) => {
    expect(readFileSync(join('schema', name), 'utf8')).toBe(schemaText(name));
  });

  it('describes every key in Swedish', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const props = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [key, value] of Object.entries(props ?? {})) if (!value.description) missing.push(`${path}.${key}`);
      for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
    };
    for (const name of Object.keys(schemaFiles)) walk(load(name), name);
    expect(missing).toEqual([]);
    const typ = (load('rapport.schema.json').properties as Record<string, { enum: string[]; description: string }>).typ!;
    expect(typ.enum).toEqual(['verksamhetsplan', 'uppföljning', 'årsredovisning']);
    expect(typ.description).toMatch(/Rapportens typ/);
  });

  const reports = readdirSync('content').filter((d) => d !== 'kommuner');
  it('accepts the examples and rejects a misspelt key', () => {
    const profile = ajv.compile(load('kommun.schema.json'));
    const index = ajv.compile(load('rapport.schema.json'));
    const section = ajv.compile(load('avsnitt.schema.json'));
    for (const k of readdirSync('content/kommuner')) {
      const data = parse(readFileSync(join('content/kommuner', k, 'kommun.yaml'), 'utf8')) as Record<string, unknown>;
      expect(profile(data), `${k}: ${JSON.stringify(profile.errors)}`).toBe(true);
      expect(profile({ ...data, färgr: {} })).toBe(false);
    }
    for (const r of reports) {
      for (const file of readdirSync(join('content', r)).filter((f) => f.endsWith('.md'))) {
        // gray-matter's default YAML reader turns dates into Date objects; the schemas see the text, as the editor does.
        const front = parse(matter(readFileSync(join('content', r, file), 'utf8')).matter) as Record<string, unknown>;
        const check = file === 'index.md' ? index : section;
        expect(check(front), `${r}/${file}: ${JSON.stringify(check.errors?.slice(0, 3))}`).toBe(true);
      }
    }
    expect(index({ typ: 'verksamhetsplann' })).toBe(false);
  });
});
