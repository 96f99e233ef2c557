/**
 * Command-line flags for every kommunrapport command: one description per
 * flag gives both the parsing and the help text, and every mistake gets a
 * Swedish message, with "Menade du …?" when a flag or a choice is misspelt.
 */
import { parseArgs } from 'node:util';
import { closest, distance } from 'fastest-levenshtein';

export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Placeholder for the value in the help text, e.g. "<mapp>". */
  value?: string;
  /** Allowed values of a string flag (checked, with a suggestion when misspelt). */
  choices?: readonly string[];
  /** Swedish, one line. */
  description: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

/** A mistake on the command line: exit code 2 with the message and the command's help. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The nearest of `candidates` to `word`, if it is close enough to be what was meant. */
export function suggestion(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(word, [...candidates]);
  const limit = Math.max(2, Math.floor(best.length / 3));
  return distance(word, best) <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: readonly string[], show: (s: string) => string = (s) => `"${s}"`): string {
  const best = suggestion(word, candidates);
  return best === undefined ? '' : ` Menade du ${show(best)}?`;
}

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parses `argv` against `specs`; throws UsageError with a Swedish message. */
export function parseFlags(argv: readonly string[], specs: FlagSpecs, positionals: { max: number; what: string } = { max: 0, what: '' }): Parsed {
  const longs = Object.keys(specs).map((n) => `--${n}`);
  const shorts = new Map<string, string>(Object.entries(specs).flatMap(([n, s]): [string, string][] => (s.short ? [[`-${s.short}`, n]] : [])));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.startsWith('--') ? arg.split('=')[0]! : arg.slice(0, 2);
    const known = arg.startsWith('--') ? longs.includes(name) : shorts.has(name);
    if (!known) throw new UsageError(`okänd flagga "${name}".${didYouMean(name, longs)}`);
    const flag = arg.startsWith('--') ? name.slice(2) : shorts.get(name)!;
    const spec = specs[flag]!;
    if (spec.type === 'string' && !arg.includes('=')) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next.length > 1)) {
        throw new UsageError(`flaggan --${flag} behöver ett värde, till exempel --${flag} ${spec.value ?? '<värde>'}.`);
      }
      i++;
    }
    if (spec.type === 'boolean' && arg.includes('=')) throw new UsageError(`flaggan --${flag} tar inget värde; skriv bara --${flag}.`);
  }

  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [name, { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}), ...(s.default !== undefined ? { default: s.default } : {}) }]),
  ) as Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;
  const parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });

  if (parsed.positionals.length > positionals.max) {
    const extra = parsed.positionals[positionals.max]!;
    throw new UsageError(
      positionals.max === 0
        ? `oväntat argument "${extra}". Flaggor skrivs med två bindestreck, till exempel --report ${extra}.`
        : `för många argument: ange högst ${positionals.max} ${positionals.what} (fick ${parsed.positionals.length}).`,
    );
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (!spec.choices) continue;
    const value = parsed.values[name] as string | string[] | undefined;
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
      if (!spec.choices.includes(v)) {
        throw new UsageError(`okänt värde "${v}" för --${name}; välj bland ${spec.choices.join(', ')}.${didYouMean(v, spec.choices)}`);
      }
    }
  }
  return { values: parsed.values as Parsed['values'], positionals: parsed.positionals };
}

/** The flags as help text lines, aligned. */
export function flagHelp(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => [`${s.short ? `-${s.short}, ` : '    '}--${name}${s.value ? ` ${s.value}` : ''}`, s.description] as const);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}

/** Flags every command has. */
export const commonFlags = {
  help: { type: 'boolean', short: 'h', description: 'visa den här hjälpen' },
} as const satisfies FlagSpecs;

/** Flags for how much the terminal shows. */
export const verbosityFlags = {
  quiet: { type: 'boolean', short: 'q', description: 'visa bara fel och varningar' },
  verbose: { type: 'boolean', description: 'visa allt: varje fil som skrevs och allt att granska' },
} as const satisfies FlagSpecs;
