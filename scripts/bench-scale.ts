/**
 * The batch benchmark (npm run bench -- --skala): 1, 20 and 100 copies of an
 * example report in a temporary content folder, built by the kommunrapport
 * command as a whole process, against the bare print of the same HTML files
 * (scripts/bare-print.mjs) in the same run. For each: wall time, peak memory
 * of the whole process tree (the process and every descendant, Chromium
 * included, summed from /proc while it runs) and reports per second.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeKinds, measure } from './tree-memory.ts';

export { measure, type Measured } from './tree-memory.ts';

/** A content folder with `count` copies of the example report `id` (and the profiles). */
function copies(id: string, count: number): string {
  const root = mkdtempSync(join(tmpdir(), 'kommunrapport-skala-'));
  cpSync(join('content', 'kommuner'), join(root, 'kommuner'), { recursive: true });
  for (let n = 1; n <= count; n++) cpSync(join('content', id), join(root, `${id}-${String(n).padStart(3, '0')}`), { recursive: true });
  return root;
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
const fmtMiB = (b: number) => `${Math.round(b / 1024 / 1024)} MiB`;
const perSecond = (n: number, ms: number) => n / (ms / 1000);
const fmtRate = (r: number) => `${r.toFixed(2).replace('.', ',')} rapporter/s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2).replace('.', ',')}×`;

export interface ScaleOptions {
  id?: string;
  sizes?: number[];
  /** Passed on as --jobs; the build's own default when undefined. */
  jobs?: number;
}

/** The options of `npm run bench -- --skala [--storlekar 20,100] [--jobs N]`. */
export function scaleOptions(argv: readonly string[]): ScaleOptions {
  const after = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const sizes = after('--storlekar')?.split(',').map(Number);
  const jobs = after('--jobs');
  return { ...(sizes ? { sizes } : {}), ...(jobs ? { jobs: Number(jobs) } : {}) };
}

/** The PSS costs the kernel a walk of every process's memory (tree-memory.ts): read once a second, the RSS every 100 ms. */
const PSS_EVERY_MS = 1000;

export async function benchScale(browserPath: string, options: ScaleOptions = {}): Promise<void> {
  const { id = 'oxelosund-von-verksamhetsplan-2024-2026', sizes = [1, 20, 100], jobs } = options;
  const jobArgs = jobs ? ['--jobs', String(jobs)] : [];
  console.log(`Skala · kopior av ${id} · alla format · ${jobs ? `--jobs ${jobs}` : 'förvalt antal jobb'} · hela processträdet (Chromium medräknat) · Node ${process.version}`);
  console.log('  Minne: topp av summan av RSS (delade sidor räknas en gång per process, alltså för högt; läst var 100:e ms) och av PSS (delade sidor delade mellan processerna: det trädet verkligen håller; läst en gång i sekunden, eftersom det kostar processorn).');
  const rates = new Map<number, number>();
  for (const n of sizes) {
    const content = copies(id, n);
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-skala-ut-'));
    const ours = await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--content', content, '--out', out, ...jobArgs], { pssEveryMs: PSS_EVERY_MS });
    const html = readdirSync(out).filter((f) => f.endsWith('.html')).map((f) => join(out, f));
    const bare = await measure(process.execPath, ['scripts/bare-print.mjs', browserPath, ...html], { pssEveryMs: PSS_EVERY_MS });
    const again = await measure(process.execPath, ['bin/kommunrapport.js', 'build', '--content', content, '--out', out, ...jobArgs]);
    rates.set(n, perSecond(n, ours.ms));
    console.log(
      `  ${String(n).padStart(3)} rapporter: bygge ${fmtS(ours.ms)} (CPU ${fmtS(ours.cpuMs)}, varav Node ${fmtS(ours.nodeCpuMs)}), ${fmtRate(perSecond(n, ours.ms))}, topp RSS ${fmtMiB(ours.peakBytes)}, topp PSS ${fmtMiB(ours.peakPss)}` +
        ` (MiB PSS vid toppen: ${describeKinds(ours.atPeak)})`,
    );
    console.log(
      `      enkel utskrift av samma HTML: ${fmtS(bare.ms)} (CPU ${fmtS(bare.cpuMs)}), ${fmtRate(perSecond(n, bare.ms))}, topp RSS ${fmtMiB(bare.peakBytes)}, topp PSS ${fmtMiB(bare.peakPss)}` +
        ` · kvot bygge/enkel utskrift: tid ${ratio(ours.ms, bare.ms)}, RSS ${ratio(ours.peakBytes, bare.peakBytes)}, PSS ${ratio(ours.peakPss, bare.peakPss)}` +
        ` · oförändrat bygge igen ${fmtS(again.ms)}`,
    );
    rmSync(content, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  const [small, large] = [20, 100].map((n) => rates.get(n));
  if (small && large) console.log(`  Rapporter per sekund vid 100 / vid 20: ${ratio(large, small)} (målet: minst 1)`);
}
