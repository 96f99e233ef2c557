/**
 * A content-addressed cache of drawn charts: the key is the SHA-256 of
 * everything that shapes the bytes (configuration, size, format, drawing code
 * and library versions), so the same chart is the same file and a changed one
 * gets a new key. Kept in memory for the process and on disk between builds,
 * in node_modules/.cache/kommunrapport-diagram/ (or KOMMUNRAPPORT_DIAGRAM_CACHE;
 * "av" turns the disk cache off). A disk that cannot be written is no error:
 * the chart is then only drawn again next time.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const defaultChartCacheDir = fileURLToPath(new URL('../../../node_modules/.cache/kommunrapport-diagram/', import.meta.url));

function configuredDir(): string | undefined {
  const env = process.env.KOMMUNRAPPORT_DIAGRAM_CACHE;
  if (env === 'av' || env === 'off') return undefined;
  return env || defaultChartCacheDir;
}

/** What the memory cache holds at most: a batch of many different reports keeps only the charts used last. */
export const MEMORY_LIMIT = 32 * 1024 * 1024;

export class ChartCache {
  /** In order of last use, oldest first. */
  private readonly memory = new Map<string, Uint8Array>();
  private held = 0;
  /** Drawn and cache-hit counts, for the benchmark and the tests. */
  readonly stats = { drawn: 0, memory: 0, disk: 0 };

  constructor(
    private dir: string | undefined = configuredDir(),
    private readonly limit = MEMORY_LIMIT,
  ) {}

  /** Bytes held in memory now. */
  get heldBytes(): number {
    return this.held;
  }

  private keep(name: string, data: Uint8Array): void {
    this.forget(name);
    this.memory.set(name, data);
    this.held += data.byteLength;
    for (const [oldest, bytes] of this.memory) {
      if (this.held <= this.limit) break;
      this.memory.delete(oldest);
      this.held -= bytes.byteLength;
    }
  }

  private forget(name: string): void {
    const earlier = this.memory.get(name);
    if (!earlier) return;
    this.memory.delete(name);
    this.held -= earlier.byteLength;
  }

  /** Another folder for the disk cache (undefined: memory only); empties the memory cache. */
  useDir(dir: string | undefined): void {
    this.dir = dir;
    this.clearMemory();
  }

  /** Forgets what is held in memory (the disk cache stays). */
  clearMemory(): void {
    this.memory.clear();
    this.held = 0;
  }

  get(key: string, ext: string): Uint8Array | undefined {
    const name = `${key}.${ext}`;
    const held = this.memory.get(name);
    if (held) {
      this.stats.memory++;
      this.keep(name, held); // now the most recently used
      return held;
    }
    if (!this.dir) return undefined;
    const path = join(this.dir, name);
    if (!existsSync(path)) return undefined;
    try {
      const data = new Uint8Array(readFileSync(path));
      this.keep(name, data);
      this.stats.disk++;
      return data;
    } catch {
      return undefined;
    }
  }

  set(key: string, ext: string, data: Uint8Array): void {
    const name = `${key}.${ext}`;
    this.stats.drawn++;
    this.keep(name, data);
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const tmp = join(this.dir, `${name}.${process.pid}.tmp`);
      writeFileSync(tmp, data);
      renameSync(tmp, join(this.dir, name));
    } catch {
      // A read-only disk only costs a redraw next time.
    }
  }
}
