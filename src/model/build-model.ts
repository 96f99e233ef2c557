/**
 * Stage 2: from validated content to the computed report model. Every block
 * is computed here, in one explicit order, and placed in its section's prose.
 */
import type { Diagnostics } from '../diagnostics.ts';
import { readSpreadsheets, type Spreadsheets } from '../sources/files.ts';
import { applyKoladaSnapshot } from '../sources/kolada/merge.ts';
import { rememberImports } from './provenance.ts';
import { loadReport, type LoadedBlock, type LoadedReport } from '../content/load.ts';
import type { Bedömningar, DataBlock, Indikatortabell, Målområde, Måltabell, Report, Resultatmål, Section } from './types.ts';
import type { BedömningarInput, IndikatortabellInput } from '../content/schema.ts';
import type { Assessment, Rules } from './assessment/types.ts';
import { countStatuses } from './assessment/summary.ts';
import { problemsFor } from './problems.ts';
import { buildInternbudget } from './internbudget.ts';
import { buildInvesteringsbudget } from './investeringsbudget.ts';
import { buildRamförändring } from './ramforandring.ts';
import { buildMålområde, buildMåltabell, buildResultatmål } from './goals.ts';
import { buildDriftredovisning, buildInvesteringsredovisning } from './redovisning.ts';
import { buildPersonalnyckeltal } from './personal.ts';
import { buildUppdrag } from './uppdrag.ts';
import { buildGenericTable, buildTextTable } from './tables.ts';
import { buildDiagram, chartDataAppendix, emptyDiagram } from './charts.ts';
import { checkTargetYears, inputAssesses } from './target-years.ts';
import { IdScope } from './ids.ts';
import { isProse, numberHeadings, placeBlocks, withHeadingIds } from './sections.ts';
import { resolveVocabulary } from './vocabulary.ts';
import type { FormatOptions } from '../format/swedish.ts';

/**
 * Stages 1 and 2 for one report folder: load and validate, then compute. Blocks with schema errors are left
 * out and the rest computed, so that one run reports both kinds of error. Undefined when there were errors.
 */
export function loadAndCompute(reportDir: string, diagnostics: Diagnostics, spreadsheets?: Spreadsheets): Report | undefined {
  const before = diagnostics.errors.length;
  const loaded = loadReport(reportDir, diagnostics, spreadsheets);
  if (!loaded) return undefined;
  const kolada = applyKoladaSnapshot(loaded, diagnostics);
  const report = buildModel(loaded, diagnostics);
  if (kolada) report.kolada = kolada;
  rememberImports(loaded, report);
  return diagnostics.errors.length > before ? undefined : report;
}

/** loadAndCompute with the folder's workbooks read first, as the build and diff:report do. */
export async function loadAndComputeFolder(reportDir: string, diagnostics: Diagnostics): Promise<Report | undefined> {
  return loadAndCompute(reportDir, diagnostics, await readSpreadsheets(reportDir));
}

export function buildModel(loaded: LoadedReport, diagnostics: Diagnostics): Report {
  const { index, profile } = loaded;
  const format: FormatOptions = { minus: profile.input.minustecken };
  const headingIds = new IdScope();
  const ord = resolveVocabulary([profile.input, index]);

  const rules: Rules = profile.input.bedömning;
  // The sign convention of net cost: the profile's, unless a block states its own.
  const tecken = profile.input.nettokostnad_tecken;
  const år = String(index.period.till);

  // Whether the report assesses (some outcome or written bedömning in a goal block) is known before any goal is
  // built: then indicators without outcomes are "ej utvärderad" / "ej jämförbar" instead of blank.
  const goalBlocks = loaded.sections.flatMap((s) => s.blocks).filter((b) => b.input.typ === 'målområde' || b.input.typ === 'måltabell' || b.input.typ === 'resultatmål');
  const bedömer = goalBlocks.some((b) => inputAssesses(b.input));
  for (const b of goalBlocks) checkTargetYears(b.input, problemsFor(diagnostics, b.source, b.path));

  // Blocks are computed in front-matter order; summaries of assessments come last, from the computed målområden.
  const computed = new Map<string, DataBlock>();
  const målår = index.målår ?? index.period;
  // Goals in a måltabell may refer to a målområde of any section by its id.
  const areaNames = new Map(loaded.sections.flatMap((s) => s.blocks.flatMap((b) => (b.input.typ === 'målområde' ? [[b.input.id, b.input.namn] as const] : []))));
  const summaries: LoadedBlock[] = [];
  const diagrams: LoadedBlock[] = [];
  for (const block of loaded.sections.flatMap((s) => s.blocks)) {
    const problems = problemsFor(diagnostics, block.source, block.path);
    const input = block.input;
    switch (input.typ) {
      case 'internbudget':
        computed.set(input.id, buildInternbudget(input, problems, format, input.nettokostnad_tecken ?? tecken));
        break;
      case 'investeringsbudget':
        computed.set(input.id, buildInvesteringsbudget(input, problems, format));
        break;
      case 'ramförändring':
        computed.set(input.id, buildRamförändring(input, problems, format));
        break;
      case 'målområde':
        computed.set(input.id, buildMålområde(input, målår, problems, { rules, år, bedömer }));
        break;
      case 'måltabell':
        computed.set(input.id, buildMåltabell(input, målår, areaNames, problems, { rules, år, bedömer }));
        break;
      case 'nyckeltal':
      case 'utvecklingsarbete':
      case 'fokusområden':
        computed.set(input.id, buildTextTable(input, problems));
        break;
      case 'tabell':
        computed.set(input.id, buildGenericTable(input, problems, input.nettokostnad_tecken ?? tecken));
        break;
      case 'driftredovisning':
        computed.set(input.id, buildDriftredovisning(input, index.period.till, problems, format, input.nettokostnad_tecken ?? tecken));
        break;
      case 'investeringsredovisning':
        computed.set(input.id, buildInvesteringsredovisning(input, problems, format));
        break;
      case 'personalnyckeltal':
        computed.set(input.id, buildPersonalnyckeltal(input, problems, format));
        break;
      case 'uppdrag':
        computed.set(input.id, buildUppdrag(input));
        break;
      case 'resultatmål':
        computed.set(input.id, buildResultatmål(input, år, problems, { rules, år, bedömer }));
        break;
      case 'bedömningar':
      case 'indikatortabell':
        summaries.push(block);
        break;
      case 'diagram':
        diagrams.push(block);
        break;
    }
  }
  const målområden = [...computed.values()].filter((b): b is Målområde => b.kind === 'målområde');
  const måltabeller = [...computed.values()].filter((b): b is Måltabell => b.kind === 'måltabell');
  const resultatmål = [...computed.values()].filter((b): b is Resultatmål => b.kind === 'resultatmål');
  for (const block of summaries) {
    const input = block.input;
    if (input.typ === 'bedömningar') computed.set(input.id, buildBedömningar(input, målområden, måltabeller, resultatmål));
    else if (input.typ === 'indikatortabell') computed.set(input.id, buildIndikatortabell(input, Number(år), resultatmål));
  }
  // Charts last: they draw from any computed block. Their data tables may be collected in an appendix after the last section.
  const chartAppendix = { nummer: loaded.sections.filter((s) => s.bilaga).length + 1, rubrik: 'Diagrammens data' };
  for (const block of diagrams) {
    if (block.input.typ !== 'diagram') continue;
    const diagram = buildDiagram(block.input, computed, problemsFor(diagnostics, block.source, block.path), { format, ord, appendix: chartAppendix });
    computed.set(block.input.id, diagram ?? emptyDiagram(block.input));
  }

  const allBlocks = new Map<string, string>();
  for (const s of loaded.sections) for (const b of s.blocks) allBlocks.set(b.input.id, s.source.displayPath);

  let appendices = 0;
  const sections: Section[] = loaded.sections.map((s) => {
    const id = headingIds.take(s.id);
    return { id, rubrik: s.rubrik, ...(s.bilaga ? { bilaga: ++appendices } : {}), blocks: placeBlocks(s, computed, allBlocks, headingIds, id, diagnostics) };
  });
  const appendixSection = chartDataAppendix(sections, chartAppendix, headingIds);
  if (appendixSection) sections.push(appendixSection);
  if (index.numrerade_rubriker ?? profile.input.numrerade_rubriker) numberHeadings(sections);


  return {
    id: loaded.id,
    type: index.typ,
    bedömning: { rules, år, used: bedömer },
    meta: {
      kommun: profile.input.namn,
      nämnd: index.nämnd,
      förvaltning: index.förvaltning,
      titel: index.titel,
      undertitel: index.undertitel,
      period: index.period,
      status: index.status,
      antagen: (index.antagen ?? []).map((d) => ({ organ: d.organ, datum: d.datum, ...(d.paragraf !== undefined ? { paragraf: String(d.paragraf) } : {}) })),
      ordförande: index.ordförande,
      ansvarigChef: index.ansvarig_chef,
      // The latest decision dates the document.
      datum: index.antagen?.map((d) => d.datum).sort().at(-1) ?? index.datum!,
      förord: withHeadingIds(loaded.indexBody.filter(isProse), headingIds, 'forord'),
    },
    profile: {
      id: profile.id,
      namn: profile.input.namn,
      kortnamn: profile.input.kortnamn ?? profile.input.namn,
      logotypSvg: profile.logoSvg,
      färger: {
        ...profile.input.färger,
        tabellhuvud: profile.input.färger.tabellhuvud ?? '#E8EEF2',
      },
      typsnitt: profile.input.typsnitt,
      format,
      ord,
    },
    sections,
  };
}

/** The assessments of every målområde (or övergripande mål): per goal, counts per status and måluppfyllelsegrad. */
function buildBedömningar(input: BedömningarInput, målområden: readonly Målområde[], måltabeller: readonly Måltabell[], resultatmål: readonly Resultatmål[]): Bedömningar {
  type Goal = { text: string; bedömning: Assessment };
  const assessed = <T extends { text: string; bedömning?: Assessment }>(goals: readonly T[]): Goal[] =>
    goals.flatMap((g) => (g.bedömning ? [{ text: g.text, bedömning: g.bedömning }] : []));
  let groups: { namn: string; goals: Goal[] }[];
  if (input.nivå === 'resultatmål') {
    // Several blocks may follow up the same övergripande mål: one group per name, in order of appearance.
    const byName = new Map<string, Goal[]>();
    for (const r of resultatmål) byName.set(r.övergripandeMål, [...(byName.get(r.övergripandeMål) ?? []), ...assessed(r.mål)]);
    groups = [...byName].map(([namn, goals]) => ({ namn, goals }));
  } else if (input.nivå === 'mål') {
    // A måltabell's goals count under the målområde they refer to, the rest under the table's heading.
    const byName = new Map<string, Goal[]>(målområden.map((m) => [m.namn, assessed(m.mål)]));
    for (const t of måltabeller) for (const g of t.mål) {
      const namn = g.målområde?.namn ?? t.rubrik;
      byName.set(namn, [...(byName.get(namn) ?? []), ...assessed([g])]);
    }
    groups = [...byName].map(([namn, goals]) => ({ namn, goals }));
  } else {
    groups = målområden.map((m) => ({
      namn: m.namn,
      goals: input.nivå === 'kf-mål' ? assessed(m.kfMål) : assessed(m.kfMål.flatMap((kf) => kf.nämndmål)),
    }));
  }
  const områden = groups.map((g) => ({ ...g, summary: countStatuses(g.goals.map((x) => x.bedömning)) }));
  return {
    kind: 'bedömningar',
    id: input.id,
    rubrik: input.rubrik,
    not: input.not,
    nivå: input.nivå,
    visa: input.visa,
    områden: områden.filter((o) => o.goals.length > 0),
    totalt: countStatuses(områden.flatMap((o) => o.goals.map((g) => g.bedömning))),
  };
}

/** The indicator table of the årsredovisning: every resultatmål's indicators, outcomes for the chosen years. */
function buildIndikatortabell(input: IndikatortabellInput, år: number, resultatmål: readonly Resultatmål[]): Indikatortabell {
  const years = (input.år ?? [år - 2, år - 1, år]).map(String);
  return { kind: 'indikatortabell', id: input.id, rubrik: input.rubrik, not: input.not, år: years, områden: [...resultatmål] };
}
