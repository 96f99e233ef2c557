/** Mistakes YAML or the schema used to let through silently, or answered with a puzzling message. */
import { describe, expect, it } from 'vitest';
import { compute, INDEX, section } from '../helpers/fixture.ts';

/** Two målområden in one file; `first`/`second` are the stated ids of their KF-mål and indicators. */
const goals = (first: { kf?: string; ind?: string }, second: { kf?: string; ind?: string }) =>
  section(`
rubrik: Mål
data:
  - typ: målområde
    id: trygghet
    namn: Trygghet
    kf_mål:
      - ${first.kf ? `id: ${first.kf}` : 'beslutat_av: KF'}
        text: Tryggt
        nämndmål:
          - text: Trygg vård
            indikatorer:
              - { ${first.ind ? `id: ${first.ind}, ` : ''}mått: Nöjdhet, målvärden: { 2024: 90 } }
  - typ: målområde
    id: livskvalitet
    namn: Livskvalitet
    kf_mål:
      - ${second.kf ? `id: ${second.kf}` : 'beslutat_av: KF'}
        text: Tryggt
        nämndmål:
          - text: Trygg vård
            indikatorer:
              - { ${second.ind ? `id: ${second.ind}, ` : ''}mått: Nöjdhet, målvärden: { 2024: 90 } }
`);

const drift = (cell: string, enhet = 'tkr') =>
  section(`
rubrik: Ekonomi
data:
  - typ: driftredovisning
    id: drift
    enhet: ${enhet}
    rader:
      - { verksamhet: Hemtjänst, utfall: ${cell}, budget: 9000 }
`);

const tabell = (rows: string) =>
  section(`
rubrik: Volymer
data:
  - typ: tabell
    id: volymer
    rubrik: Volymer
    kolumner: [Verksamhet, { rubrik: Antal, typ: tal }, { rubrik: Andel, typ: procent, decimaler: 1 }]
    rader:
${rows}
`);

describe('a stated id used twice is an error at the second use, naming the first', () => {
  it('KF-mål and indicators: report-wide, with file and line of the first', () => {
    const { errors, report } = compute({ '01-mal.md': goals({ kf: 'kf-trygg', ind: 'ind-nojd' }, { kf: 'kf-trygg', ind: 'ind-nojd' }) });
    expect(report).toBeUndefined();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ code: 'dubblett-id', line: 18, field: 'data[1].kf_mål[0].id' });
    expect(errors[0]!.file).toMatch(/rapport\/01-mal\.md$/);
    expect(errors[0]!.message).toMatch(/^Id "kf-trygg" används redan för KF-målet i \S*rapport\/01-mal\.md:8 \(data\[0\]\.kf_mål\[0\]\)\.$/);
    expect(errors[0]!.hint).toBe('Ge varje mål, indikator och uppdrag ett eget id i rapporten; diagram och jämförelsen mellan versioner hittar dem på id:t.');
    expect(errors[1]).toMatchObject({ code: 'dubblett-id', line: 23, field: 'data[1].kf_mål[0].nämndmål[0].indikatorer[0].id' });
    expect(errors[1]!.message).toMatch(/^Id "ind-nojd" används redan för indikatorn i \S*01-mal\.md:13 \(data\[0\]\.kf_mål\[0\]\.nämndmål\[0\]\.indikatorer\[0\]\)\.$/);
  });

  it('across files', () => {
    const one = goals({ kf: 'kf-trygg' }, {}).replace(/  - typ: målområde\n    id: livskvalitet[\s\S]*$/, '');
    const { errors } = compute({ '01-a.md': one, '02-b.md': one.replace('id: trygghet', 'id: trygghet-2') });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.file).toMatch(/02-b\.md$/);
    expect(errors[0]!.message).toMatch(/används redan för KF-målet i \S*rapport\/01-a\.md:8 /);
  });

  it('ids derived from the text may repeat; they are made unique quietly', () => {
    const { errors, report } = compute({ '01-mal.md': goals({}, {}) });
    expect(errors).toEqual([]);
    expect(report).toBeDefined();
  });

  it('uppdrag in one block', () => {
    const { errors } = compute({
      '01-a.md': section(`
rubrik: Uppdrag
data:
  - typ: uppdrag
    id: uppdrag
    uppdrag:
      - { id: u1, text: Utreda, status: klar }
      - { id: u1, text: Genomföra, status: påbörjad }
`),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'dubblett-id', line: 8, field: 'data[0].uppdrag[1].id' });
    expect(errors[0]!.message).toMatch(/^Id "u1" används redan för uppdraget i \S*01-a\.md:7 \(data\[0\]\.uppdrag\[0\]\)\.$/);
  });

  it('tables across sections, without a follow-on message for the placement', () => {
    const t = section('rubrik: A\ndata:\n  - { typ: tabell, id: t, rubrik: T, kolumner: [A], rader: [[x]] }', '\n[[t]]\n');
    const { errors } = compute({ '01-a.md': t, '02-b.md': t });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'dubblett-id', line: 4, field: 'data[0].id' });
    expect(errors[0]!.file).toMatch(/02-b\.md$/);
    expect(errors[0]!.message).toMatch(/^Id "t" används redan för tabellen i \S*rapport\/01-a\.md:4\.$/);
    expect(errors[0]!.hint).toBe('Ge varje tabell ett eget id; [[id]] i texten och diagrammens "källa" pekar ut tabellen med det.');
  });

  it('columns within their table, once (also in an investeringsbudget)', () => {
    const { errors } = compute({
      '01-a.md': section(`
rubrik: A
data:
  - typ: investeringsbudget
    id: inv
    enhet: tkr
    kolumner:
      - { id: b2024, rubrik: Budget 2024 }
      - { id: b2024, rubrik: Budget 2025 }
    kategorier:
      - { namn: Fastigheter, projekt: [{ namn: Tak, b2024: 100 }] }
`),
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'dubblett-id', line: 9, field: 'data[0].kolumner[1].id', hint: 'Ge varje kolumn i tabellen ett eget id.' });
    expect(errors[0]!.message).toMatch(/^Id "b2024" används redan för kolumnen i \S*01-a\.md:8 \(data\[0\]\.kolumner\[0\]\)\.$/);
  });
});

describe('a dot between thousands is not read as a decimal point in silence', () => {
  it('8.537 in a table of whole tkr', () => {
    const { errors } = compute({ '01-a.md': drift('8.537') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'tusentalspunkt', line: 8, field: 'data[0].rader[0].utfall' });
    expect(errors[0]!.message).toBe('8.537 ser ut som 8 537 skrivet med tusentalspunkt, men läses som 8,537.');
    expect(errors[0]!.hint).toBe('Skriv 8537 eller "8 537" (mellanslag mellan tusentalen); decimaler skrivs med komma inom citattecken, t.ex. "8,5".');
  });

  it('8.500, which YAML reads as 8,5', () => {
    const { errors } = compute({ '01-a.md': drift('-8.500') });
    expect(errors.map((e) => e.message)).toEqual(['-8.500 ser ut som -8 500 skrivet med tusentalspunkt, men läses som -8,5.']);
  });

  it('not in mnkr, where decimals are usual', () => {
    expect(compute({ '01-a.md': drift('8.537', 'mnkr') }).errors).toEqual([]);
  });

  it('"1.234" as text in a number field is ambiguous', () => {
    const { errors } = compute({ '01-a.md': drift('"1.234"', 'mnkr') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'tusentalspunkt', line: 8, field: 'data[0].rader[0].utfall' });
    expect(errors[0]!.message).toBe('"1.234" kan läsas både som 1 234 och som 1,234.');
    expect(errors[0]!.hint).toBe('Skriv 1234 eller "1 234" för 1 234, eller "1,234" om det är ett decimaltal.');
  });

  it('1.234.567 (text to YAML) once, as thousands', () => {
    const { errors } = compute({ '01-a.md': drift('1.234.567') });
    expect(errors.map((e) => e.message)).toEqual(['1.234.567 ser ut som 1 234 567 skrivet med tusentalspunkt.']);
  });

  it('in personnel figures, as a number and as text', () => {
    const { errors } = compute({
      '01-a.md': section(`
rubrik: Personal
data:
  - typ: personalnyckeltal
    id: personal
    år: [2024]
    rader:
      - { mått: Lönekostnader, enhet: tkr, värden: { 2024: 738.163 } }
      - { mått: Anställda, enhet: antal, värden: { 2024: { totalt: "1.227", kvinnor: 1003, män: 224 } } }
`),
    });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['data[0].rader[0].värden.2024', '738.163 ser ut som 738 163 skrivet med tusentalspunkt, men läses som 738,163.'],
      ['data[0].rader[1].värden.2024.totalt', '"1.227" kan läsas både som 1 227 och som 1,227.'],
    ]);
  });

  it('in a tabell: whole-number columns and text in number columns', () => {
    const { errors } = compute({ '01-a.md': tabell('      - [LSS, 1.234, "2.345"]\n      - [SoL, 12, 2.345]') });
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['data[0].rader[0][1]', '1.234 ser ut som 1 234 skrivet med tusentalspunkt, men läses som 1,234.'],
      ['data[0].rader[0][2]', '"2.345" kan läsas både som 2 345 och som 2,345.'],
    ]);
  });
});

describe('a decimal comma outside quotes', () => {
  it('in { } is named, not "Okänd kolumn"', () => {
    const { errors } = compute({ '01-a.md': drift('5,5') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'decimalkomma', line: 8, column: 42, field: 'data[0].rader[0].utfall' });
    expect(errors[0]!.message).toBe('Decimalkomma måste stå inom citattecken: skriv "5,5".');
    expect(errors[0]!.hint).toBe('Inom { } skiljer kommatecknet värdena åt, så 5,5 utan citattecken läses som 5 följt av en nyckel "5". Skriv t.ex. { utfall: "5,5" }.');
  });

  it('with a percent sign, in an indicator\'s outcomes', () => {
    const { errors } = compute({ '01-mal.md': goals({}, {}).replace('målvärden: { 2024: 90 } }', 'målvärden: { 2024: 90 }, utfall: { 2024: 81,6 % } }') });
    expect(errors.map((e) => [e.code, e.line, e.field, e.message])).toEqual([
      ['decimalkomma', 13, 'data[0].kf_mål[0].nämndmål[0].indikatorer[0].utfall.2024', 'Decimalkomma måste stå inom citattecken: skriv "81,6 %".'],
    ]);
  });

  it('in an internbudget row, where it used to say Okänd kolumn "5"', () => {
    const { errors } = compute({
      '01-a.md': section(`
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: tkr
    kolumner: [{ id: budget, rubrik: Budget }]
    kostnader:
      rader:
        - { namn: Nämnd, budget: -1008,5 }
`),
    });
    expect(errors.map((e) => [e.code, e.line, e.field, e.message])).toEqual([
      ['decimalkomma', 10, 'data[0].kostnader.rader[0].budget', 'Decimalkomma måste stå inom citattecken: skriv "-1008,5".'],
    ]);
  });

  it('in a table row [ ], where it makes one cell too many', () => {
    const { errors } = compute({ '01-a.md': tabell('      - [Hemtjänst, 412, 61,5]') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'decimalkomma', line: 9, field: 'data[0].rader[0][2]' });
    expect(errors[0]!.message).toBe('Decimalkomma måste stå inom citattecken: skriv "61,5".');
    expect(errors[0]!.hint).toBe('Inom [ ] skiljer kommatecknet cellerna åt, så 61,5 utan citattecken blir två celler (61 och 5) och raden får 4 celler i stället för 3.');
  });

  it('leaves lists of whole numbers alone', () => {
    expect(compute({ '01-a.md': tabell('      - [Hemtjänst, 412, "61,5"]\n      - [LSS, 12, 7]') }).errors).toEqual([]);
  });
});

describe('an empty field says it is empty', () => {
  it('"paragraf:" with nothing after the colon', () => {
    const index = INDEX.replace(/antagen: \{.*\}/, 'antagen:\n  organ: Provnämnden\n  datum: 2023-12-13\n  paragraf:');
    const { errors } = compute({ '01-a.md': section('rubrik: A') }, { index });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'tomt-fält', line: 11, field: 'antagen.paragraf' });
    expect(errors[0]!.file).toMatch(/index\.md$/);
    expect(errors[0]!.message).toBe('Fältet "paragraf" är tomt.');
    expect(errors[0]!.hint).toMatch(/^Skriv värdet efter kolonet, t\.ex\. "paragraf: 64"/);
  });

  it('an optional field may simply be taken away', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A') }, { index: INDEX.replace('status: antagen', 'status: antagen\nordförande:') });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'tomt-fält', line: 8, field: 'ordförande', message: 'Fältet "ordförande" är tomt.' });
    expect(errors[0]!.hint).toBe('Skriv text efter kolonet, eller ta bort raden "ordförande:" om uppgiften inte ska vara med.');
  });

  it('in a data block, and "" too', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A\ndata:\n  - typ: tabell\n    id: t\n    rubrik: ""\n    kolumner: [A]\n    rader: [[x]]') });
    expect(errors.map((e) => [e.code, e.line, e.field, e.message, e.hint])).toEqual([
      ['tomt-fält', 6, 'data[0].rubrik', 'Fältet "rubrik" är tomt.', 'Skriv värdet efter kolonet, t.ex. "rubrik: Ekonomi".'],
    ]);
  });


  it('a list with nothing under it', () => {
    const { errors } = compute({ '01-a.md': section('rubrik: A\ndata:\n  - typ: tabell\n    id: t\n    rubrik: T\n    kolumner:\n    rader: [[x]]') });
    expect(errors.map((e) => [e.code, e.line, e.field, e.message, e.hint])).toEqual([
      ['tomt-fält', 7, 'data[0].kolumner', 'Fältet "kolumner" är tomt.', 'Skriv posterna på raderna under "kolumner:", var och en indragen och med "- " först.'],
    ]);
  });
});

describe('a tab in the indentation', () => {
  it('gives one message, not the yaml package\'s four', () => {
    const { errors } = compute({ '01-a.md': '---\nrubrik: A\ndata:\n  - typ: tabell\n    id: t\n    kolumner:\n\t  - A\n    rader:\n      - [1]\n---\n' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'tabb-i-indrag', line: 7, column: 1 });
    expect(errors[0]!.message).toBe('Tabbtecken i indraget på rad 7: använd mellanslag.');
    expect(errors[0]!.hint).toMatch(/^YAML tillåter bara mellanslag som indrag\./);
  });

  it('names every line with a tab in one message', () => {
    const { errors } = compute({ '01-a.md': '---\nrubrik: A\ndata:\n\t- typ: tabell\n\t  id: t\n---\n' });
    expect(errors.map((e) => e.message)).toEqual(['Tabbtecken i indraget på raderna 4 och 5: använd mellanslag.']);
  });
});

describe('one build reports every problem of a report', () => {
  const budget = (summa: number) =>
    section(
      `
rubrik: Ekonomi
data:
  - typ: internbudget
    id: internbudget
    enhet: tkr
    kolumner: [{ id: budget, rubrik: Budget }]
    kostnader:
      rader:
        - { namn: Nämnd, budget: -1008 }
        - { namn: Miljö, budget: -168 }
      summa: { rubrik: Summa, budget: ${summa} }
`,
      '\n[[internbudget]]\n',
    );

  it('a schema error in one block and a sum error in another, and no report', () => {
    const { errors, report } = compute({
      '01-volymer.md': tabell('      - [Hemtjänst, 412, "61,5"]').replace('    kolumner:', '    nott: Källa SCB\n    kolumner:'),
      '02-ekonomi.md': budget(-1170),
    });
    expect(report).toBeUndefined();
    expect(errors.map((e) => [e.code, e.file.replace(/.*\//, ''), e.field])).toEqual([
      ['okänd-nyckel', '01-volymer.md', 'data[0].nott'],
      ['summa-stämmer-inte', '02-ekonomi.md', 'data[0].kostnader.summa.budget'],
    ]);
  });

  it('a block left out for its errors brings no further messages from its placement or its chart', () => {
    const chart = section('rubrik: Diagram\ndata:\n  - { typ: diagram, id: budgetdiagram, rubrik: Budget, diagramtyp: budget, källa: internbudget }', '\n[[budgetdiagram]]\n');
    const { errors } = compute({
      '01-ekonomi.md': budget(-1176).replace('enhet: tkr', 'enhet: kr'),
      '02-diagram.md': chart,
    });
    expect(errors.map((e) => [e.code, e.field])).toEqual([['ogiltigt-värde', 'data[0].enhet']]);
  });
});
