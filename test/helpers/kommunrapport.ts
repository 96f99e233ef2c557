/**
 * The kommunrapport executable (bin/kommunrapport.js → dist/) as a child
 * process, awaited without blocking the vitest worker.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

export const BIN = resolve('bin/kommunrapport.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The executable to run; the repository's by default. */
  bin?: string;
}

export async function kommunrapport(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
}

/** Starts a long-running command (preview) and waits for a line of its output that matches `ready`. */
export async function startKommunrapport(
  args: readonly string[],
  ready: RegExp,
  options: RunOptions = {},
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const closed = once(child, 'close');
  const match = await new Promise<RegExpMatchArray>((done, fail) => {
    const look = (d: string) => {
      output += d;
      const m = output.match(ready);
      if (m) done(m);
    };
    child.stdout!.setEncoding('utf8').on('data', look);
    child.stderr!.setEncoding('utf8').on('data', look);
    void closed.then(() => fail(new Error(`kommunrapport ${args.join(' ')} avslutades innan det var klart:\n${output}`)));
  });
  return {
    child,
    match,
    output: () => output,
    stop: async () => {
      child.kill('SIGINT');
      const [code] = (await closed) as [number | null];
      return code;
    },
  };
}
