/**
 * Build cache: a PDF whose input has not changed is not printed again. The key
 * of a PDF is the hash of its HTML and of everything else that shapes the
 * print (the PDF code, the browser); the cache remembers the key and the hash
 * of the file it produced, and reuses the file only if it is still the same.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const CACHE_FILE = '.kommunrapport-cache.json';

interface Entry {
  key: string;
  sha256: string;
  /** The addresses the print refused, told again whenever the file is reused. */
  blocked?: string[];
}

/** An earlier output and what its making warned about. */
export interface Reused {
  data: Uint8Array;
  blocked: string[];
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export class BuildCache {
  private readonly entries: Record<string, Entry>;

  private constructor(
    private readonly outDir: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  static load(outDir: string): BuildCache {
    try {
      const data = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as Record<string, Entry>;
      return new BuildCache(outDir, typeof data === 'object' && data ? data : {});
    } catch {
      return new BuildCache(outDir, {});
    }
  }

  /** Whether an earlier build wrote `file` (it may still have to be made anew). */
  knows(file: string): boolean {
    return file in this.entries;
  }

  /** No earlier build wrote the report's PDF, so it will be printed (one the cache knows is printed again only if its HTML changed). */
  printsForSure(reportFolder: string): boolean {
    return !this.knows(`${reportFolder}.pdf`);
  }

  /** The earlier output for `file` if it was made from `key` and has not been touched since. */
  reuse(file: string, key: string): Reused | undefined {
    const entry = this.entries[file];
    const path = join(this.outDir, file);
    if (!entry || entry.key !== key || !existsSync(path)) return undefined;
    const data = new Uint8Array(readFileSync(path));
    return sha256(data) === entry.sha256 ? { data, blocked: Array.isArray(entry.blocked) ? entry.blocked.filter((b) => typeof b === 'string') : [] } : undefined;
  }

  remember(file: string, key: string, data: Uint8Array, blocked: readonly string[] = []): void {
    this.entries[file] = { key, sha256: sha256(data), ...(blocked.length ? { blocked: [...blocked] } : {}) };
  }

  /** The cache file's content, written with the outputs. */
  serialize(): string {
    const sorted = Object.fromEntries(Object.entries(this.entries).sort(([a], [b]) => a.localeCompare(b)));
    return `${JSON.stringify(sorted, null, 2)}\n`;
  }
}

let fingerprint: string | undefined;

/** A hash of the code that turns HTML into PDF, so a change to it invalidates cached PDFs. */
export function pdfCodeFingerprint(browserPath: string): string {
  if (!fingerprint) {
    const dir = fileURLToPath(new URL('../render/pdf/', import.meta.url));
    const hash = createHash('sha256');
    for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
    // Found wherever npm put it: in this package's node_modules or beside it after an install.
    try {
      hash.update(readFileSync(createRequire(import.meta.url).resolve('puppeteer/package.json')));
    } catch {
      // no puppeteer: the browser path still separates the keys
    }
    fingerprint = hash.digest('hex');
  }
  return sha256(`${fingerprint}\n${browserPath}`);
}
