/**
 * Bounded concurrency for a batch: at most `jobs` reports in flight at once,
 * each taken through the whole pipeline (load → model → render → write) and
 * released before the next one starts. The default fits the machine: one job
 * per core, but never more than the free memory allows for a report and its
 * share of the browser.
 */
import { availableParallelism, freemem } from 'node:os';

/** What one report in flight may hold at most: its model, its renderers' output and a browser page. */
export const MEMORY_PER_JOB = 400 * 1024 * 1024;

export function defaultJobs(cores = availableParallelism(), free = freemem()): number {
  return Math.max(1, Math.min(cores, Math.floor(free / MEMORY_PER_JOB)));
}

/** Runs `work` for every item, in order of the items, with at most `jobs` running at once. */
export async function runBounded<T>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}

/**
 * The order a batch takes its reports in, by each report's size on disk: the
 * smallest first, so that the browser soon has a first document to print (an
 * årsredovisning takes longer to read than a small plan takes to get to the
 * browser), then the rest from the largest down, so that no large report is
 * left to print alone at the end. Indexes into `sizes`; equal sizes keep their order.
 */
export function workOrder(sizes: readonly number[]): number[] {
  const indexes = sizes.map((_, i) => i);
  if (indexes.length < 3) return indexes;
  const smallest = indexes.reduce((best, i) => (sizes[i]! < sizes[best]! ? i : best), 0);
  const rest = indexes.filter((i) => i !== smallest).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  return [smallest, ...rest];
}
