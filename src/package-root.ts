/**
 * Where kommunrapport's own files are (templates, schema, package.json,
 * browser-candidates.cjs), wherever the code runs from: src/ under tsx, dist/
 * after compiling, node_modules/kommunrapport/dist/ after installing. Both src/
 * and dist/ sit directly in the package root.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = fileURLToPath(new URL('../', import.meta.url));

export function packagePath(...parts: string[]): string {
  return join(packageRoot, ...parts);
}

let version: string | undefined;

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return version;
}
