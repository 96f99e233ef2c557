/**
 * End to end: two plans of municipalities the examples do not have, written only from the README
 * (test/fixtures/falt). Every expectation below was checked by hand against the README's rules; the
 * arithmetic is in the comments. What the tool gets wrong or cannot express is not asserted here
 * (see the it.todo entries at the end of each block).
 *
 * 1. Söderviks kommun, kultur- och fritidsnämndens Verksamhetsplan 2025: net cost printed positive in
 *    mnkr, a budget chart from it, a two-step ramförändring, KF-mål with nämndmål beside a KF-mål with
 *    "kontorets indikatorer" directly under it, the labels Indikator / Ingående värde / Riktvärde,
 *    targets and baselines as written, målår 2025–2027, two decisions (one without §), numbered headings.
 * 2. Ängsbro kommun, socialnämndens uppföljning 2024 under the poäng rule with bibehållet_räknas:
 *    word targets, an indicator without outcome, goals directly under a målområde, a måltabell of
 *    övergripande mål naming their målområde, bedömningar on two levels, the municipality's status words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildResult } from '../../src/build.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { countSentences, tableViews, viewContext } from '../../src/render/views/table-view.ts';
import type { Bedömningar, Block, Diagram, Indicator, Internbudget, Målområde, Måltabell, Ramförändring, Report } from '../../src/model/types.ts';

const ROOT = 'test/fixtures/falt';
const PLAN = 'soderviken-kfn-verksamhetsplan-2025';
const UPPF = 'angsbro-son-uppfoljning-2024';

let result: BuildResult;
let outDir: string;
let plan: Report;
let uppf: Report;
let planReview: string;
let uppfReview: string;

const blocks = (r: Report): Block[] => r.sections.flatMap((s) => s.blocks);
const block = <K extends Block['kind']>(r: Report, kind: K, id: string) =>
  blocks(r).find((b) => b.kind === kind && 'id' in b && b.id === id) as Extract<Block, { kind: K }>;
const indicators = (r: Report): Indicator[] =>
  blocks(r).flatMap((b) =>
    b.kind === 'målområde'
      ? [...b.kfMål.flatMap((k) => [...k.indikatorer, ...k.nämndmål.flatMap((n) => n.indikatorer)]), ...b.mål.flatMap((g) => g.indikatorer)]
      : b.kind === 'måltabell'
        ? b.mål.flatMap((g) => g.indikatorer)
        : [],
  );
const ind = (r: Report, id: string) => indicators(r).find((i) => i.id === id)!;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kommunrapport-falt-'));
  result = await build({ contentDir: ROOT, outDir, reports: [PLAN, UPPF] });
  plan = loadAndCompute(join(ROOT, PLAN), new Diagnostics())!;
  uppf = loadAndCompute(join(ROOT, UPPF), new Diagnostics())!;
  planReview = readFileSync(join(outDir, `${PLAN}.granskning.txt`), 'utf8');
  uppfReview = readFileSync(join(outDir, `${UPPF}.granskning.txt`), 'utf8');
});

describe('the falt fixture root', () => {
  it('builds both reports with no errors and no warnings', () => {
    expect(result.diagnostics.filter((d) => d.severity !== 'notering')).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.reports).toHaveLength(2);
  });

  it('gives only the two documented notes: baselines "3/5" and "Nej" are not numbers', () => {
    const notes = result.diagnostics.filter((d) => d.severity === 'notering');
    expect(notes.map((d) => d.code)).toEqual(['ingångsvärde-text', 'ingångsvärde-text']);
    expect(notes.map((d) => d.message).join('\n')).toMatch(/"3\/5" är inget tal[\s\S]*"Nej" är inget tal/);
  });
});

describe('Söderviks kommun, Verksamhetsplan 2025 (kultur- och fritidsnämnden)', () => {
  it('is adopted in two decisions, the second without a known §; the later date is the document date', () => {
    expect(plan.meta.antagen).toEqual([
      { organ: 'Kultur- och fritidsnämnden', datum: '2024-11-20', paragraf: '112' },
      { organ: 'Kultur- och fritidsnämnden', datum: '2025-01-22' },
    ]);
    expect(plan.meta.datum).toBe('2025-01-22');
    // No placeholder for the unknown §.
    expect(planReview).toContain('Status: Antagen av kultur- och fritidsnämnden 2024-11-20, § 112 och 2025-01-22\n');
    expect(planReview).toContain('Kontorschef: Johan Exempel');
  });

  it('is a one-year plan with riktvärden for 2025–2027 (målår)', () => {
    expect(plan.meta.period).toEqual({ från: 2025, till: 2025 });
    for (const id of ['trygg-och-inkluderande', 'hallbar-kommun']) expect(block(plan, 'målområde', id).målår).toEqual(['2025', '2026', '2027']);
    expect(planReview).toContain('| Riktvärde 2025 | Riktvärde 2026 | Riktvärde 2027');
    // A plan without outcomes gets no assessment.
    expect(plan.bedömning.used).toBe(false);
    expect(indicators(plan).every((i) => i.bedömning === undefined)).toBe(true);
  });

  it('numbers the headings from the profile', () => {
    expect(planReview).toContain('== 1 Inledning');
    expect(planReview).toContain('### 1.1.1 Verksamhetsidé');
    expect(planReview).toContain('== 2 Ekonomi');
    expect(planReview).toContain('## 2.2 Ramförändring');
    expect(planReview).toContain('## 3.1 Kommunfullmäktiges mål');
  });

  it('prints net cost positive in mnkr: nettokostnad = −(intäkter + kostnader) on every row and sum', () => {
    const ib = block(plan, 'internbudget', 'internbudget') as Internbudget;
    expect(ib.tecken).toBe('positiv'); // from kommun.yaml
    expect(ib.enhet).toBe('mnkr');
    const part = (k: string) => ib.parts.find((p) => p.kind === k)!;
    const net = part('nettokostnad');
    const inc = part('intäkter');
    const cost = part('kostnader');
    for (const col of ['budget-2024', 'forandring', 'budget-2025']) {
      net.rows.forEach((row, i) => {
        expect(row.values[col]!.value!, `${row.namn} ${col}`).toBeCloseTo(-(inc.rows[i]!.values[col]!.value! + cost.rows[i]!.values[col]!.value!), 6);
      });
    }
    // S:a: 201,7 = −(36,1 − 237,8); 194,1 = −(34,9 − 229,0); förändring 7,6 = 201,7 − 194,1.
    expect(net.summa.values['budget-2025']!.value).toBeCloseTo(201.7, 6);
    expect(net.summa.values['budget-2024']!.value).toBeCloseTo(194.1, 6);
    expect(net.summa.values['forandring']!.value).toBeCloseTo(7.6, 6);
    expect(planReview).toContain('internbudget | tecken: nettokostnad = −(intäkter + kostnader), nettokostnaden positiv (nettokostnad_tecken: positiv)');
    expect(planReview).toContain('internbudget | Summa nettokostnad (summa) | Budget 2024: 194,1 | Förändring: 7,6 | Budget 2025: 201,7');
    // Kulturskola 33,6 = −(6,5 − 40,1); one decimal, also for 0,0 and −47,0.
    expect(planReview).toContain('internbudget | NETTOKOSTNAD › Kulturskola | Budget 2024: 32,2 | Förändring: 1,4 | Budget 2025: 33,6');
    expect(planReview).toContain('internbudget | INTÄKTER › Bibliotek | Budget 2024: 2,1 | Förändring: 0,0 | Budget 2025: 2,1');
    expect(planReview).toContain('internbudget | KOSTNADER › Bibliotek | Budget 2024: −45,6 | Förändring: −1,4 | Budget 2025: −47,0');
    expect(planReview).toContain('internbudget | INTÄKTER › Fritidsgårdar | Budget 2024: 1,5 | Förändring: −0,3 | Budget 2025: 1,2');
  });

  it('draws the budget chart with the table\'s sign: positive bars equal to the net cost rows', () => {
    const d = block(plan, 'diagram', 'budget-per-verksamhet') as Diagram;
    expect(d.kategorier).toEqual(['Kulturskola', 'Bibliotek', 'Fritidsgårdar', 'Idrott och anläggningar', 'Nämnd och administration']);
    const s = (n: string) => d.serier.find((x) => x.namn === n)!.värden;
    expect(s('Budget 2024')).toEqual([32.2, 43.5, 28.3, 71.6, 18.5]);
    expect(s('Budget 2025')).toEqual([33.6, 44.9, 30.1, 73.9, 19.2]);
    // 201,7 − 194,1 = 7,6: an increase, as positive net cost.
    expect(planReview).toContain('Totalt Budget 2025: 201,7 mnkr, en kostnadsökning med 7,6 mnkr mot Budget 2024.');
    expect(planReview).toContain('budget-per-verksamhet-data | Summa nettokostnad (summa) | Budget 2024: 194,1 | Budget 2025: 201,7');
  });

  it('checks the ramförändring over two steps and computes the second ram', () => {
    const rf = block(plan, 'ramförändring', 'ramforandring') as Ramförändring;
    const ram = (text: string) => rf.rows.find((r) => r.text === text)!.values['belopp']!;
    // Ram 2025 stated and checked: 194,1 + 6,8 + 1,5 − 0,7 = 201,7.
    expect(ram('Ram 2025')).toMatchObject({ computed: false, value: 201.7 });
    // Ram 2026 computed from Ram 2025: 201,7 + 6,1 − 1,0 = 206,8.
    expect(ram('Ram 2026').computed).toBe(true);
    expect(ram('Ram 2026').value).toBeCloseTo(206.8, 6);
    expect(planReview).toContain('ramforandring | Budgetram 2024 (delsumma) | Belopp (mnkr): 194,1');
    expect(planReview).toContain('ramforandring | Effektiviseringskrav | Belopp (mnkr): −0,7');
    expect(planReview).toContain('ramforandring | Ram 2025 (summa) | Belopp (mnkr): 201,7');
    expect(planReview).toContain('ramforandring | Ram 2026 (summa) | Belopp (mnkr): 206,8');
  });

  it('keeps the goal levels as written: KF-mål with nämndmål beside a KF-mål with its own indicators', () => {
    const mo = block(plan, 'målområde', 'trygg-och-inkluderande') as Målområde;
    const [withNämndmål, direct] = mo.kfMål;
    expect(withNämndmål!.nämndmål.map((n) => n.id)).toEqual(['fler-deltar', 'tryggare-verksamheter']);
    expect(withNämndmål!.indikatorer).toEqual([]);
    expect(direct!.nämndmål).toEqual([]);
    expect(direct!.indikatorer.map((i) => i.id)).toEqual(['betyg-anlaggningar', 'utvecklingsprojekt', 'nojda-oppettider']);
    expect(mo.mål).toEqual([]);
    // Indicators directly under the KF-mål stand one level in, under the KF-mål, in the review's goal list.
    expect(planReview).toContain('KF-mål [attraktiv-kommun]: Söderviken är en attraktiv kommun att bo, verka och vistas i | Agenda 2030: 11. Hållbara städer och samhällen\n  Indikator [betyg-anlaggningar]:');
    // A KF-mål with a single own indicator beside one with nämndmål: "–" in the Nämndmål column.
    expect(planReview).toContain('hallbar-kommun-måltabell | Kommunens verksamheter bedrivs inom beslutad budgetram | Nämndmål: Kontorets indikatorer | Indikator: Andel medarbetare som rekommenderar kontoret som arbetsplats / Källa: Medarbetarenkäten | Ingående värde: 64 % | Riktvärde 2025: Bibehålla');
  });

  it('tags a KF-mål and a nämndmål with Agenda 2030', () => {
    const kf = (block(plan, 'målområde', 'trygg-och-inkluderande') as Målområde).kfMål[0]!;
    expect(kf.agenda2030).toEqual([3, 10]);
    expect(kf.nämndmål[0]!.agenda2030).toEqual([4]);
    expect(planReview).toContain('KF-mål [meningsfull-fritid]: Barn och unga har en meningsfull fritid | Agenda 2030: 03. Hälsa och välbefinnande; 10. Minskad ojämlikhet');
    expect(planReview).toContain('Nämndmål [fler-deltar]: Fler barn och unga deltar i kulturskolans och fritidsgårdarnas verksamhet | Agenda 2030: 04. God utbildning för alla');
  });

  it('uses the municipality\'s labels: Indikator, Ingående värde, Riktvärde', () => {
    expect(planReview).toContain('trygg-och-inkluderande-måltabell | kolumner: KF-mål | Nämndmål | Indikator | Ingående värde');
    expect(planReview).toContain('Indikator [valdsbrott-anlaggningar]: Anmälda våldsbrott i och vid fritidsgårdar och idrottsanläggningar | Datakälla: Polisens lokala lägesbild | Riktning: Lägre är bättre | Ingående värde: 9 anmälda våldsbrott | Riktvärde 2025: <8 anmälda våldsbrott');
    expect(planReview).not.toMatch(/Målvärde|Mått och datakälla|Ingångsvärde/);
  });

  it('reads the targets as the plan writes them', () => {
    const t = (id: string) => ind(plan, id).målvärden['2025'];
    expect(t('deltagare-kulturskolan')).toEqual({ kind: 'riktning', riktning: 'öka/bibehålla' });
    expect(t('energianvandning')).toEqual({ kind: 'riktning', riktning: 'minska/bibehålla' });
    expect(t('nojda-deltagare')).toEqual({ kind: 'riktning', riktning: 'bibehålla' });
    expect(t('trygghetsvandringar')).toEqual({ kind: 'samtliga' });
    expect(t('plan-fossilfria-transporter')).toEqual({ kind: 'janej', value: true });
    expect(t('nya-lovdeltagare')).toMatchObject({ kind: 'intervall', from: 10, to: 15, unit: '%' });
    expect(t('utvecklingsprojekt')).toMatchObject({ kind: 'tal', value: 12, words: { after: ' utvecklingsprojekt' } });
    expect(t('valdsbrott-anlaggningar')).toMatchObject({ kind: 'gräns', op: '<', value: 8, words: { after: ' anmälda våldsbrott' } });
    // "Betyg 3,4 av 6" is judged by its first number, 3,4, on a scale of 6.
    expect(t('betyg-anlaggningar')).toMatchObject({ kind: 'tal', value: 3.4, words: { before: 'Betyg', scale: { value: 6 } } });
    expect(ind(plan, 'betyg-anlaggningar').målvärden['2027']).toMatchObject({ value: 3.6 });
    for (const text of ['Riktvärde 2025: 10–15 %', 'Riktvärde 2026: Öka/Bibehålla', 'Riktvärde 2027: Minska/Bibehålla', 'Riktvärde 2025: Samtliga', 'Riktvärde 2025: Ja', 'Riktvärde 2025: Betyg 3,4 av 6', 'Riktvärde 2027: 12 utvecklingsprojekt']) {
      expect(planReview).toContain(text);
    }
  });

  it('shows the baselines as written', () => {
    const b = (id: string) => ind(plan, id).ingångsvärde;
    expect(b('utvecklingsprojekt')).toEqual({ kind: 'nytt', text: 'Ny indikator' });
    expect(b('nya-lovdeltagare')).toEqual({ kind: 'nytt', text: 'Ny VP indikator' });
    // Not a number: shown as written, with a note (asserted above).
    expect(b('trygghetsvandringar')).toEqual({ kind: 'text', text: '3/5' });
    // Plus sign and asterisk stay.
    expect(b('deltagare-kulturskolan')).toMatchObject({ kind: 'tal', value: 1.4, unit: '%', words: { plus: true, after: '*' } });
    expect(b('nojda-deltagare')).toMatchObject({ kind: 'tal', value: 83, unit: '%', words: { before: 'Medel', after: ' (samtliga insatser)' } });
    for (const text of ['Ingående värde: +1,4 %*', 'Ingående värde: Ny VP indikator', 'Ingående värde: Medel 83 % (samtliga insatser)', 'Ingående värde: 3/5', 'Ingående värde: Ny indikator', 'Ingående värde: 14 200 MWh (2023)']) {
      expect(planReview).toContain(text);
    }
  });

  it('keeps the rows of a KF-mål\'s own indicators in their columns, under the label "Kontorets indikatorer"', () => {
    const area = blocks(plan).find((b): b is Målområde => b.kind === 'målområde' && b.kfMål.some((k) => k.id === 'attraktiv-kommun'))!;
    const [view] = tableViews(area, viewContext(plan)).filter((v) => v.id.endsWith('-måltabell'));
    // Every row covers every column: its own cells plus the cells spanned down from rows above.
    const columns = view!.widths.length;
    const pending: number[] = [];
    for (const row of view!.body) {
      const spanned = pending.filter((n) => n > 0).length;
      expect(row.cells.length + spanned).toBe(columns);
      for (let i = 0; i < pending.length; i++) pending[i]!--;
      for (const c of row.cells) if (c.rowSpan) pending.push(c.rowSpan - 1);
    }
    expect(planReview).toContain('Söderviken är en attraktiv kommun att bo, verka och vistas i / Agenda 2030: mål 11 › Kontorets indikatorer › Genomförda utvecklingsprojekt i kulturmiljöer / Källa: Egen mätning | Ingående värde: Ny indikator');
    // A label of the municipality's own is printed as written, without "(år)".
    expect(view!.head[0]!.map((h) => h.text)).toContain('Ingående värde');
  });

  // Not done: Källa as a column of its own (Indikator | Ingående värde | Riktvärde 2025 | 2026 | 2027 | Källa); the source is the indicator cell's second line.
});

describe('Ängsbro kommun, socialnämndens uppföljning 2024 (regel poäng, bibehållet_räknas)', () => {
  const score = (id: string) => ind(uppf, id).bedömning!;

  it('has the municipality\'s rule, title page labels and decision word', () => {
    expect(uppf.bedömning.rules).toMatchObject({ regel: 'poäng', bibehållet_räknas: true, oförändrad_under: 1.5 });
    expect(uppf.bedömning.år).toBe('2024');
    expect(uppfReview).toContain('Status: Godkänd av socialnämnden 2025-02-19, § 23');
    expect(uppfReview).toContain('Ansvarig kontorschef: Karl Provsson');
  });

  it('judges word targets: Bibehålla kept at 99 %, Minska/Bibehålla lowered, Ja reached, Öka raised → 1 poäng', () => {
    // Bibehålla: 99 % → 99 %, unchanged: met.
    expect(score('bemotande')).toMatchObject({ status: 'uppfyllt', score: 1 });
    // Minska/Bibehålla, lower is better: 14 → 12 dagar.
    expect(score('vantetid')).toMatchObject({ status: 'uppfyllt', score: 1 });
    // Ja → Ja.
    expect(score('aktuell-planering')).toMatchObject({ status: 'uppfyllt', score: 1 });
    // Öka: 82 % → 88 %.
    expect(score('nojda-deltagare')).toMatchObject({ status: 'uppfyllt', score: 1 });
  });

  it('judges Samtliga not reached at 96 %, and a worse number, at 0,5 poäng when the activities were carried out', () => {
    expect(score('barnet-till-tals')).toMatchObject({ status: 'delvis', score: 0.5 });
    // 78 % → 76 %: −2,6 %, beyond the 1,5 % of "oförändrad".
    expect(score('utredningar-120-dagar')).toMatchObject({ status: 'delvis', score: 0.5 });
  });

  it('counts a maintained number as improved (bibehållet_räknas): 31,0 % → 30,6 % is −1,3 %', () => {
    // |30,6 − 31,0| / 31,0 = 1,29 % < 1,5 %: maintained, which counts as improved → 1 poäng.
    expect(score('langvarigt-bistand')).toMatchObject({ status: 'uppfyllt', score: 1 });
    expect(score('langvarigt-bistand').reason).toContain('ett bibehållet värde räknas som förbättrat');
  });

  it('judges an indicator without outcome "Ej utvärderad" for the true reason only', () => {
    expect(score('unga-vidare')).toMatchObject({ status: 'ej-utvärderad', reason: 'Utfall saknas för 2024.' });
    // Every other indicator has an outcome and a judgement other than ej-utvärderad.
    expect(indicators(uppf).filter((i) => i.bedömning?.status === 'ej-utvärderad').map((i) => i.id)).toEqual(['unga-vidare']);
    expect(uppfReview).toContain('| Målvärde 2024: 45 | Trend: Ej jämförbar | Bedömning: Kan inte bedömas');
  });

  it('rolls up by the mean score: nämndmål and KF-mål, and goals directly under the målområde', () => {
    const omsorg = block(uppf, 'målområde', 'trygg-omsorg') as Målområde;
    const [kvalitet, barn] = omsorg.kfMål;
    // (1 + 1) / 2 = 1,00 → uppfyllt (0,70–1,00); the KF-mål takes its one nämndmål's judgement.
    expect(kvalitet!.nämndmål[0]!.bedömning).toMatchObject({ status: 'uppfyllt', score: 1 });
    expect(kvalitet!.bedömning).toMatchObject({ status: 'uppfyllt', score: 1 });
    // (0,5 + 0,5) / 2 = 0,50 → delvis (0,50–0,69).
    expect(barn!.nämndmål[0]!.bedömning).toMatchObject({ status: 'delvis', score: 0.5 });
    expect(barn!.bedömning).toMatchObject({ status: 'delvis', score: 0.5 });
    const försörjning = block(uppf, 'målområde', 'egen-forsorjning') as Målområde;
    expect(försörjning.kfMål).toEqual([]);
    // (1 + 1) / 2 = 1,00 → uppfyllt.
    expect(försörjning.mål[0]!.bedömning).toMatchObject({ status: 'uppfyllt', score: 1 });
    // The indicator without outcome is left out: 1 / 1 = 1,00 → uppfyllt.
    expect(försörjning.mål[1]!.bedömning).toMatchObject({ status: 'uppfyllt', score: 1 });
  });

  it('judges the övergripande mål in the måltabell and names their målområde', () => {
    const mt = block(uppf, 'måltabell', 'overgripande-mal') as Måltabell;
    const [ledarskap, sjukfrånvaro] = mt.mål;
    expect(ledarskap!.målområde).toEqual({ id: 'trygg-omsorg', namn: 'Trygg och god omsorg' });
    expect(sjukfrånvaro!.målområde).toEqual({ id: 'egen-forsorjning', namn: 'Egen försörjning' });
    // Öka/Bibehålla: 74 % → 73 % is −1,35 %, unchanged → met → 1 poäng.
    expect(ledarskap!.bedömning).toMatchObject({ status: 'uppfyllt', score: 1 });
    // Minska/Bibehålla, lower is better: 6,1 % → 6,9 % is worse → not met; no activities → 0 poäng.
    expect(sjukfrånvaro!.bedömning).toMatchObject({ status: 'ej-uppfyllt', score: 0 });
    expect(uppfReview).toContain('Mål [gott-ledarskap]: Medarbetarna upplever ett gott ledarskap | Målområde: Trygg och god omsorg | Bedömning: Uppnått');
    expect(uppfReview).toContain('overgripande-mal | Sjukfrånvaron bland medarbetarna minskar (Egen försörjning) |');
    expect(uppfReview).toContain('overgripande-mal | kolumner: Övergripande mål |');
  });

  it('sums up per målområde on the level mål (måltabell goals under their målområde) and kf-mål', () => {
    const mål = block(uppf, 'bedömningar', 'bedomning-mal') as Bedömningar;
    const area = (b: Bedömningar, namn: string) => b.områden.find((o) => o.namn === namn)!.summary;
    // Trygg och god omsorg: only gott-ledarskap (måltabell) → 1 uppfyllt of 1.
    expect(area(mål, 'Trygg och god omsorg')).toMatchObject({ total: 1, counts: { uppfyllt: 1, delvis: 0, 'ej-uppfyllt': 0, 'ej-utvärderad': 0 } });
    // Egen försörjning: two mål uppfyllt + sjukfrånvaro ej uppfyllt → 2 of 3 = 67 %.
    expect(area(mål, 'Egen försörjning')).toMatchObject({ total: 3, counts: { uppfyllt: 2, 'ej-uppfyllt': 1 } });
    expect(mål.totalt).toMatchObject({ total: 4, counts: { uppfyllt: 3, 'ej-uppfyllt': 1 } });
    expect(mål.totalt.måluppfyllelse).toBeCloseTo(75, 6); // 3 / 4
    const kf = block(uppf, 'bedömningar', 'bedomning-kf-mal') as Bedömningar;
    expect(kf.totalt).toMatchObject({ total: 2, counts: { uppfyllt: 1, delvis: 1, 'ej-uppfyllt': 0 } });
    expect(kf.totalt.måluppfyllelse).toBeCloseTo(50, 6); // 1 / 2
    expect(uppfReview).toContain('bedomning-mal | Egen försörjning | Uppnått: 2 | Delvis uppnått: 0 | Ej uppnått: 1 | Kan inte bedömas: 0 | Antal nämndens mål: 3 | Måluppfyllelse: 67 %');
    expect(uppfReview).toContain('bedomning-kf-mal | Totalt (summa) | Uppnått: 1 | Delvis uppnått: 1 | Ej uppnått: 0 | Kan inte bedömas: 0 | Antal KF-mål: 2 | Måluppfyllelse: 50 %');
  });

  it('writes the municipality\'s status words in the review text, never the defaults', () => {
    for (const w of ['Bedömning: Uppnått', 'Bedömning: Delvis uppnått', 'Bedömning: Ej uppnått', 'Bedömning: Kan inte bedömas']) expect(uppfReview).toContain(w);
    expect(uppfReview).not.toMatch(/Bedömning: (Uppfyllt|Delvis uppfyllt|Ej uppfyllt|Ej utvärderad)/);
  });

  it('writes the summary sentences with the municipality\'s status words', () => {
    const summary = blocks(uppf).find((b): b is Bedömningar => b.kind === 'bedömningar' && b.nivå === 'kf-mål')!;
    expect(countSentences(summary.totalt, 'KF-mål', uppf.profile.ord)).toEqual(['1 av 2 KF-mål: uppnått', '1 av 2 KF-mål: delvis uppnått']);
  });

  it('takes aktiviteter_genomförda on a goal that is its own measure', () => {
    expect(score('ind-sjukfranvaron-bland-medarbetarna-minskar')).toMatchObject({ status: 'ej-uppfyllt', score: 0 });
  });

  // Not done: the assessed goal table does not show the ingångsvärde the poäng rule compares with.
});
