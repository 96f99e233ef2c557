/**
 * Once per test run, before any test file:
 * - compiles src/ to dist/ (incremental: quick when nothing changed), so the
 *   tests of the kommunrapport executable run the current code the way a user
 *   does: compiled, without tsx;
 * - builds the four examples in every format into one temporary folder, with
 *   one browser for all of them, which
 *   the end-to-end tests read (test/helpers/examples.ts) instead of printing
 *   the same PDFs again in every file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { build } from '../src/build.ts';
import { runBounded } from '../src/batch/pool.ts';
import { findReportFolders } from '../src/content/load.ts';
import { withBrowser } from '../src/render/pdf/session.ts';
import type { BuiltExample } from './helpers/examples.ts';
import { tuneTiering } from '../bin/v8-tiering.js';

export default async function setup(project: TestProject): Promise<() => void> {
  tuneTiering(); // the examples are built in this process: V8 tuned as for a build
  const compiled = promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { maxBuffer: 16 * 1024 * 1024 });
  const outDir = mkdtempSync(join(tmpdir(), 'kommunrapport-exempel-'));
  const examples: Record<string, BuiltExample> = {};
  // One build per example, so that each test sees its report's own messages and files; two at a time, so that one
  // build's Node work overlaps the other's printing; one browser for all of them (their file names never meet).
  await withBrowser(async (browser) => {
    await runBounded(findReportFolders('content'), 2, async (id) => {
      const result = await build({ contentDir: 'content', outDir, reports: [id], browser });
      const report = result.reports[0]!;
      examples[id] = { outDir, ok: result.ok, diagnostics: result.diagnostics, written: report.written };
    });
  });
  await compiled;
  project.provide('examples', examples);
  return () => rmSync(outDir, { recursive: true, force: true });
}
