/**
 * Front matter that is valid YAML but not content: nesting far deeper than any
 * table (which would exhaust the stack further on), anchors and aliases that
 * multiply into an enormous document, and numbers that cannot be held exactly
 * (a 30-digit number silently rounded, 1e308 whose sums overflow to Infinity).
 * Each is reported at its line instead of crashing the build or printing a
 * different number from the one written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { formatPath, type Diagnostic } from '../diagnostics.ts';
import { formatNumber } from '../format/swedish.ts';
import { CONTROL_CHARACTER } from './read-inside.ts';

type Problem = Omit<Diagnostic, 'severity'>;

/** Deeper than any content needs (a goal table is about ten levels). */
export const MAX_DEPTH = 40;
/** Whole numbers up to this size are exact, and sums of them stay far from overflow. */
export const MAX_MAGNITUDE = 1e15;
const MAX_DIGITS = 15;

export function tooDeep(file: string, line: number, err: unknown): Problem {
  const overflow = err instanceof RangeError || /call stack/i.test(String((err as Error)?.message ?? err));
  return {
    code: overflow ? 'för-djup-nästling' : 'yaml-syntax',
    file,
    line,
    message: overflow
      ? `Front matter är nästlad i fler nivåer än kommunrapport kan läsa (högst ${MAX_DEPTH}).`
      : `YAML-fel: front matter kunde inte läsas (${(err as Error)?.message ?? String(err)}).`,
    hint: 'Kontrollera indragen och hakparenteserna: varje [ och { ska stängas, och ingen tabell behöver så många nivåer.',
  };
}

/** Too deep nesting, aliases, and numbers that cannot be held exactly, in document order. */
export function shapeProblems(doc: Document, lineCounter: LineCounter, firstLine: number, file: string): Problem[] {
  const problems: Problem[] = [];
  const lineOf = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + firstLine - 1, column: pos.col };
  };
  let reportedDepth = false;
  let reportedAlias = false;
  // Iterative, so that a deep document cannot exhaust the stack here either.
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const range = (node as { range?: [number, number] } | null)?.range;
    if (path.length > MAX_DEPTH && !reportedDepth) {
      reportedDepth = true;
      problems.push({ ...tooDeep(file, range ? lineOf(range[0]).line : firstLine, new RangeError()), ...(range ? lineOf(range[0]) : {}) });
      continue;
    }
    if (isAlias(node)) {
      if (!reportedAlias) {
        reportedAlias = true;
        problems.push({
          code: 'yaml-alias',
          file,
          ...(range ? lineOf(range[0]) : { line: firstLine }),
          field: formatPath(path),
          message: `Hänvisningen *${node.source} upprepar ett annat värde; ankare (&) och hänvisningar (*) används inte i rapporter.`,
          hint: 'Skriv ut värdet på varje ställe där det ska stå, i stället för &namn och *namn.',
        });
      }
    } else if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : String(i);
        stack.push({ node: pair.value, path: [...path, key] });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, i] });
    } else if (isScalar(node) && typeof node.value === 'string' && (node.value.includes('\u0000') || CONTROL_CHARACTER.test(node.value))) {
      // Written as an escape ("\0", "\x07") in a double-quoted string: the file itself has no such byte.
      problems.push({
        code: 'styrtecken',
        file,
        ...(range ? lineOf(range[0]) : { line: firstLine }),
        field: formatPath(path),
        message: 'Texten innehåller ett styrtecken (skrivet med \\ inom citattecken), som inte kan visas och som Word inte kan öppna.',
        hint: 'Ta bort koden (t.ex. \\0 eller \\x07) ur texten.',
      });
    } else if (isScalar(node) && typeof node.value === 'number') {
      const written = String(node.source ?? node.value);
      const problem = numberProblem(written, node.value);
      if (problem) problems.push({ code: 'för-stort-tal', file, ...(range ? lineOf(range[0]) : { line: firstLine }), field: formatPath(path), ...problem });
    }
  }
  return problems;
}

/** Why a number as written cannot be used exactly, or undefined. */
export function numberProblem(written: string, value: number): { message: string; hint: string } | undefined {
  const mantissa = written.replace(/^[-+−]/, '').replace(/[eE].*$/, '').replace(/[\s\u00a0\u202f_]/g, '');
  const digits = mantissa.includes('.') || mantissa.includes(',') ? mantissa.replace(/[.,]/, '').replace(/^0+/, '').replace(/0+$/, '') : mantissa.replace(/^0+/, '');
  if (Number.isFinite(value) && Math.abs(value) < MAX_MAGNITUDE && digits.length <= MAX_DIGITS) return undefined;
  return {
    message: `Talet ${written.trim()} är för stort eller har för många siffror för att räknas exakt (högst ${MAX_DIGITS} siffror och under ${formatNumber(MAX_MAGNITUDE)}).`,
    hint: 'Kontrollera talet; belopp skrivs i tabellens enhet (tkr eller mnkr), så ett rimligt belopp har långt färre siffror. Ska det vara text, skriv det inom citattecken.',
  };
}
