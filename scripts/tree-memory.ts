/**
 * Memory of a whole process tree (a process and every descendant, Chromium
 * included), read from Linux /proc while it runs. Two sums, because each alone
 * misleads: RSS (resident size, as `ps` shows it) counts a page shared by
 * Chromium's processes once per process, so its sum overstates; PSS
 * (proportional size: a shared page divided among the processes sharing it)
 * sums to what the tree really holds. Elsewhere than Linux both are 0.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;

/**
 * What a process in the tree is: the Node process(es), or one of Chromium's; 'forked' is a Chromium
 * process forked from the zygote whose command line is not (or no longer) readable: a renderer starting or ending.
 */
export type ProcessKind = 'node' | 'chromium' | 'renderer' | 'gpu' | 'zygote' | 'utility' | 'forked' | 'other';

export interface TreeMemory {
  rss: number;
  pss: number;
  /** PSS per kind of process, and how many of that kind. */
  byKind: Partial<Record<ProcessKind, { pss: number; count: number }>>;
  /** Each process's own CPU time so far (user + system, ms) and its kind, by pid. */
  cpuByPid: Map<number, { ms: number; kind: ProcessKind }>;
}

function kindOf(pid: number): ProcessKind {
  let cmd: string;
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return 'other';
  }
  const type = /--type=([a-z-]+)/.exec(cmd)?.[1];
  if (type === 'renderer') return 'renderer';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'zygote') return 'zygote';
  if (type) return 'utility';
  if (/chrom/i.test(cmd.split(' ')[0] ?? '')) return 'chromium';
  if (/node/.test(cmd.split(' ')[0] ?? '')) return 'node';
  try {
    if (cmd.trim() === '' && readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('chrom')) return 'forked';
  } catch {
    // ended
  }
  return 'other';
}

/**
 * Memory in bytes of `root` and all its descendants now. The PSS is read only
 * when asked: the kernel walks every mapping of a process to sum it, about
 * 100 ms of CPU for a build's tree on two cores, which would slow what is
 * being measured. The RSS and the CPU times come from /proc/<pid>/stat (a few ms).
 */
export function treeMemory(root: number, withPss = true, kinds: Map<number, ProcessKind> = new Map()): TreeMemory {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return { rss: 0, pss: 0, byKind: {}, cpuByPid: new Map() };
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const p of pids) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(p), Number(fields[21]) * PAGE);
      cpu.set(Number(p), (Number(fields[11]) + Number(fields[12])) * 10);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(p)]);
    } catch {
      // the process ended while being read
    }
  }
  const result: TreeMemory = { rss: 0, pss: 0, byKind: {}, cpuByPid: new Map() };
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    result.rss += rss.get(pid) ?? 0;
    let pss = 0;
    if (withPss) {
      try {
        const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
        pss = Number(kb?.[1] ?? 0) * 1024;
      } catch {
        // ended, or no smaps_rollup on this kernel
      }
    }
    result.pss += pss;
    // A process keeps the first kind it was known by: one ending (or just forked) shows no command line.
    const known = kinds.get(pid);
    const kindName = known && known !== 'forked' && known !== 'other' ? known : kindOf(pid);
    kinds.set(pid, kindName);
    result.cpuByPid.set(pid, { ms: cpu.get(pid) ?? 0, kind: kindName });
    const kind = (result.byKind[kindName] ??= { pss: 0, count: 0 });
    kind.pss += pss;
    kind.count++;
    stack.push(...(children.get(pid) ?? []));
  }
  return result;
}

/**
 * CPU time (user + system, ms) of every child this process has waited for,
 * their own waited-for children included: for a finished command, the CPU its
 * whole tree used (Chromium's processes too). Linux only (USER_HZ = 100); else 0.
 */
export function childrenCpuMs(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

export interface Measured {
  ms: number;
  /** CPU time of the whole tree, user and system (0 elsewhere than Linux). */
  cpuMs: number;
  /** Of that, Node's own processes (the rest is Chromium's), as polled. */
  nodeCpuMs: number;
  /** Peak of the summed RSS of the process tree. */
  peakBytes: number;
  /** Peak of the summed PSS of the process tree. */
  peakPss: number;
  /** The tree at its PSS peak, per kind of process. */
  atPeak: TreeMemory['byKind'];
}

export interface MeasureOptions {
  env?: NodeJS.ProcessEnv;
  /** Read the PSS too, at most this often (ms); without it only the RSS. See treeMemory for why not always. */
  pssEveryMs?: number;
}

/** Runs a command to its end, polling its process tree (RSS and CPU, and the PSS if asked) every 100 ms. */
export async function measure(cmd: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measured> {
  const { env = process.env, pssEveryMs } = options;
  const start = performance.now();
  const cpuBefore = childrenCpuMs();
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let peak = 0;
  let peakPss = 0;
  let atPeak: TreeMemory['byKind'] = {};
  // Each process's own CPU time as last seen: Chromium's renderers are reaped by its zygote and may never
  // reach this process's children's times, so the tree's CPU is the larger of the two counts.
  const cpuSeen = new Map<number, { ms: number; kind: ProcessKind }>();
  const kinds = new Map<number, ProcessKind>();
  let pssReadAt = -Infinity;
  const poll = setInterval(() => {
    const withPss = pssEveryMs !== undefined && performance.now() - pssReadAt >= pssEveryMs;
    if (withPss) pssReadAt = performance.now();
    const m = treeMemory(child.pid!, withPss, kinds);
    for (const [pid, seen] of m.cpuByPid) cpuSeen.set(pid, seen);
    peak = Math.max(peak, m.rss);
    if (withPss && m.pss > peakPss) {
      peakPss = m.pss;
      atPeak = m.byKind;
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} … misslyckades (${code}):\n${stderr.slice(-2000)}`);
  const seen = [...cpuSeen.values()];
  const sum = (processes: { ms: number }[]) => processes.reduce((a, b) => a + b.ms, 0);
  const sampled = sum(seen);
  const nodeCpuMs = sum(seen.filter((s) => s.kind === 'node'));
  return { ms: performance.now() - start, cpuMs: Math.max(childrenCpuMs() - cpuBefore, sampled), nodeCpuMs, peakBytes: peak, peakPss, atPeak };
}

/** "node 180 MiB, renderer×2 300 MiB, …": where the memory of the tree was at its peak. */
export function describeKinds(byKind: TreeMemory['byKind']): string {
  return Object.entries(byKind)
    .sort(([, a], [, b]) => b.pss - a.pss)
    .map(([kind, m]) => `${kind}${m.count > 1 ? `×${m.count}` : ''} ${Math.round(m.pss / 1024 / 1024)}`)
    .join(', ');
}
