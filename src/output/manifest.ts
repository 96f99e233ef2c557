/**
 * The unchanged-rebuild fast path. After a build in which every report was
 * built, the output folder gets a manifest: the hash of every input file (the
 * report folders and the municipality profiles), a fingerprint of the code
 * (kommunrapport's own files and templates, its libraries' versions, the
 * browser), the flags that shape the output, and the hash of every file the
 * build wrote. The next build compares all of that before loading any
 * renderer: when every input, the code and every output still match, the
 * outputs are exactly what a build would write again, and nothing is built.
 *
 * Only node built-ins are used here, so that the answer comes in a fraction
 * of a second.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics.ts';
import { packagePath } from '../package-root.ts';

export const MANIFEST_FILE = '.kommunrapport-manifest.json';

/** What a build was made from; two equal keys give the same outputs. */
export interface BuildKey {
  code: string;
  /** The flags and environment that shape the output. */
  settings: string;
  /** Input file (relative to the content folder) → hash; the report folders' names are in the paths. */
  inputs: Record<string, string>;
}

export interface ManifestReport {
  id: string;
  title?: string;
  /** Output files relative to the output folder. */
  files: string[];
}

interface Manifest {
  key: BuildKey;
  reports: ManifestReport[];
  /** Output file (relative to the output folder) → hash. */
  outputs: Record<string, string>;
  /** The build's warnings and notes, told again when nothing is rebuilt. */
  diagnostics: Diagnostic[];
}

export interface BuildSettings {
  contentDir: string;
  reports: readonly string[];
  formats: readonly string[];
  shard?: string;
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Every file under `dir` (links recorded by target, never followed into folders), by path relative to `root`. */
function hashTree(root: string, dir: string, into: Record<string, string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    into[relative(root, dir)] = 'oläslig';
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    const name = relative(root, path);
    if (e.isDirectory()) hashTree(root, path, into);
    else if (e.isSymbolicLink()) into[name] = `länk:${readlinkSync(path)}:${fileHash(path)}`;
    else into[name] = fileHash(path);
  }
}

function fileHash(path: string): string {
  try {
    return statSync(path).isFile() ? sha256(readFileSync(path)) : 'inte-en-fil';
  } catch {
    return 'saknas';
  }
}

let codeFingerprint: string | undefined;

/** kommunrapport's code (dist/ or src/, whichever runs), templates, package.json, its libraries' versions and the browser. */
export function codeVersion(): string {
  codeFingerprint ??= codeFingerprintOf(fileURLToPath(new URL('../', import.meta.url)), packagePath());
  return codeFingerprint;
}

/** The fingerprint of the code in `codeDir` with the templates and package.json of `packageDir`. */
export function codeFingerprintOf(codeDir: string, packageDir: string): string {
  const files: Record<string, string> = {};
  hashTree(codeDir, codeDir, files);
  hashTree(packageDir, join(packageDir, 'templates'), files);
  files['package.json'] = fileHash(join(packageDir, 'package.json'));
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies ?? {}).sort()) {
    try {
      files[`bibliotek:${dep}`] = fileHash(require.resolve(`${dep}/package.json`));
    } catch {
      files[`bibliotek:${dep}`] = 'okänd';
    }
  }
  try {
    const { systemBrowserCandidates } = require(packagePath('browser-candidates.cjs')) as { systemBrowserCandidates: () => string[] };
    const browser = systemBrowserCandidates().find((p) => existsSync(p));
    if (browser) {
      const s = statSync(browser);
      files[`webbläsare:${browser}`] = `${s.size}:${s.mtimeMs}`;
    }
  } catch {
    // no system browser: puppeteer's own is covered by its version
  }
  return sha256(JSON.stringify(files));
}

/** The report folders of a content folder, as findReportFolders lists them (without loading the content code). */
function reportFolders(contentDir: string): string[] {
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && e.name !== 'kommuner' && !e.name.startsWith('.'))
    .filter((e) => existsSync(join(contentDir, e.name, 'index.md')))
    .map((e) => e.name)
    .sort();
}

/** Taken before a build begins, so that a file changed during the build is not taken for built. */
export function buildKey(settings: BuildSettings, code = codeVersion()): BuildKey {
  const contentDir = resolve(settings.contentDir);
  const folders = settings.reports.length > 0 ? [...settings.reports] : reportFolders(contentDir);
  const inputs: Record<string, string> = {};
  for (const folder of folders) {
    const dir = join(contentDir, folder);
    if (lstatSafe(dir)?.isSymbolicLink()) inputs[folder] = `länk:${readlinkSync(dir)}`;
    else hashTree(contentDir, dir, inputs);
  }
  hashTree(contentDir, join(contentDir, 'kommuner'), inputs);
  const env = ['KOMMUNRAPPORT_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'SOURCE_DATE_EPOCH'].map((v) => `${v}=${process.env[v] ?? ''}`);
  const settingsText = JSON.stringify({
    contentDir,
    cwd: process.cwd(),
    folders,
    formats: [...settings.formats].sort(),
    shard: settings.shard ?? '',
    env,
  });
  return { code, settings: sha256(settingsText), inputs };
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function sameKey(a: BuildKey, b: BuildKey): boolean {
  if (a.code !== b.code || a.settings !== b.settings) return false;
  const keys = Object.keys(a.inputs);
  return keys.length === Object.keys(b.inputs).length && keys.every((k) => a.inputs[k] === b.inputs[k]);
}

/** The previous build's reports if nothing that shapes them changed and every output is still as it was written; else undefined. */
export function unchangedBuild(outDir: string, key: BuildKey): { reports: ManifestReport[]; diagnostics: Diagnostic[] } | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (!manifest?.key?.inputs || !sameKey(manifest.key, key)) return undefined;
  for (const [file, hash] of Object.entries(manifest.outputs ?? {})) {
    if (fileHash(join(outDir, file)) !== hash) return undefined;
  }
  return { reports: manifest.reports, diagnostics: manifest.diagnostics ?? [] };
}

/** The manifest's content for a build in which every report was written. */
export function manifestText(outDir: string, key: BuildKey, reports: readonly ManifestReport[], diagnostics: readonly Diagnostic[]): string {
  const outputs: Record<string, string> = {};
  for (const r of reports) for (const file of r.files) outputs[file] = fileHash(join(outDir, file));
  const manifest: Manifest = { key, reports: [...reports], outputs, diagnostics: diagnostics.filter((d) => d.severity !== 'fel') };
  return `${JSON.stringify(manifest, null, 1)}\n`;
}
