/**
 * The two versions to compare: a content folder, or a git revision whose
 * content folder is read with git itself (ls-tree + cat-file) into a temporary
 * folder. The user's working tree, index and branches are never touched.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { INDEX_FILE } from '../content/load.ts';

export interface Side {
  /** As given on the command line. */
  label: string;
  /** The content folder to read (report folders and kommuner/). */
  contentDir: string;
  /** When the argument named one report folder: its name. */
  report?: string;
  /** Removes the temporary folder of a git revision. */
  cleanup: () => void;
}

/** A problem with the command line or its arguments: exit code 2. */
export class UsageError extends Error {}

function git(args: string[], cwd: string, input?: string): { ok: boolean; missing?: boolean; stdout: Buffer; stderr: string } {
  const run = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30 });
  if (run.error) return { ok: false, missing: (run.error as NodeJS.ErrnoException).code === 'ENOENT', stdout: Buffer.alloc(0), stderr: run.error.message };
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}

/**
 * A folder when the argument is an existing folder (a content folder, or one
 * report folder inside one); else a git revision of the content folder `content`.
 */
export function resolveSide(spec: string, content: string, cwd = process.cwd()): Side {
  const asPath = resolve(cwd, spec);
  if (existsSync(asPath) && statSync(asPath).isDirectory()) {
    if (existsSync(join(asPath, INDEX_FILE))) return { label: spec, contentDir: dirname(asPath), report: basename(asPath), cleanup: () => {} };
    return { label: spec, contentDir: asPath, cleanup: () => {} };
  }
  return gitSide(spec, content, cwd);
}

function gitSide(rev: string, content: string, cwd: string): Side {
  // Git is asked from inside the content folder when it exists, so a content folder in another repository works too.
  let contentPath = resolve(cwd, content);
  if (existsSync(contentPath) && statSync(contentPath).isDirectory()) cwd = contentPath = realpathSync(contentPath);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (top.missing) throw new UsageError(`"${rev}" är ingen mapp, och git finns inte på datorn för att läsa den som en version. Installera git, eller jämför två mappar.`);
  if (!top.ok) throw new UsageError(`"${rev}" är varken en mapp eller en version i git (mappen ${cwd} ligger inte i ett git-arkiv).`);
  const root = top.stdout.toString('utf8').trim();
  const commit = git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], cwd);
  if (!commit.ok) throw new UsageError(`"${rev}" är varken en mapp eller en version i git. Ange en mapp, en commit, en tagg eller till exempel HEAD~1.`);
  const sha = commit.stdout.toString('utf8').trim();
  const inRepo = relative(root, contentPath).split(sep).join('/');
  if (inRepo.startsWith('..')) throw new UsageError(`Innehållsmappen ${content} ligger utanför git-arkivet ${root}.`);

  const listing = git(['ls-tree', '-r', '-z', '--full-tree', sha, '--', inRepo || '.'], root);
  if (!listing.ok) throw new UsageError(`Kunde inte läsa ${inRepo} i version ${rev}: ${listing.stderr.trim()}`);
  const entries = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, path] = line.split('\t') as [string, string];
      const [mode, type, object] = meta.split(' ') as [string, string, string];
      return { mode, type, object, path };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (entries.length === 0) throw new UsageError(`Mappen ${inRepo || '.'} finns inte i version ${rev}.`);

  const dir = mkdtempSync(join(tmpdir(), 'kommunrapport-version-'));
  try {
    const batch = git(['cat-file', '--batch'], root, entries.map((e) => `${e.object}\n`).join(''));
    if (!batch.ok) throw new UsageError(`Kunde inte läsa filerna i version ${rev}: ${batch.stderr.trim()}`);
    const out = batch.stdout;
    let at = 0;
    for (const e of entries) {
      const headerEnd = out.indexOf(0x0a, at);
      const size = Number(out.subarray(at, headerEnd).toString('utf8').split(' ')[2]);
      const data = out.subarray(headerEnd + 1, headerEnd + 1 + size);
      at = headerEnd + 1 + size + 1;
      const rel = inRepo ? e.path.slice(inRepo.length + 1) : e.path;
      const target = join(dir, ...rel.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return { label: rev, contentDir: dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
