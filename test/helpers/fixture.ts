/** Tiny content folders in a temporary directory, for tests of validation and computation. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Diagnostics, type Diagnostic } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import type { Report } from '../../src/model/types.ts';

export const PROFILE = `namn: Provkommun
logotyp: logotyp.svg
färger:
  primär: "#00507A"
  sekundär: "#00766C"
`;

export const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><title>Provkommun</title><rect width="10" height="10" fill="#00507A"/></svg>';

export const INDEX = `---
typ: verksamhetsplan
kommun: prov
nämnd: Provnämnden
titel: Provnämndens verksamhetsplan 2024–2026
period: 2024–2026
status: antagen
antagen: { organ: Provnämnden, datum: 2023-12-13, paragraf: 64 }
---
`;

/** An uppföljning by Vård- och omsorgsnämnden, a draft dated 2025-02-20. */
export const UPPFOLJNING_INDEX = `---
typ: uppföljning
kommun: prov
nämnd: Vård- och omsorgsnämnden
titel: Uppföljning 2024
period: 2024
status: utkast
datum: 2025-02-20
---
`;

/** An årsredovisning by Vård- och omsorgsnämnden, a draft dated 2025-02-20. */
export const ARSREDOVISNING_INDEX = UPPFOLJNING_INDEX.replace('typ: uppföljning', 'typ: årsredovisning').replace('titel: Uppföljning 2024', 'titel: Årsredovisning 2024');

/** Writes a content folder with the profile "prov" and one report "rapport"; `files` are relative to the report folder. */
export function contentFolder(files: Record<string, string>, options: { index?: string } = {}): { root: string; report: string } {
  const root = mkdtempSync(join(tmpdir(), 'kommunrapport-test-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  };
  write(join(root, 'kommuner', 'prov', 'kommun.yaml'), PROFILE);
  write(join(root, 'kommuner', 'prov', 'logotyp.svg'), LOGO);
  const report = join(root, 'rapport');
  write(join(report, 'index.md'), options.index ?? INDEX);
  for (const [name, text] of Object.entries(files)) write(join(report, name), text);
  return { root, report };
}

/** Loads and computes a report made of `files`; returns the model (if error-free) and every diagnostic. */
export function compute(files: Record<string, string>, options: { index?: string } = {}): { report?: Report; diagnostics: Diagnostic[]; errors: Diagnostic[]; dir: string } {
  const { report: dir } = contentFolder(files, options);
  const diagnostics = new Diagnostics();
  const report = loadAndCompute(dir, diagnostics);
  return { report, diagnostics: diagnostics.items, errors: diagnostics.errors, dir };
}

/** The head of an internbudget block (id internbudget, tkr) with the columns Budget 2023, Förändring and Budget 2024, for a list under `data:`. */
export const BUDGET_BLOCK_HEAD = `  - typ: internbudget
    id: internbudget
    enhet: tkr
    kolumner:
      - { id: budget-2023, rubrik: Budget 2023 }
      - { id: forandring, rubrik: Förändring, förändring: { från: budget-2023, till: budget-2024 } }
      - { id: budget-2024, rubrik: Budget 2024 }`;

/** A section file with a front matter block and an optional body. */
export function section(frontMatter: string, body = ''): string {
  return `---\n${frontMatter.trim()}\n---\n${body}`;
}

/** Message text with non-breaking spaces (thousands, "§ 64") as plain spaces, for readable expectations. */
export function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}
