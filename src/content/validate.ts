import type { z } from 'zod';
import { formatPath, type Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { isRecord, nearest } from './schema-helpers.ts';
import { fixHint } from './fix-hints.ts';

type Path = (string | number)[];

/**
 * Checks `value` against `schema` and turns every problem into a Swedish
 * diagnostic located at the offending key in the source file. Returns the
 * parsed value, or undefined when there were errors (all of them reported).
 */
export function check<S extends z.ZodType>(
  schema: S,
  value: unknown,
  source: SourceFile,
  basePath: Path,
  diagnostics: Diagnostics,
): z.output<S> | undefined {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues.flatMap(throughUnion)) {
    if (emptyField(issue, value, schema, source, basePath, diagnostics)) continue;
    reportIssue(issue, source, basePath, diagnostics);
  }
  return undefined;
}

/** Examples for fields that authors leave empty, shown in the hint. */
const emptyExamples: Record<string, string> = {
  paragraf: '64',
  datum: '2023-12-13',
  organ: 'Vård- och omsorgsnämnden',
  id: 'internbudget',
  rubrik: 'Ekonomi',
  typ: 'internbudget',
  status: 'antagen',
  period: '2024',
};

/**
 * A key written with nothing after the colon ("paragraf:") is read as null, and
 * the schema's own complaint ("expected a number, received null") does not say
 * what happened. Reports "the field is empty" instead, with how to fill it in and,
 * when the field may be left out, that the line can go. True when reported.
 */
function emptyField(issue: z.core.$ZodIssue, root: unknown, schema: z.ZodType, source: SourceFile, basePath: Path, diagnostics: Diagnostics): boolean {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union' && issue.code !== 'too_small') return false;
  const path = issue.path as Path;
  const key = path[path.length - 1];
  if (typeof key !== 'string') return false;
  const parent = valueAt(root, path.slice(0, -1));
  if (!isRecord(parent) || !Object.hasOwn(parent, key)) return false;
  const value = parent[key];
  if (value !== null && !(typeof value === 'string' && value.trim() === '')) return false;
  // May the key be left out? Ask the schema again without it.
  const without = structuredClone(root);
  delete (valueAt(without, path.slice(0, -1)) as Record<string, unknown>)[key];
  const again = schema.safeParse(without);
  const optional = again.success || !again.error.issues.some((i) => samePath(i.path as Path, path));
  const example = emptyExamples[key];
  const expected = issue.code === 'invalid_type' ? typeNames[issue.expected] : issue.code === 'too_small' && issue.origin === 'string' ? 'text' : undefined;
  reportAt(
    diagnostics,
    source,
    [...basePath, ...path],
    'tomt-fält',
    `Fältet "${key}" är tomt.|${
      example
        ? `Skriv värdet efter kolonet, t.ex. "${key}: ${example}"`
        : issue.code === 'invalid_type' && issue.expected === 'array'
          ? `Skriv posterna på raderna under "${key}:", var och en indragen och med "- " först`
          : issue.code === 'invalid_type' && issue.expected === 'object'
            ? `Skriv nycklarna indragna på raderna under "${key}:"`
            : `Skriv ${expected ?? 'ett värde'} efter kolonet`
    }${
      optional ? `, eller ta bort raden "${key}:" om uppgiften inte ska vara med` : ''
    }.`,
  );
  return true;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((p, i) => String(p) === String(b[i]));
}

/**
 * A value that fails every form of a union ("one decision, or a list of them") is reported by the form it
 * has: when exactly one form failed only inside the value, its own problems are reported, at their place.
 */
function throughUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const inside = issue.errors.filter((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
  if (inside.length !== 1) return [issue];
  return inside[0]!.flatMap((inner) => throughUnion({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/** Reports one problem at `path` in `source`, located at the key (or its nearest existing ancestor). */
export function reportAt(
  diagnostics: Diagnostics,
  source: SourceFile,
  path: Path,
  code: string,
  messageAndHint: string,
  severity: 'fel' | 'varning' | 'notering' = 'fel',
): void {
  const [message, hint] = splitHint(messageAndHint);
  const cell = source.cellAt?.(path);
  const pos = cell ? undefined : source.locate(path);
  diagnostics.add({
    severity,
    code,
    file: cell?.file ?? source.displayPath,
    ...(cell?.where ? { cell: cell.where } : {}),
    line: pos?.line,
    column: pos?.column,
    field: formatPath(path),
    message,
    hint,
  });
}

function splitHint(text: string): [string, string | undefined] {
  const i = text.indexOf('|');
  return i === -1 ? [text, undefined] : [text.slice(0, i), text.slice(i + 1)];
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'ett tal',
  int: 'ett heltal',
  boolean: 'ja eller nej (true/false)',
  array: 'en lista (rader som börjar med "- ")',
  object: 'en samling nycklar ("nyckel: värde")',
  date: 'ett datum',
};

export function describeInput(input: unknown): string {
  if (input === null) return 'ett tomt värde';
  if (Array.isArray(input)) return 'en lista';
  switch (typeof input) {
    case 'string':
      return `texten "${input.length > 60 ? `${input.slice(0, 57)}…` : input}"`;
    case 'number':
      return `talet ${input}`;
    case 'boolean':
      return input ? 'true' : 'false';
    case 'object':
      return 'en samling nycklar';
    default:
      return 'ingenting';
  }
}

/** Hints for values that may take several shapes, keyed by the field name. */
const shapeHints: Record<string, string> = {
  ingångsvärde:
    'Skriv t.ex. "41", "64 %", "Nytt värde", "{ värde: 41, period: jan–nov 2023 }" eller "{ grupper: [{ grupp: Hemtjänst, värde: 57 %, period: 2023 }] }".',
  jämförelsevärde:
    'Skriv t.ex. "35 731", "{ värde: 35731, period: jan–okt 2023 }" eller en text.',
  målvärden:
    'Skriv t.ex. "2024: 45 %", "2024: \'>25\'", "2024: Öka" eller "2024: { grupper: { Hemtjänst: 60 %, LSS: 70 % } }".',
  kolumner: 'Skriv en rubrik ("- Mått") eller "- { rubrik: Antal, typ: tal }".',
};

function withHint(text: string, message: string, input: unknown, field: string): string {
  const hint = fixHint(message, input, field);
  return hint ? `${text}|${hint}` : text;
}

function reportIssue(issue: z.core.$ZodIssue, source: SourceFile, basePath: Path, diagnostics: Diagnostics): void {
  const path: Path = [...basePath, ...(issue.path as Path)];
  const input = (issue as { input?: unknown }).input;
  const fieldName = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';

  switch (issue.code) {
    case 'unrecognized_keys': {
      const messages = issue.message.split('\n');
      issue.keys.forEach((key, i) => {
        const keyPath = [...path, key];
        const [message, hint] = splitHint(messages[i] ?? `Okänd nyckel "${key}".`);
        const pos = source.locate(keyPath, true);
        diagnostics.error({
          code: 'okänd-nyckel',
          file: source.displayPath,
          line: pos?.line,
          column: pos?.column,
          field: formatPath(keyPath),
          message,
          hint,
        });
      });
      return;
    }
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      if (input === undefined) {
        reportAt(
          diagnostics,
          source,
          path,
          'fält-saknas',
          `Fältet "${fieldName}" saknas; det ska vara ${expected}.|Lägg till "${fieldName}: …" på den här nivån.`,
        );
      } else {
        reportAt(
          diagnostics,
          source,
          path,
          'fel-typ',
          `Förväntade ${expected} i "${fieldName}", men fick ${describeInput(input)}.|${
            issue.expected === 'number'
              ? 'Skriv talet utan enhet, med eller utan mellanslag som tusentalsavgränsare, t.ex. -1020 eller "-1 020"; lämna en tom cell tom.'
              : `Ändra värdet till ${expected}.`
          }`,
        );
      }
      return;
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => `"${String(v)}"`).join(', ');
      const suggestion = typeof input === 'string' ? nearest(input, issue.values.map(String)) : undefined;
      reportAt(
        diagnostics,
        source,
        path,
        'ogiltigt-värde',
        `Ogiltigt värde i "${fieldName}": ${describeInput(input)}.${suggestion ? ` Menade du "${suggestion}"?` : ''}|Tillåtna värden: ${allowed}.`,
      );
      return;
    }
    case 'too_small': {
      const message =
        issue.origin === 'array'
          ? `"${fieldName}" behöver minst ${String(issue.minimum)} ${issue.minimum === 1 ? 'post' : 'poster'}.|Lägg till en rad som börjar med "- ".`
          : issue.origin === 'string'
            ? `"${fieldName}" får inte vara tomt.|Skriv en text eller ta bort nyckeln.`
            : `Värdet i "${fieldName}" är för litet (minst ${String(issue.minimum)}).`;
      reportAt(diagnostics, source, path, 'för-litet', message);
      return;
    }
    case 'too_big':
      reportAt(diagnostics, source, path, 'för-stort', `Värdet i "${fieldName}" är för stort (högst ${String(issue.maximum)}).`);
      return;
    case 'invalid_union': {
      const hint = shapeHints[fieldName] ?? shapeHints[String(path[path.length - 2] ?? '')];
      reportAt(
        diagnostics,
        source,
        path,
        'fel-form',
        `Värdet i "${fieldName}" har en form som inte kan läsas: ${describeInput(input)}.${hint ? `|${hint}` : ''}`,
      );
      return;
    }
    case 'invalid_key':
    case 'invalid_element':
      for (const inner of issue.issues) reportIssue(inner, source, path, diagnostics);
      return;
    case 'custom':
      // Messages written for authors carry their own hint after "|" and name what they check.
      if (issue.message.includes('|')) {
        // What was given goes with the message, before the hint, unless the message quotes it already.
        const [message, hint] = splitHint(issue.message);
        const scalar = input !== undefined && (input === null || typeof input !== 'object');
        const given = scalar && !message.includes(String(input)) ? ` (fick ${describeInput(input)})` : '';
        reportAt(diagnostics, source, path, String((issue.params as { code?: unknown } | undefined)?.code ?? 'ogiltigt-värde'), `${message}${given}|${hint}`);
        return;
      }
      reportAt(diagnostics, source, path, 'ogiltigt-värde', withHint(`${issue.message}${input !== undefined && typeof input !== 'object' ? ` (fick ${describeInput(input)})` : ''}`, issue.message, input, fieldName));
      return;
    default:
      reportAt(diagnostics, source, path, 'ogiltigt-värde', withHint(`${issue.message}${input !== undefined ? ` (fick ${describeInput(input)})` : ''}`, issue.message, input, fieldName));
  }
}
