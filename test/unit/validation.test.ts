import { describe, expect, it } from 'vitest';
import { BUDGET_BLOCK_HEAD, compute, INDEX, section } from '../helpers/fixture.ts';

const budget = (rows: string, summa = '') =>
  section(`
rubrik: Ekonomi
data:
${BUDGET_BLOCK_HEAD}
    kostnader:
      rader:
${rows}
${summa}
`);

describe('schema errors name the file, the line, the field and what to do', () => {
  it('suggests the nearest key for a misspelt one, at its own line', () => {
    const { errors } = compute({ '01-a.md': section('rubrk: Inledning') });
    expect(errors).toHaveLength(2);
    const unknown = errors.find((e) => e.code === 'okänd-nyckel')!;
    expect(unknown.message).toBe('Okänd nyckel "rubrk". Menade du "rubrik"?');
    expect(unknown.file).toMatch(/rapport\/01-a\.md$/);
    expect(unknown.line).toBe(2);
    expect(unknown.field).toBe('rubrk');
    expect(errors.find((e) => e.code === 'fält-saknas')!.message).toMatch(/Fältet "rubrik" saknas/);
  });

  it('points at a nested key deep in a table, not at the top of the file', () => {
    const { errors } = compute({
      '01-a.md': budget('        - { kod: 11, namn: Nämnd, budget-2023: -1008, budget-2024: -1052 }\n        - { kod: 27, namn: Miljö, budget-2023: -168, budgte-2024: -220 }'),
    });
    const e = errors.find((x) => x.code === 'okänd-kolumn')!;
    expect(e.message).toBe('Okänd kolumn "budgte-2024". Menade du "budget-2024"?');
    expect(e.line).toBe(14);
    expect(e.field).toBe('data[0].kostnader.rader[1].budgte-2024');
  });

  it('says "expected a number" when text stands where a number belongs', () => {
    const { errors } = compute({ '01-a.md': budget('        - { kod: 11, namn: Nämnd, budget-2023: -1008, budget-2024: "ett tusen" }') });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('Förväntade ett tal i "budget-2024", men fick texten "ett tusen".');
    expect(errors[0]!.line).toBe(13);
    expect(errors[0]!.hint).toMatch(/-1 020/);
  });

  it('accepts numbers typed the Swedish way', () => {
    const { errors, report } = compute({ '01-a.md': budget('        - { kod: 11, namn: Nämnd, budget-2023: "-1 008", budget-2024: "−1 052" }') });
    expect(errors).toEqual([]);
    expect(report).toBeDefined();
  });

  it('reports every problem in one run, across files', () => {
    const { errors } = compute({
      '01-a.md': section('rubrik: A\nokänd: 1'),
      '02-b.md': section('rubrik: B\ndata:\n  - typ: internbudgt\n    id: x'),
      '03-c.md': '---\nrubrik: [\n---\n',
    });
    expect(errors.map((e) => e.code).sort()).toEqual(['okänd-nyckel', 'okänd-typ', 'yaml-syntax']);
    expect(errors.find((e) => e.code === 'okänd-typ')!.message).toBe('Okänd tabelltyp "internbudgt". Menade du "internbudget"?');
    expect(errors.find((e) => e.code === 'okänd-typ')!.line).toBe(4);
  });

  it('names the allowed values of an enumeration', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A') }, { index: INDEX.replace('status: antagen', 'status: antagn') });
    expect(errors[0]!.message).toBe('Ogiltigt värde i "status": texten "antagn". Menade du "antagen"?');
    expect(errors[0]!.hint).toBe('Tillåtna värden: "utkast", "antagen".');
    expect(errors[0]!.line).toBe(7);
    expect(errors[0]!.file).toMatch(/index\.md$/);
  });

  it('asks for the adoption of an adopted report', () => {
    const index = INDEX.replace(/antagen: \{.*\}\n/, '');
    const { errors } = compute({ '01-a.md': section('rubrik: A') }, { index });
    expect(errors[0]!.message).toMatch(/En antagen rapport behöver uppgiften "antagen"/);
  });

  it('reports a missing municipality profile with the ones available', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A') }, { index: INDEX.replace('kommun: prov', 'kommun: prv') });
    expect(errors[0]!.code).toBe('kommun-saknas');
    expect(errors[0]!.message).toMatch(/Kommunprofilen "prv" finns inte .* Menade du "prov"\?/);
    expect(errors[0]!.line).toBe(3);
  });

  it('reports a placement of a table that does not exist, with its line', () => {
    const { errors } = compute({ '01-a.md': budget('        - { kod: 11, namn: Nämnd, budget-2023: 1, budget-2024: 2 }').replace(/---\n$/, '---\nText.\n\n[[internbudge]]\n') });
    expect(errors[0]!.code).toBe('placering');
    expect(errors[0]!.message).toBe('Det finns ingen tabell med id "internbudge" i avsnittets "data". Menade du "internbudget"?');
    expect(errors[0]!.line).toBe(17);
  });

  it('refuses a level-1 heading in the body', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A', '\n# Fel nivå\n') });
    expect(errors[0]).toMatchObject({ code: 'rubriknivå', line: 5 });
  });

  it('refuses an image outside the report folder and one without alt text', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A', '\n![](bild.png)\n\n![Karta](../../hemlig.png)\n') });
    expect(errors.map((e) => e.message)).toEqual([
      'Bilden "bild.png" saknar alternativtext.',
      'Bilden "../../hemlig.png" pekar utanför rapportmappen.',
    ]);
  });

  it('refuses a logo with a script', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { contentFolder } = await import('../helpers/fixture.ts');
    const { loadAndCompute } = await import('../../src/model/build-model.ts');
    const { Diagnostics } = await import('../../src/diagnostics.ts');
    const { root, report } = contentFolder({ '01-a.md': section('rubrik: A') });
    writeFileSync(join(root, 'kommuner', 'prov', 'logotyp.svg'), '<svg><script>alert(1)</script></svg>');
    const d = new Diagnostics();
    loadAndCompute(report, d);
    expect(d.errors[0]!.code).toBe('osäker-svg');
  });
});

describe('colour contrast of the profile', () => {
  it('refuses text colours under 4.5:1 and says by how much', async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { contentFolder, PROFILE } = await import('../helpers/fixture.ts');
    const { loadAndCompute } = await import('../../src/model/build-model.ts');
    const { Diagnostics } = await import('../../src/diagnostics.ts');
    const { root, report } = contentFolder({ '01-a.md': section('rubrik: A') });
    writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), PROFILE.replace('"#00507A"', '"#7FB2D0"'));
    const d = new Diagnostics();
    expect(loadAndCompute(report, d)).toBeUndefined();
    expect(d.errors[0]).toMatchObject({ code: 'kontrast', field: 'färger.primär', line: 4 });
    expect(d.errors[0]!.message).toBe('Färgen #7FB2D0 har kontrasten 2,3:1 mot vit bakgrund (rubriker och tabellrubriker); minst 4,5:1 krävs för text (WCAG 2.1 AA).');
  });

  it('computes WCAG contrast', async () => {
    const { contrastRatio } = await import('../../src/content/contrast.ts');
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 1);
  });
});
