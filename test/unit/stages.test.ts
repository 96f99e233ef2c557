/**
 * Imports point down the pipeline, never up: content → model → views →
 * renderers, with what runs the pipeline above it and what every stage uses
 * below it. A file may import from its own layer or any layer listed before it.
 * Type-only and dynamic imports count: knowing a later stage's types is an
 * arrow pointing up as much as calling it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A stage is a folder under src/ (under
 * src/render/ for the renderers) or a file directly in src/ or src/render/.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Used by every stage, and knowing none: messages, paths, Swedish numbers, files written all or nothing, worker pools.
  ['diagnostics.ts', 'display-path.ts', 'package-root.ts', 'formats.ts', 'build-progress.ts', 'format', 'output', 'batch'],
  // The pipeline, in order: the content read and checked (with its spreadsheets and Kolada snapshot), …
  ['content', 'sources'],
  // … every figure and judgement computed once, …
  ['model'],
  // … laid out once for every output, …
  ['render/views', 'render/symbols.ts', 'render/render-error.ts'],
  // … and printed.
  ['render/charts', 'render/html', 'render/docx', 'render/pdf', 'render/xlsx', 'render/office'],
  // What runs the pipeline or reads what it made.
  ['review'],
  ['build.ts', 'diff', 'preview', 'schema', 'init'],
  ['cli'],
];

const layerOf = new Map(LAYERS.flatMap((stages, i) => stages.map((s) => [s, i] as const)));

/** The stage of a path relative to src/: "model", "render/docx", "build.ts". */
export function stageOf(path: string): string {
  const parts = path.split('/');
  return parts[0] === 'render' && parts.length > 1 ? `render/${parts[1]}` : parts[0]!;
}

export interface Arrow {
  from: string;
  to: string;
}

/** Imports from a stage to a stage of a later layer, or to or from a stage with no layer. */
export function upwardImports(arrows: readonly Arrow[]): string[] {
  const wrong: string[] = [];
  for (const { from, to } of arrows) {
    const a = layerOf.get(stageOf(from));
    const b = layerOf.get(stageOf(to));
    if (a === undefined) wrong.push(`${from}: ${stageOf(from)} har ingen plats i LAYERS`);
    else if (b === undefined) wrong.push(`${from} → ${to}: ${stageOf(to)} har ingen plats i LAYERS`);
    else if (b > a) wrong.push(`${from} → ${to} (${stageOf(from)} importerar från det senare steget ${stageOf(to)})`);
  }
  return wrong;
}

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every relative import of every file under src/, static, dynamic or type-only, as paths relative to src/. */
function importsOfSrc(): Arrow[] {
  return sourceFiles(SRC).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.filter((i) => i.fileName.startsWith('.'))
      .map((i) => ({ from: relative(SRC, file).split(sep).join('/'), to: relative(SRC, resolve(dirname(file), i.fileName)).split(sep).join('/') })),
  );
}

describe('importer pekar nedåt i kedjan', () => {
  it('finds the imports of src/, type-only and dynamic ones too', () => {
    const arrows = importsOfSrc();
    expect(arrows).toContainEqual({ from: 'model/types.ts', to: 'content/schema.ts' });
    expect(arrows).toContainEqual({ from: 'build.ts', to: 'render/docx/render-docx.ts' });
    expect(arrows.length).toBeGreaterThan(300);
  });

  it('has no import from a later stage', () => {
    expect(upwardImports(importsOfSrc())).toEqual([]);
  });

  it('names an import that points up, and a folder without a layer', () => {
    expect(upwardImports([{ from: 'content/markdown.ts', to: 'model/types.ts' }])).toEqual([
      'content/markdown.ts → model/types.ts (content importerar från det senare steget model)',
    ]);
    expect(upwardImports([{ from: 'render/charts/docx.ts', to: 'render/docx/styles.ts' }])).toEqual([]);
    expect(upwardImports([{ from: 'model/goals.ts', to: 'render/views/cells.ts' }])).toHaveLength(1);
    expect(upwardImports([{ from: 'views/goal.ts', to: 'model/types.ts' }])).toEqual(['views/goal.ts: views har ingen plats i LAYERS']);
  });
});

/** The imports a module runs as it loads: static imports of values, not `import type` nor `import()`. */
function loadedImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements.flatMap((s) => {
    if (!ts.isImportDeclaration(s) && !ts.isExportDeclaration(s)) return [];
    if (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) return [];
    if (ts.isExportDeclaration(s) && (s.isTypeOnly || !s.moduleSpecifier)) return [];
    const clause = ts.isImportDeclaration(s) ? s.importClause : undefined;
    const named = clause?.namedBindings;
    const onlyTypes = named && ts.isNamedImports(named) && !clause?.name && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
    return onlyTypes ? [] : [(s.moduleSpecifier as ts.StringLiteral).text];
  });
}

/** The packages loaded with a module, through every module it loads in turn. */
function packagesLoadedWith(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of loadedImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(spec);
    }
  };
  visit(resolve(SRC, entry));
  return packages;
}

describe('en snabb start', () => {
  it('loads no renderer library, nor exceljs, before a report needs it', () => {
    const loaded = packagesLoadedWith('build.ts');
    expect(loaded.has('yaml')).toBe(true); // the walk sees what the loader needs
    for (const heavy of ['puppeteer', 'docx', 'pdf-lib', 'exceljs', 'handlebars', 'chart.js', 'fflate']) expect(loaded, heavy).not.toContain(heavy);
  });
});
