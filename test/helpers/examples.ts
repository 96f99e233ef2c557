/**
 * The examples as the global setup built them (test/global-setup.ts): every
 * format of every report under content/, built once per test run.
 */
import { inject } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';

export interface BuiltExample {
  outDir: string;
  ok: boolean;
  diagnostics: Diagnostic[];
  /** Paths of the files written for the report. */
  written: string[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    examples: Record<string, BuiltExample>;
  }
}

export function builtExample(id: string): BuiltExample {
  const example = inject('examples')[id];
  if (!example) throw new Error(`Exemplet ${id} byggdes inte av test/global-setup.ts.`);
  return example;
}

/** The folder the examples were written to (one for all). */
export function examplesOutDir(): string {
  return Object.values(inject('examples'))[0]!.outDir;
}
