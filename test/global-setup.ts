/**
 * Compiles src/ to dist/ once per test run (incremental: quick when nothing
 * changed), so the tests of the kommunrapport executable run the current code
 * the way a user does: compiled, without tsx.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export default async function setup(): Promise<void> {
  await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { maxBuffer: 16 * 1024 * 1024 });
}
