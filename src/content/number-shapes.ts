/**
 * Numbers that YAML reads without complaint but not as the author meant them:
 * `8.537` in a table of whole tkr (read as eight point five three seven, meant
 * as 8 537), and `- [Hemtjänst, 412, 61,5]` (the comma splits 61,5 into two
 * cells). Checked on the raw front matter with the source text of each value,
 * so that they are found in the same run as every other problem of the block.
 */
import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { thousandsDot, thousandsDotMessage, isRecord } from './schema-helpers.ts';
import { reportAt } from './validate.ts';
import { numberProblem } from './yaml-limits.ts';
import { parseSwedishNumber } from '../format/swedish.ts';

type Path = (string | number)[];
type Raw = Record<string, unknown>;

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Paths (inside the block) of the cells that hold whole numbers: amounts in tkr, counts. */
function integerCells(block: Raw): Path[] {
  const keysOf = (row: unknown, skip: string[]) => (isRecord(row) ? Object.keys(row).filter((k) => !skip.includes(k)) : []);
  const cells = (row: unknown, path: Path, skip: string[]) => keysOf(row, skip).map((k) => [...path, k]);
  const tkr = block.enhet === 'tkr';
  switch (block.typ) {
    case 'internbudget':
      if (!tkr) return [];
      return ['nettokostnad', 'intäkter', 'kostnader'].flatMap((part) => {
        const p = block[part];
        if (!isRecord(p)) return [];
        return [
          ...list(p.rader).flatMap((row, i) => cells(row, [part, 'rader', i], ['kod', 'namn', 'delsumma'])),
          ...cells(p.summa, [part, 'summa'], ['rubrik']),
        ];
      });
    case 'investeringsbudget':
      if (!tkr) return [];
      return [
        ...list(block.kategorier).flatMap((cat, ci) => (isRecord(cat) ? list(cat.projekt).flatMap((row, pi) => cells(row, ['kategorier', ci, 'projekt', pi], ['namn'])) : [])),
        ...cells(block.totalt, ['totalt'], ['rubrik']),
      ];
    case 'driftredovisning':
      if (!tkr) return [];
      return [...list(block.rader).flatMap((row, i) => cells(row, ['rader', i], ['verksamhet'])), ...cells(block.summa, ['summa'], ['rubrik'])];
    case 'investeringsredovisning':
      if (!tkr) return [];
      return [...list(block.projekt).flatMap((row, i) => cells(row, ['projekt', i], ['nummer', 'namn', 'färdigställs'])), ...cells(block.summa, ['summa'], ['rubrik'])];
    case 'personalnyckeltal':
      return list(block.rader).flatMap((row, i) => {
        if (!isRecord(row) || !(row.enhet === 'tkr' || row.enhet === 'antal') || (row.decimaler ?? 0) !== 0 || !isRecord(row.värden)) return [];
        return Object.entries(row.värden).flatMap(([year, v]) =>
          isRecord(v) ? Object.keys(v).map((k) => ['rader', i, 'värden', year, k]) : [['rader', i, 'värden', year]],
        );
      });
    case 'tabell': {
      const whole = numericColumns(block).filter((c) => c.decimaler === 0).map((c) => c.index);
      return list(block.rader).flatMap((row, ri) => list(row).flatMap((_cell, ci) => (whole.includes(ci) ? [['rader', ri, ci]] : [])));
    }
    default:
      return [];
  }
}

/** The columns of a tabell that hold numbers, with their decimals (a column written as plain text is text). */
function numericColumns(block: Raw): { index: number; decimaler: number }[] {
  return list(block.kolumner).flatMap((c, index) =>
    isRecord(c) && (c.typ === 'tal' || c.typ === 'belopp' || c.typ === 'procent') ? [{ index, decimaler: typeof c.decimaler === 'number' ? c.decimaler : 0 }] : [],
  );
}

export function checkNumberShapes(block: Raw, source: SourceFile, blockPath: Path, diagnostics: Diagnostics): void {
  // 8.537 where whole numbers belong: a thousands dot, read by YAML as a decimal point.
  for (const cell of integerCells(block)) {
    const path = [...blockPath, ...cell];
    const written = source.scalarAt(path);
    // Only where YAML made a number of it: "1.234.567" stays text and is refused by the schema.
    const read = valueAt(block, cell);
    if (written && !written.quoted && typeof read === 'number' && thousandsDot.test(written.text)) {
      reportAt(diagnostics, source, path, 'tusentalspunkt', thousandsDotMessage(written.text, false, read));
    }
    // Personnel figures are number or text, so the schema lets "1.234" through as text.
    if (block.typ === 'personalnyckeltal' && typeof read === 'string' && thousandsDot.test(read.trim())) {
      reportAt(diagnostics, source, path, 'tusentalspunkt', thousandsDotMessage(read.trim(), true));
    }
  }
  if (block.typ !== 'tabell') return;
  const columns = list(block.kolumner).length;
  const numeric = numericColumns(block).map((c) => c.index);
  list(block.rader).forEach((row, ri) => {
    const cells = list(row);
    // "1.234" as text in a column of numbers: thousands or decimals? (Other tables refuse it in the schema.)
    cells.forEach((cell, ci) => {
      if (numeric.includes(ci) && typeof cell === 'string' && thousandsDot.test(cell.trim())) {
        reportAt(diagnostics, source, [...blockPath, 'rader', ri, ci], 'tusentalspunkt', thousandsDotMessage(cell.trim(), true));
      }
      // "123 456 789 012 345 678" as text in a column of numbers: read as a number, it would be rounded.
      const read = numeric.includes(ci) && typeof cell === 'string' ? parseSwedishNumber(cell.replace(/\s*%$/, '')) : undefined;
      const problem = read === undefined ? undefined : numberProblem(cell as string, read);
      if (problem) reportAt(diagnostics, source, [...blockPath, 'rader', ri, ci], 'för-stort-tal', `${problem.message}|${problem.hint}`);
    });
    // [Hemtjänst, 412, 61,5]: a decimal comma outside quotes splits the number into two cells.
    if (columns === 0 || cells.length <= columns) return;
    for (let ci = 0; ci + 1 < cells.length; ci++) {
      const a = source.scalarAt([...blockPath, 'rader', ri, ci]);
      const b = source.scalarAt([...blockPath, 'rader', ri, ci + 1]);
      if (!a || !b || a.quoted || b.quoted || !/^-?\d[\d ]*$/.test(a.text) || !/^\d+$/.test(b.text)) continue;
      if (source.yamlText(a.end, b.start) !== ',') continue;
      const written = `${a.text},${b.text}`;
      reportAt(
        diagnostics,
        source,
        [...blockPath, 'rader', ri, ci],
        'decimalkomma',
        `Decimalkomma måste stå inom citattecken: skriv "${written}".|Inom [ ] skiljer kommatecknet cellerna åt, så ${written} utan citattecken blir två celler (${a.text} och ${b.text}) och raden får ${cells.length} celler i stället för ${columns}.`,
      );
      return;
    }
  });
}

function valueAt(block: Raw, path: Path): unknown {
  let v: unknown = block;
  for (const part of path) v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[part] : undefined;
  return v;
}
