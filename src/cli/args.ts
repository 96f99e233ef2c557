/**
 * node:util parseArgs with its complaints in Swedish: an unknown flag gets the
 * nearest known one ("Menade du --format?"), a flag without its value says
 * what value it takes. Shared by the build and diff commands.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearest } from '../content/schema-helpers.ts';

/** Thrown with a Swedish message for the command's usage text. */
export class ArgsError extends Error {}

export function parseSwedishArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    throw new ArgsError(swedish(err as NodeJS.ErrnoException, Object.keys(config.options ?? {})));
  }
}

function swedish(err: NodeJS.ErrnoException, flags: readonly string[]): string {
  const quoted = /'([^']*)'/.exec(err.message)?.[1] ?? '';
  const suggest = (word: string) => {
    const near = nearest(word.replace(/^-+/, '').replace(/=.*$/, ''), flags);
    return near ? ` Menade du "--${near}"?` : '';
  };
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `okänd flagga "${quoted}".${suggest(quoted)}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `okänt argument "${quoted}"; flaggor skrivs med två bindestreck först.${suggest(quoted)}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const flag = quoted.split(' ')[0] ?? quoted;
      return /does not take/.test(err.message)
        ? `flaggan "${flag}" tar inget värde; skriv bara ${flag}.`
        : `flaggan "${flag}" behöver ett värde, t.ex. ${flag} <värde> (se listan nedan).`;
    }
    default:
      return `kommandot kunde inte läsas (${err.message}).`;
  }
}
