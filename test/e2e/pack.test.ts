/**
 * The package as a user installs it: npm pack, then npm install of the tarball
 * into an empty folder (dependencies only, from the npm cache, no browser
 * download), then the installed kommunrapport builds an example in every
 * format, with the same HTML, Word file and review text as the clone builds.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { kommunrapport, type Run } from '../helpers/kommunrapport.ts';

const run = promisify(execFile);
const REPORT = 'oxelosund-ks-verksamhetsplan-2022-2024';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm pack and install of the tarball', () => {
  let app: string;
  let installed: Run;
  let files: string[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-pack-'));
    const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', dir], { maxBuffer: 32 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    files = packed!.files.map((f) => f.path);
    app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "prov", "private": true }\n');
    await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(dir, packed!.filename)], {
      cwd: app,
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
      maxBuffer: 32 * 1024 * 1024,
    });
    cpSync('content', join(app, 'content'), { recursive: true });
    installed = await kommunrapport(['build', '--report', REPORT], { cwd: app, bin: join(app, 'node_modules/.bin/kommunrapport') });
  }, 300_000);

  it('holds the compiled program, templates and schemas, not the sources', () => {
    expect(files).toContain('bin/kommunrapport.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('templates/gemensamt/layout.hbs');
    expect(files).toContain('schema/kommun.schema.json');
    expect(files).toContain('browser-candidates.cjs');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.ts') || f.includes('tsbuildinfo'))).toEqual([]);
  });

  it('installs without dev dependencies: no tsx, no vitest', () => {
    expect(existsSync(join(app, 'node_modules/kommunrapport/dist/cli/main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules/vitest'))).toBe(false);
  });

  it('builds an example in every format', () => {
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    for (const ext of ['pdf', 'docx', 'html', 'granskning.txt', 'modell.json']) expect(existsSync(join(app, 'output', `${REPORT}.${ext}`))).toBe(true);
    expect(readFileSync(join(app, 'output', `${REPORT}.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the same bytes as the clone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-pack-klon-'));
    const clone = await kommunrapport(['build', '--report', REPORT, '--format', 'html,docx,granskning,json', '--out', out]);
    expect(clone.code).toBe(0);
    for (const ext of ['html', 'docx', 'granskning.txt', 'modell.json']) {
      expect(readFileSync(join(app, 'output', `${REPORT}.${ext}`)).equals(readFileSync(join(out, `${REPORT}.${ext}`))), ext).toBe(true);
    }
  });
});
