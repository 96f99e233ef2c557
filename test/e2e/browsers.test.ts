/**
 * Which browser prints: a headless shell (Debian: chromium-headless-shell)
 * before the full browser, started as one; and the PDF is the same, byte for
 * byte, whichever of the two prints it.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findBrowser, isHeadlessShell } from '../../src/render/pdf/browser.ts';
import { builtExample } from '../helpers/examples.ts';
import { kommunrapport } from '../helpers/kommunrapport.ts';

const { systemBrowserCandidates } = createRequire(import.meta.url)('../../browser-candidates.cjs') as {
  systemBrowserCandidates: (env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform) => string[];
};

describe('the browser that prints', () => {
  it('knows a headless shell by its program name', () => {
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\puppeteer\\chrome-headless-shell\\win64-131\\chrome-headless-shell-win64\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/home/a/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/usr/bin/google-chrome-stable')).toBe(false);
    expect(isHeadlessShell('/opt/headless-shell-tools/chrome')).toBe(false);
  });

  it('looks for a headless shell before the full browser on Linux, after a browser named by the user', () => {
    const candidates = systemBrowserCandidates({}, 'linux');
    const shell = candidates.findIndex((p) => isHeadlessShell(p));
    expect(shell).toBeGreaterThanOrEqual(0);
    expect(shell).toBeLessThan(candidates.indexOf('/usr/bin/chromium'));
    expect(systemBrowserCandidates({ KOMMUNRAPPORT_BROWSER: '/x/chrome' }, 'linux')[0]).toBe('/x/chrome');
  });

  const full = ['/usr/bin/chromium', '/usr/bin/google-chrome'].find((p) => existsSync(p));
  const found = findBrowser({});
  it.runIf(full !== undefined && found !== undefined && isHeadlessShell(found))(
    'prints the same PDF bytes with the full browser as with the headless shell',
    async () => {
      const id = 'oxelosund-kf-mal-delarsuppfoljning-2022';
      const shellPdf = builtExample(id).written.find((p) => p.endsWith('.pdf'))!;
      const out = mkdtempSync(join(tmpdir(), 'kommunrapport-fullbrowser-'));
      const run = await kommunrapport(['build', '--report', id, '--format', 'pdf', '--out', out, '--quiet'], { env: { KOMMUNRAPPORT_BROWSER: full } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const fullPdf = readFileSync(join(out, `${id}.pdf`));
      expect(fullPdf.equals(readFileSync(shellPdf))).toBe(true);
    },
    120_000,
  );
});
