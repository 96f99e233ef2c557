/**
 * A content file read as text (inside its folder, UTF-8, no control characters)
 * and split into front matter and body, or a diagnostic saying why not.
 */
import { displayPath } from '../display-path.ts';
import type { Diagnostics } from '../diagnostics.ts';
import { decodeText, readInside, readProblemMessage, textProblemCode, textProblemMessage } from './read-inside.ts';
import { parseYamlFile, splitSourceFile, type SourceFile } from './source-file.ts';

/** A path as shown to the author: relative to the working directory where possible. */
export { displayPath };

/** Reads a section, index.md or kommun.yaml that must lie inside `root`. */
export function readSource(path: string, root: string, diagnostics: Diagnostics): SourceFile | undefined {
  const shown = displayPath(path);
  const read = readInside(path, root);
  if ('problem' in read) {
    const { message, hint } = readProblemMessage(read.problem, shown, displayPath(root));
    diagnostics.error({ code: read.problem.kind === 'outside' ? 'utanför-mappen' : 'fil-saknas', file: shown, message, hint });
    return undefined;
  }
  const decoded = decodeText(read.data);
  if (!('text' in decoded)) {
    const { message, hint } = textProblemMessage(decoded.problem, decoded.line);
    diagnostics.error({ code: textProblemCode[decoded.problem], file: shown, line: decoded.line, message, hint });
    return undefined;
  }
  return path.endsWith('.yaml') || path.endsWith('.yml')
    ? parseYamlFile(decoded.text, shown, diagnostics)
    : splitSourceFile(decoded.text, shown, diagnostics);
}
