/**
 * "npm run diff:report" as a reviewer meets it: a modified copy of the example
 * plan compared folder against folder and git revision against revision, the
 * ändringsrapport written as HTML and PDF and read back, and the review files
 * that every build writes next to the PDF.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { toolOutput } from '../helpers/run-tool.ts';
import { once } from 'node:events';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../src/build.ts';
import { checkPdfUa } from '../helpers/pdfua.ts';
import { BIN } from '../helpers/kommunrapport.ts';
import { compareVersions } from '../../src/diff/run.ts';
import { driftRows, driftWorkbook } from '../../scripts/katrineholm-xlsx.ts';
import { resolveSide } from '../../src/diff/sides.ts';
import { comparisonText } from '../../src/diff/render-text.ts';
import type { Change } from '../../src/diff/types.ts';

const REPORT = 'oxelosund-von-verksamhetsplan-2024-2026';

/**
 * The command as a child process, awaited without blocking this worker: a
 * synchronous spawn of a PDF build would stall vitest's messages on a busy machine.
 */
async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'diff', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout: stdout.replace(/\u00a0/g, ' '), stderr };
}

function edit(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`"${from}" finns inte i ${file}`);
  writeFileSync(file, text.replace(from, to));
}

/** A content folder with one example report (the plan, unless named) and the municipal profiles. */
function copyOfExample(root: string, report = REPORT): string {
  cpSync(join('content', report), join(root, report), { recursive: true });
  cpSync(join('content', 'kommuner'), join(root, 'kommuner'), { recursive: true });
  return root;
}

/** The changes a reviewer should find: a figure and the total it feeds, a target, a goal's wording, a paragraph. */
function modify(root: string): void {
  const dir = join(root, REPORT);
  edit(join(dir, '03-ekonomi.md'), '{ namn: Elcyklar, mb-2024: 75, mb-2025: 100, mb-2026: 100 }', '{ namn: Elcyklar, mb-2024: 75, mb-2025: 150, mb-2026: 100 }');
  edit(join(dir, '03-ekonomi.md'), 'mb-2025: 4210,', 'mb-2025: 4260,');
  edit(join(dir, '08-trygg-och-vardig-alderdom.md'), 'målvärden: { 2024: "71 %", 2025: "74 %", 2026: "77 %" }', 'målvärden: { 2024: "71 %", 2025: "76 %", 2026: "77 %" }');
  edit(join(dir, '08-trygg-och-vardig-alderdom.md'), 'nöjda med sin hemtjänst ska öka till 67 % 2024.', 'nöjda med sin hemtjänst ska öka till 71 % 2024.');
  edit(join(dir, '01-inledning.md'), 'Beslutet finns i sin helhet i bilagan med samma namn.', 'Hela beslutet finns i bilagan med samma namn.');
}

const EXPECTED_LINES = [
  `■ Vård- och omsorgsnämndens verksamhetsplan 2024–2026 (${REPORT}): ändrad`,
  '    Ekonomi › Investeringsbudget 2024–2026 (tkr)',
  '      SO, Utrustning › Elcyklar · Mål & budget 2025: 100 → 150 (+50)',
  '      Totalt Vård- och omsorgsnämnd · Mål & budget 2025: 4 210 → 4 260 (+50)',
  '      Indikator ”Andel brukare som är ganska eller mycket nöjda med sin hemtjänst” · Målvärde 2025: 74 % → 76 % (+2 procentenheter)',
  '      Nämndmål ”Andel brukare som är ganska eller mycket nöjda med sin hemtjänst ska…” · Ändrad text:',
  '        Andel brukare som är ganska eller mycket nöjda med sin hemtjänst ska öka till [-67-]{+71+} % 2024.',
  '    Inledning',
  '        Den 8 november 2023 antog kommunfullmäktige (KF) Mål och budget 2024–2026. [-Beslutet-]{+Hela beslutet+} finns i [-sin helhet i -]bilagan med samma namn.',
];

describe('diff:report, folder against folder', () => {
  let before: string;
  let after: string;
  let out: string;
  let result: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    before = copyOfExample(mkdtempSync(join(tmpdir(), 'kommunrapport-fore-')));
    after = copyOfExample(mkdtempSync(join(tmpdir(), 'kommunrapport-efter-')));
    modify(after);
    out = mkdtempSync(join(tmpdir(), 'kommunrapport-andringar-'));
    result = await cli(before, after, '--html', join(out, 'ändringar.html'), '--pdf', join(out, 'ändringar.pdf'), '--json', join(out, 'ändringar.json'));
  });

  it('lists every change in Swedish and exits with code 1', () => {
    expect(result.stderr).toBe(['html', 'json', 'pdf'].map((ext) => `Ändringsrapporten skrevs till ${join(out, `ändringar.${ext}`)}\n`).join(''));
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    for (const line of EXPECTED_LINES) expect(lines).toContain(line);
    expect(lines.at(-2)).toBe('Ändringar i 1 av 1 rapport (siffror, tabeller och diagram: 2; målvärden: 1; mål, indikatorer och uppdrag: 1; text: 1).');
  });

  it('writes the changes as JSON for other programs', () => {
    const json = JSON.parse(readFileSync(join(out, 'ändringar.json'), 'utf8')) as { schemaVersion: number; oldLabel: string; reports: { id: string; state: string; changes: Change[] }[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.oldLabel).toBe(before);
    expect(json.reports.map((r) => [r.id, r.state, r.changes.length])).toEqual([[REPORT, 'ändrad', 5]]);
    expect(json.reports[0]!.changes[0]).toMatchObject({ group: 'siffror', subject: 'SO, Utrustning › Elcyklar', what: 'Mål & budget 2025', old: '100', new: '150', difference: '+50' });
  });

  it('writes the ändringsrapport as accessible HTML', () => {
    const html = readFileSync(join(out, 'ändringar.html'), 'utf8');
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<title>Ändringsrapport: Vård- och omsorgsnämndens verksamhetsplan 2024–2026</title>');
    expect(html).toContain('<th scope="col">Rad, mål eller stycke</th><th scope="col">Ändring</th><th scope="col">Före</th><th scope="col">Efter</th><th scope="col" class="tal">Skillnad</th>');
    expect(html).toContain('<tr><th scope="row">SO, Utrustning › Elcyklar</th><td>Mål &amp; budget 2025</td><td class="tal">100</td><td class="tal">150</td><td class="tal">+50</td></tr>');
    expect(html).toContain('<del>Beslutet</del>');
    expect(html).toContain('<ins>Hela beslutet</ins>');
  });

  it('writes the same content as a tagged Swedish PDF', async () => {
    const text = (await toolOutput('pdftotext', [join(out, 'ändringar.pdf'), '-'])).replace(/\s+/g, ' ');
    expect(text).toContain('Ändringsrapport: Vård- och omsorgsnämndens verksamhetsplan 2024–2026');
    expect(text).toContain('Ändrade siffror, tabeller och diagram (2) Rad, mål eller stycke Ändring Före Efter Skillnad Ekonomi › Investeringsbudget 2024–2026 (tkr) SO, Utrustning › Elcyklar Mål & budget 2025 100 150 +50');
    expect(text).toContain('Ändrade målvärden (1)');
    expect(text).toContain('+2 procentenheter');
    expect(text).toContain('Hela beslutet finns i bilagan');
    expect(text).toMatch(/Sida 1 av \d/);
    const info = await toolOutput('pdfinfo', [join(out, 'ändringar.pdf')]);
    expect(info).toMatch(/^Title:\s+Ändringsrapport: Vård- och omsorgsnämndens verksamhetsplan 2024–2026$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
  });

  it('passes the same PDF/UA checks as the reports', async () => {
    expect(await checkPdfUa(new Uint8Array(readFileSync(join(out, 'ändringar.pdf'))))).toEqual([]);
  });

  it('finds nothing between a folder and itself, and exits with code 0', async () => {
    const same = await cli(before, before);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain(`■ Vård- och omsorgsnämndens verksamhetsplan 2024–2026 (${REPORT}): inga ändringar`);
    expect(same.stdout.trimEnd().split('\n').at(-1)).toBe('Inga ändringar (1 rapport jämförd).');
  });

  it('refuses a wrong command line with exit code 2', async () => {
    const three = await cli(before, after, before);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('ange högst två versioner att jämföra');
    const unknown = await cli(before, after, '--okänd');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('fel: okänd flagga "--okänd".');
    expect(unknown.stderr).toContain('Användning: kommunrapport diff');
    const neither = await cli(before, 'ingen-sådan-version');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('"ingen-sådan-version" är varken en mapp eller en version i git');
  });

  it('names the errors of a version it cannot read, and exits with code 4', async () => {
    const broken = copyOfExample(mkdtempSync(join(tmpdir(), 'kommunrapport-trasig-')));
    edit(join(broken, REPORT, '03-ekonomi.md'), 'mb-2025: 4210,', 'mb-2025: 4211,');
    const run = await cli(before, broken);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`✗ ${REPORT} i ${broken} kunde inte läsas och jämförs inte:`);
    expect(run.stderr).toContain('03-ekonomi.md');
    expect(run.stdout).toContain(`Jämfördes inte på grund av fel i innehållet: ${REPORT} i ${broken}.`);
  });
});

describe('diff:report, git revision against revision', () => {
  it('reads each revision with git, leaves the working tree alone, and finds the changes', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'kommunrapport-git-'));
    const git = (...args: string[]) => toolOutput('git', args, { cwd: repo });
    await git('init', '-q');
    await git('config', 'user.email', 'granskare@example.se');
    await git('config', 'user.name', 'Granskare');
    copyOfExample(join(repo, 'content'));
    await git('add', '-A');
    await git('commit', '-qm', 'Version 1');
    modify(join(repo, 'content'));
    await git('commit', '-qam', 'Version 2');
    // An uncommitted edit that neither revision holds.
    edit(join(repo, 'content', REPORT, '01-inledning.md'), 'Hela beslutet', 'Hela det beslutet');
    const head = await git('rev-parse', 'HEAD');

    const run = await cli('HEAD~1', 'HEAD', '--content', join(repo, 'content'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Ändringar från HEAD~1 till HEAD');
    for (const line of EXPECTED_LINES) expect(run.stdout.split('\n')).toContain(line);

    expect(await git('rev-parse', 'HEAD')).toBe(head);
    expect(await git('status', '--porcelain')).toBe(` M content/${REPORT}/01-inledning.md\n`);

    // The working tree against HEAD: only the uncommitted edit. Without versions, that is what is compared.
    const local = await cli('HEAD', join(repo, 'content'), '--content', join(repo, 'content'));
    expect(local.code).toBe(1);
    expect(local.stdout).toContain('Hela {+det +}beslutet finns i bilagan med samma namn.');
    expect(local.stdout).toContain('Ändringar i 1 av 1 rapport (text: 1).');
    const bare = await cli('--content', join(repo, 'content'));
    expect(bare.stdout).toBe(local.stdout);
    // One version: compared with the content folder as it is now.
    const one = await cli('HEAD~1', '--content', join(repo, 'content'));
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('Hela det beslutet');
    expect(one.stdout).toContain('Mål & budget 2025: 100 → 150 (+50)');
    rmSync(repo, { recursive: true, force: true });
  });
});

describe('the review files of a build', () => {
  it('writes <id>.granskning.txt and <id>.modell.json, the same bytes on a rebuild', async () => {
    const outs = [mkdtempSync(join(tmpdir(), 'kommunrapport-granskning-')), mkdtempSync(join(tmpdir(), 'kommunrapport-granskning-'))];
    for (const outDir of outs) {
      const result = await build({ contentDir: 'content', outDir, reports: [REPORT], formats: ['granskning', 'json'] });
      expect(result.ok).toBe(true);
      expect(result.reports[0]!.written.map((p) => p.slice(outDir.length + 1)).sort()).toEqual([`${REPORT}.granskning.txt`, `${REPORT}.modell.json`]);
    }
    for (const file of [`${REPORT}.granskning.txt`, `${REPORT}.modell.json`]) {
      expect(readFileSync(join(outs[1]!, file))).toEqual(readFileSync(join(outs[0]!, file)));
    }
    const text = readFileSync(join(outs[0]!, `${REPORT}.granskning.txt`), 'utf8');
    expect(text).toContain('investeringsbudget | SO, Utrustning › Elcyklar | Mål & budget 2024: 75 | Mål & budget 2025: 100 | Mål & budget 2026: 100');
    expect(text).toContain('    Indikator [andel-nojda-hemtjanst]: Andel brukare som är ganska eller mycket nöjda med sin hemtjänst | Datakälla: Nationell brukarundersökning | Riktning: Högre är bättre | Ingångsvärde: 64 % (2023) | Målvärde 2024: 71 % | Målvärde 2025: 74 % | Målvärde 2026: 77 %');
    const json = JSON.parse(readFileSync(join(outs[0]!, `${REPORT}.modell.json`), 'utf8')) as { schemaVersion: number; rapport: { id: string } };
    expect(json.schemaVersion).toBe(2);
    expect(json.rapport.id).toBe(REPORT);
  });
});

describe('the example årsredovisning in a second version', () => {
  const AR = 'katrineholm-von-arsredovisning-2024';
  let found: Change[];
  let text: string;

  beforeAll(async () => {
    const before = copyOfExample(mkdtempSync(join(tmpdir(), 'kommunrapport-ar-fore-')), AR);
    const after = copyOfExample(mkdtempSync(join(tmpdir(), 'kommunrapport-ar-efter-')), AR);
    const dir = join(after, AR);
    // A figure, and the avvikelse and Summa that must follow it (the model checks them).
    // The driftredovisning is read from Excel: the economy office sends a new export.
    writeFileSync(join(dir, 'driftredovisning.xlsx'), await driftWorkbook(driftRows.map((r, i) => (i === 0 ? ['Förvaltningsgemensamt', -17013, -21790, -29814, 8024] : r))));
    // A new outcome turns the trend and the assessment of the indicator and its resultatmål.
    edit(join(dir, '09-bilaga-resultatmal.md'), 'utfall: { 2022: 88 %, 2023: 87 %, 2024: 83 % }', 'utfall: { 2022: 88 %, 2023: 87 %, 2024: 89 % }');
    // A riktvärde lowered.
    edit(join(dir, '09-bilaga-resultatmal.md'), 'målvärden: { 2024: 82 % }', 'målvärden: { 2024: 80 % }');
    // A resultatmål with its own id reworded from scratch: still the same goal.
    edit(join(dir, '09-bilaga-resultatmal.md'), 'text: Ökad nöjdhet med verksamheterna inom området funktionsstöd', 'text: Brukare inom funktionsstöd ska uppleva bättre kvalitet');
    // An uppdrag done.
    edit(join(dir, '10-bilaga-uppdrag.md'), 'huvudansvar: KS/SBF\n        status: påbörjad', 'huvudansvar: KS/SBF\n        status: klar');
    // A sentence in the prose.
    edit(join(dir, '07-forvantad-utveckling.md'), 'lämnade sitt slutbetänkande i februari 2023', 'lämnade sitt slutbetänkande den 1 februari 2023');
    const result = await compareVersions(resolveSide(before, 'content'), resolveSide(after, 'content'));
    expect(result.problems).toEqual([]);
    found = result.comparison.reports[0]!.changes;
    text = comparisonText(result.comparison).replace(/\u00a0/g, ' ');
  });

  const line = (c: Change) => `${c.group} | ${c.subject} | ${c.what} | ${c.old ?? ''} → ${c.new ?? ''}${c.difference ? ` (${c.difference})` : ''}`.replace(/\u00a0/g, ' ');

  it('finds the figure, and the avvikelse and Summa that follow it', () => {
    const figures = found.filter((c) => c.where.includes('Driftredovisning, ackumulerat helår (tkr)')).map(line);
    expect(figures).toEqual([
      'siffror | Förvaltningsgemensamt | Utfall 2024 | −20 790 → −21 790 (−1 000)',
      'siffror | Förvaltningsgemensamt | Avvikelse 2024 | 9 024 → 8 024 (−1 000)',
      'siffror | Summa | Utfall 2024 | −907 875 → −908 875 (−1 000)',
      'siffror | Summa | Avvikelse 2024 | −450 → −1 450 (−1 000)',
    ]);
  });

  it('finds the outcome, and the trend and assessments it turns, as words', () => {
    const lines = found.map(line);
    const indicator = 'Indikator ”Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel (%)”';
    expect(lines).toContain(`utfall | ${indicator} | Utfall 2024 | 83 % → 89 % (+6 procentenheter)`);
    expect(lines).toContain(`bedömningar | ${indicator} | Trend | Sämre → Bättre`);
    expect(lines).toContain(`bedömningar | ${indicator} | Bedömning | Ej uppfyllt → Delvis uppfyllt`);
    expect(lines).toContain('bedömningar | Resultatmål ”Ökad nöjdhet med hemtjänsten” | Bedömning | Ej uppfyllt → Delvis uppfyllt');
    // The counts per status in the summary table follow.
    expect(lines).toContain('siffror | Totalt | Ej uppfyllt | 2 → 1 (−1)');
  });

  it('finds the lowered riktvärde and the uppdrag marked klar', () => {
    const lines = found.map(line);
    expect(lines).toContain('målvärden | Indikator ”Brukarbedömning särskilt boende äldreomsorg – helhetssyn, andel (%)” | Riktvärde 2024 | 82 % → 80 % (−2 procentenheter)');
    expect(lines.filter((l) => l.includes('| Status |'))).toEqual(['bedömningar | Uppdrag ”I samverkan med kommunens fastighetsbolag och privata hyresvärdar…” | Status | Påbörjad → Klar']);
  });

  it('shows the reworded resultatmål as renamed, not as removed and added', () => {
    const goals = found.filter((c) => c.group === 'mål').map(line);
    expect(goals).toEqual(['mål | Resultatmål ”Brukare inom funktionsstöd ska uppleva bättre kvalitet” | Ändrad text | Ökad nöjdhet med verksamheterna inom området funktionsstöd → Brukare inom funktionsstöd ska uppleva bättre kvalitet']);
  });

  it('finds the changed sentence word by word, and nothing else', () => {
    expect(found.filter((c) => c.group === 'text').map((c) => [c.where.join(' › '), c.subject])).toEqual([['Förväntad utveckling › Samsjuklighetsutredningen', 'Stycke 1']]);
    expect(text).toContain('Samsjuklighetsutredningen lämnade sitt slutbetänkande [-i-]{+den 1+} februari 2023. Den föreslår att …');
    // Charts and the indicator appendix repeat figures compared elsewhere: not listed again.
    expect(found.filter((c) => c.where.some((w) => /diagram|Indikatorer/i.test(w)))).toEqual([]);
  });
});
