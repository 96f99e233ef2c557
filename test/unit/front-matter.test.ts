import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics.ts';
import { splitSourceFile } from '../../src/content/source-file.ts';

describe('front matter is data, never code', () => {
  it.each(['---js', '---javascript', '---JS', '---JavaScript', '--- js', '---coffee', '---toml'])(
    'refuses %s front matter and never runs it',
    (opener) => {
      (globalThis as Record<string, unknown>).__kommunrapportPwned = false;
      const text = `${opener}\n{ rubrik: (globalThis.__kommunrapportPwned = true, "x") }\n---\nText\n`;
      const diagnostics = new Diagnostics();
      const file = splitSourceFile(text, 'avsnitt.md', diagnostics);
      expect(file).toBeUndefined();
      expect((globalThis as Record<string, unknown>).__kommunrapportPwned).toBe(false);
      expect(diagnostics.errors[0]).toMatchObject({ code: 'front-matter-språk', file: 'avsnitt.md', line: 1 });
      expect(diagnostics.errors[0]!.message).toMatch(/bara YAML läses/);
    },
  );

  it('parses YAML with the core schema: dates and yes/no stay text', () => {
    const diagnostics = new Diagnostics();
    const file = splitSourceFile('---\ndatum: 2023-12-13\nsvar: no\ntal: -1020\n---\nBrödtext\n', 'a.md', diagnostics);
    expect(file?.data).toEqual({ datum: '2023-12-13', svar: 'no', tal: -1020 });
    expect(file?.body.trim()).toBe('Brödtext');
    expect(file?.bodyStartLine).toBe(6);
  });

  it('locates nested keys on their own line', () => {
    const diagnostics = new Diagnostics();
    const file = splitSourceFile('---\nrubrik: A\ndata:\n  - typ: tabell\n    rader:\n      - [1, 2]\n      - [3, x]\n---\n', 'a.md', diagnostics)!;
    expect(file.locate(['data', 0, 'rader', 1, 1])).toEqual({ line: 7, column: 13 });
    expect(file.locate(['data', 0, 'typ'], true)).toEqual({ line: 4, column: 5 });
  });

  it('reports broken YAML with its line, in Swedish', () => {
    const diagnostics = new Diagnostics();
    const file = splitSourceFile('---\nrubrik: A\ndata:\n  - typ: tabell\n   rader: [1\n---\n', 'trasig.md', diagnostics);
    expect(file).toBeUndefined();
    const error = diagnostics.errors[0]!;
    expect(error.code).toBe('yaml-syntax');
    expect(error.message).toMatch(/^YAML-fel/);
    expect(error.line).toBeGreaterThanOrEqual(5);
    expect(error.hint).toMatch(/indrag/);
  });

  it('reports a key written twice', () => {
    const diagnostics = new Diagnostics();
    splitSourceFile('---\nrubrik: A\nrubrik: B\n---\n', 'dubbel.md', diagnostics);
    expect(diagnostics.errors[0]).toMatchObject({ code: 'yaml-syntax', line: 3 });
    expect(diagnostics.errors[0]!.message).toMatch(/samma nyckel/);
  });
});
