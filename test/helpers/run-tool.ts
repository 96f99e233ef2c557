/**
 * Runs a command-line tool (pdffonts, pdftotext, git, LibreOffice …) without
 * blocking the vitest worker: a synchronous child process stops the worker's
 * messages to vitest, which under load ends a green run with a non-zero exit.
 */
import { execFile } from 'node:child_process';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTool(command: string, args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Promise<ToolRun> {
  return new Promise((done) => {
    execFile(command, [...args], { cwd: options.cwd, timeout: options.timeout ?? 120_000, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

/** The tool's standard output; a failure is thrown with its message. */
export async function toolOutput(command: string, args: readonly string[], options: { cwd?: string; timeout?: number } = {}): Promise<string> {
  const run = await runTool(command, args, options);
  if (run.code !== 0) throw new Error(`${command} ${args.join(' ')} gav slutkod ${run.code}: ${run.stderr}`);
  return run.stdout;
}
