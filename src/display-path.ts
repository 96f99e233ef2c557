/** A path as the user typed it: relative to the working directory where possible, with forward slashes. */
import { relative, sep } from 'node:path';

export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/');
}
