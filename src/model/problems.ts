import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from '../content/source-file.ts';
import { reportAt } from '../content/validate.ts';

type Path = (string | number)[];

/** Where the model reports a problem found while computing: the block's file and its path in the front matter. */
export interface Problems {
  error(path: Path, code: string, messageAndHint: string): void;
  warn(path: Path, code: string, messageAndHint: string): void;
  /** Something reviewers should see in the build summary, such as an overridden assessment. */
  note(path: Path, code: string, message: string): void;
}

export function problemsFor(diagnostics: Diagnostics, source: SourceFile, basePath: Path): Problems {
  return {
    error: (path, code, text) => reportAt(diagnostics, source, [...basePath, ...path], code, text),
    warn: (path, code, text) => reportAt(diagnostics, source, [...basePath, ...path], code, text, 'varning'),
    note: (path, code, text) => reportAt(diagnostics, source, [...basePath, ...path], code, text, 'notering'),
  };
}
