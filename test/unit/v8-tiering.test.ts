/**
 * The executable tunes V8's tiering for a short process (bin/v8-tiering.js).
 * Every flag it sets must be one the running Node's V8 knows: an unknown flag
 * is not an error, only a line "Error: unrecognized flag" on every run.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tieringFlags } from '../../bin/v8-tiering.js';

const run = promisify(execFile);

describe('V8 tiering flags', () => {
  it('are known to this Node, and setting them prints nothing', async () => {
    const { stdout: options } = await run(process.execPath, ['--v8-options'], { maxBuffer: 16 * 1024 * 1024 });
    const flags = tieringFlags();
    expect(flags.length).toBeGreaterThan(0);
    for (const flag of flags) expect(options).toContain(`  ${flag.split('=')[0]} (`);
    const set = await run(process.execPath, ['--input-type=module', '-e', "import('./bin/v8-tiering.js').then((m) => m.tuneTiering())"]);
    expect(set.stderr).toBe('');
  });

  it('pick the interrupt budget for V8 11 (Node 20) and call counts for V8 12 and later (Node 22, 24)', () => {
    expect(tieringFlags('11.3.244.8-node.33')).toEqual(['--interrupt-budget=540672']);
    expect(tieringFlags('12.4.254.21-node.33')).toEqual(['--invocation-count-for-maglev=1600', '--invocation-count-for-turbofan=24000']);
    expect(tieringFlags('13.6.233.17-node.53')).toEqual(tieringFlags('12.4.254.21-node.33'));
  });
});
