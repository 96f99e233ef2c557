/**
 * --shard i/n and --jobs: every report in exactly one shard, a report's shard
 * fixed by its folder name alone, and jobs that fit the machine.
 */
import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from '../../src/batch/shard.ts';
import { defaultJobs, MEMORY_PER_JOB, runBounded, workOrder } from '../../src/batch/pool.ts';

const names = (n: number, prefix = 'rapport') => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}-nämnd`);

describe('--shard', () => {
  it('puts every report in exactly one shard: the union of all shards is the whole set', () => {
    const reports = names(200);
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, i) => inShard(reports, { index: i + 1, count }));
      expect(shards.flat().sort()).toEqual([...reports].sort());
      expect(new Set(shards.flat()).size).toBe(reports.length);
      // A fair spread: no shard empty among 200 reports.
      expect(shards.every((s) => s.length > 0)).toBe(true);
    }
  });

  it('keeps a report in its shard when other reports are added or removed', () => {
    const before = names(50);
    const after = [...before.slice(10), ...names(80, 'ny')];
    for (const count of [2, 4, 5]) {
      for (const report of before.slice(10)) {
        const shard = shardOf(report, count);
        expect(inShard(before, { index: shard, count })).toContain(report);
        expect(inShard(after, { index: shard, count })).toContain(report);
      }
    }
  });

  it('reads i/n and refuses anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/3', '1.5/3']) expect(parseShard(bad), bad).toBeUndefined();
  });
});

describe('--jobs', () => {
  it('defaults to one per core, fewer when the free memory does not allow', () => {
    expect(defaultJobs(8, 64 * 1024 ** 3)).toBe(8);
    expect(defaultJobs(8, 3 * MEMORY_PER_JOB + 1)).toBe(3);
    expect(defaultJobs(4, 0)).toBe(1);
  });

  it('runs at most N at once, every item once', async () => {
    let now = 0;
    let max = 0;
    const seen: number[] = [];
    await runBounded([1, 2, 3, 4, 5, 6, 7], 3, async (item) => {
      max = Math.max(max, ++now);
      await new Promise((r) => setImmediate(r));
      seen.push(item);
      now--;
    });
    expect(max).toBe(3);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('the order a batch takes its reports in', () => {
  it('takes the smallest report first, then the rest from the largest down', () => {
    // An årsredovisning (90 kB), a small follow-up (10 kB) and two plans (58 and 42 kB), in folder order.
    expect(workOrder([90, 10, 58, 42])).toEqual([1, 0, 2, 3]);
    expect(workOrder([5, 50, 20, 40, 30])).toEqual([0, 1, 3, 4, 2]);
  });

  it('keeps folder order among equal sizes, and for one or two reports', () => {
    expect(workOrder([7, 7, 7, 7])).toEqual([0, 1, 2, 3]);
    expect(workOrder([20, 10])).toEqual([0, 1]);
    expect(workOrder([])).toEqual([]);
  });

  it('takes every report once', () => {
    const sizes = [3, 9, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    expect(workOrder(sizes).sort((a, b) => a - b)).toEqual(sizes.map((_, i) => i));
  });
});

