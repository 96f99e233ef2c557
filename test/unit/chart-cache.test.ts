/** The charts' memory cache is bounded: a batch of many different reports keeps only the charts used last. */
import { describe, expect, it } from 'vitest';
import { ChartCache, MEMORY_LIMIT } from '../../src/render/charts/cache.ts';

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

/** A cache in memory only (no disk cache to fall back on), holding at most `limit` bytes. */
function memoryOnly(limit?: number): ChartCache {
  const cache = new ChartCache(undefined, limit);
  cache.useDir(undefined);
  return cache;
}

describe('the memory cache of drawn charts', () => {
  it('never holds more than its limit, forgetting the least recently used chart first', () => {
    const cache = memoryOnly(300);
    cache.set('a', 'png', bytes(100, 1));
    cache.set('b', 'png', bytes(100, 2));
    cache.set('c', 'png', bytes(100, 3));
    expect(cache.heldBytes).toBe(300);
    expect(cache.get('a', 'png')?.[0]).toBe(1); // a is now the most recently used; b the least
    cache.set('d', 'png', bytes(100, 4));
    expect(cache.heldBytes).toBe(300);
    expect(cache.get('b', 'png')).toBeUndefined();
    expect([cache.get('a', 'png')?.[0], cache.get('c', 'png')?.[0], cache.get('d', 'png')?.[0]]).toEqual([1, 3, 4]);
  });

  it('counts a chart stored again once, and empties on clearMemory', () => {
    const cache = memoryOnly(1000);
    cache.set('a', 'svg', bytes(100, 1));
    cache.set('a', 'svg', bytes(150, 1));
    expect(cache.heldBytes).toBe(150);
    cache.clearMemory();
    expect(cache.heldBytes).toBe(0);
    expect(cache.get('a', 'svg')).toBeUndefined();
  });

  it('holds tens of megabytes by default: every chart of a report, not every chart of a batch', () => {
    expect(MEMORY_LIMIT).toBe(32 * 1024 * 1024);
    const cache = memoryOnly();
    for (let i = 0; i < 200; i++) cache.set(`diagram-${i}`, 'png', bytes(256 * 1024, i % 256));
    expect(cache.heldBytes).toBeLessThanOrEqual(MEMORY_LIMIT);
    expect(cache.get('diagram-199', 'png')?.[0]).toBe(199);
    expect(cache.get('diagram-0', 'png')).toBeUndefined();
  });
});
