#!/usr/bin/env node
// The kommunrapport command. The code is compiled ahead of time to dist/ (npm
// runs "prepare" on npm ci, npm install and npm pack); this file only starts it.
import module from 'node:module';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tuneTiering } from './v8-tiering.js';

tuneTiering();

// Node 22.1+ keeps compiled code between runs: a faster start from the second run on.
module.enableCompileCache?.();

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** The newest modification time of any file below `dir`. */
function newest(dir) {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return time;
}

// In a clone (src/ beside dist/), a "git pull" or an edit must never run yesterday's
// compiled code: compile again when any source is newer than the last compilation.
const sources = here('../src');
const config = here('../tsconfig.build.json');
const stamp = here('../dist/.tsbuildinfo');
const changed = existsSync(sources) && existsSync(config) && existsSync(here('../dist')) ? newest(sources) : 0;
if (changed > (existsSync(stamp) ? statSync(stamp).mtimeMs : 0)) {
  process.stderr.write('Koden i src/ har ändrats sedan den översattes; översätter den igen (några sekunder) …\n');
  let tsc;
  try {
    tsc = module.createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    process.stderr.write('fel: TypeScript saknas, så den ändrade koden kan inte översättas.\n    → Kör "npm ci" i kommunrapports mapp.\n');
    process.exit(4);
  }
  const compiled = spawnSync(process.execPath, [tsc, '-p', config], { stdio: 'inherit' });
  if (compiled.status !== 0) {
    process.stderr.write('fel: koden i src/ gick inte att översätta (se meddelandena ovan).\n');
    process.exit(4);
  }
  // tsc leaves its build info untouched when no output changed: mark the compilation as done
  // (never older than the newest source, even one dated in the future).
  const done = new Date(Math.max(Date.now(), changed));
  if (existsSync(stamp)) utimesSync(stamp, done, done);
}

try {
  await import('../dist/cli/main.js');
} catch (err) {
  if (err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/cli/main.js')) {
    process.stderr.write(
      'fel: kommunrapport är inte färdigbyggt (mappen dist/ saknas).\n' +
        '    → Kör "npm ci" (eller "npm run prepare") i kommunrapports mapp; det översätter koden en gång.\n',
    );
    process.exit(4);
  }
  throw err;
}
