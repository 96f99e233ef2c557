#!/usr/bin/env node
// The kommunrapport command. The code is compiled ahead of time to dist/ (npm
// runs "prepare" on npm ci, npm install and npm pack); this file only starts it.
import module from 'node:module';

// Node 22.1+ keeps compiled code between runs: a faster start from the second run on.
module.enableCompileCache?.();

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
