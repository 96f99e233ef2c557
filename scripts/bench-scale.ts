/**
 * The batch benchmark (npm run bench -- --skala): 1, 20 and 100 copies of an
 * example report in a temporary content folder, built by the kommunrapport
 * command as a whole process, against the bare print of the same HTML files
 * (scripts/bare-print.mjs) in the same run. For each: wall time, peak memory
 * of the whole process tree (the process and every descendant, Chromium
 * included, summed from /proc while it runs) and reports per second.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE = 4096;

/**
 * Memory in bytes of `root` and all its descendants now (Linux /proc; 0 elsewhere): the sum of their
 * resident sizes (RSS, as `ps` shows them; Chromium's processes share many pages, which this counts
 * once per process) and the sum of their proportional sizes (PSS: shared pages divided among the
 * processes that share them, so the sum is what the tree really holds).
 */
function treeMemory(root: number): { rss: number; pss: number } {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return { rss: 0, pss: 0 };
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(p), Number(fields[21]) * PAGE);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // the process ended while being read
    }
  }
  let sum = 0;
  let pss = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    sum += rss.get(pid) ?? 0;
    try {
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      pss += Number(kb?.[1] ?? 0) * 1024;
    } catch {
      // ended, or no smaps_rollup on this kernel
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return { rss: sum, pss };
}

export interface Measured {
  ms: number;
  /** Peak of the summed RSS of the process tree. */
  peakBytes: number;
  /** Peak of the summed PSS of the process tree. */
  peakPss: number;
}

/** Runs a command to its end, polling the memory of its process tree every 100 ms. */
export async function measure(cmd: string, args: readonly string[]): Promise<Measured> {
  const start = performance.now();
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peak = 0;
  let peakPss = 0;
  const poll = setInterval(() => {
    const m = treeMemory(child.pid!);
    peak = Math.max(peak, m.rss);
    peakPss = Math.max(peakPss, m.pss);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … misslyckades (${code}):\n${stderr.slice(-2000)}`);
  return { ms: performance.now() - start, peakBytes: peak, peakPss };
}

/** A content folder with `count` copies of the example report `id` (and the profiles). */
function copies(id: string, count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'kommunrapport-skala-'));
  cpSync(join('content', 'kommuner'), join(root, 'kommuner'), { recursive: true });
  for (let n = 1; n <= count; n++) cpSync(join('content', id), join(root, `${id}-${String(n).padStart(3, '0')}`), { recursive: true });
  return root;
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
const fmtMiB = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
const rate = (n: number, ms: number) => `${(n / (ms / 1000)).toFixed(2).replace('.', ',')} rapporter/s`;

export async function benchScale(browserPath: string, id = 'oxelosund-von-verksamhetsplan-2024-2026', sizes = [1, 20, 100]): Promise<void> {
  console.log(`Skala · kopior av ${id} · hela processträdet (Chromium medräknat) · Node ${process.version}`);
  for (const n of sizes) {
    const content = copies(id, n);
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-skala-ut-'));
    const ours = await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--content', content, '--out', out]);
    const html = readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => join(out, f));
    const bare = await measure(process.execPath, ['scripts/bare-print.mjs', browserPath, ...html]);
    const again = await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--content', content, '--out', out]);
    console.log(
      `  ${String(n).padStart(3)} rapporter: bygge ${fmtS(ours.ms)}, topp RSS ${fmtMiB(ours.peakBytes)} (PSS ${fmtMiB(ours.peakPss)}), ${rate(n, ours.ms)}` +
        ` · enkel utskrift ${fmtS(bare.ms)}, topp RSS ${fmtMiB(bare.peakBytes)} (PSS ${fmtMiB(bare.peakPss)}) · kvot tid ${(ours.ms / bare.ms).toFixed(2).replace('.', ',')}×` +
        ` · oförändrat bygge igen ${fmtS(again.ms)}`,
    );
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}
