/**
 * --shard i/n: a stable slice of the reports for one machine of a CI matrix or
 * one pod of a Kubernetes indexed job. A report's shard depends only on its
 * folder name (a hash of it), so adding or removing other reports never moves
 * it; each shard writes only its own reports' files, so the shards' output
 * folders are simply copied together.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as in "--shard 2/4". */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard (1-based) the report folder belongs to. */
export function shardOf(folder: string, count: number): number {
  const hash = createHash('sha256').update(folder.normalize('NFC')).digest();
  return (hash.readUInt32BE(0) % count) + 1;
}

export function inShard(folders: readonly string[], shard: Shard | undefined): string[] {
  return shard ? folders.filter((f) => shardOf(f, shard.count) === shard.index) : [...folders];
}
