/**
 * From a report folder to the computed model, in the stages build.ts shows
 * one per line: load (loadContent), model (computeModel: every block computed
 * here, in one explicit order, and placed in its section's prose) and
 * validate (validated).
 */
import type { Diagnostics } from '../diagnostics.ts';
import { readSpreadsheets, type Spreadsheets } from '../sources/files.ts';
import { applyKoladaSnapshot } from '../sources/kolada/merge.ts';
import { rememberImports } from './provenance.ts';
import { loadReport, type LoadedBlock, type LoadedReport } from '../content/load.ts';
import type { DataBlock, Målområde, Måltabell, Report, Resultatmål, Section } from './types.ts';
import type { Rules } from './assessment/types.ts';
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
import { buildBedömningar, buildIndikatortabell } from './overviews.ts';
import { checkTargetYears, inputAssesses } from './target-years.ts';
import { IdScope } from './ids.ts';
import { isProse, numberHeadings, placeBlocks, withHeadingIds } from './sections.ts';
import { resolveVocabulary } from './vocabulary.ts';
import type { FormatOptions } from '../format/swedish.ts';

/** A report folder as read: its content, and the Kolada outcomes merged into it (when it has a kolada.yaml). */
export interface LoadedContent {
  loaded: LoadedReport;
  kolada: Report['kolada'];
}

/**
 * Stage 1, load: the folder's files read and parsed, every value checked against its schema as it is read
 * (content/load.ts), and the outcomes of kolada.yaml merged. Blocks with schema errors are left out; undefined
 * when the report cannot be read as a whole.
 */
export function loadContent(reportDir: string, diagnostics: Diagnostics, spreadsheets?: Spreadsheets): LoadedContent | undefined {
  const loaded = loadReport(reportDir, diagnostics, spreadsheets);
  if (!loaded) return undefined;
  return { loaded, kolada: applyKoladaSnapshot(loaded, diagnostics) };
}

/** Stage 2, model: every figure and judgement computed once, also when some blocks were left out for errors. */
export function computeModel({ loaded, kolada }: LoadedContent, diagnostics: Diagnostics): Report {
  const report = buildModel(loaded, diagnostics);
  if (kolada) report.kolada = kolada;
  rememberImports(loaded, report);
  return report;
}

/**
 * Stage 3, validate: the report when neither loading nor computing it found an error since `errorsBefore`,
 * else nothing (the schema's and the model's errors are told together, in one run).
 */
export function validated(report: Report, diagnostics: Diagnostics, errorsBefore: number): Report | undefined {
  return diagnostics.errors.length > errorsBefore ? undefined : report;
}

/**
 * Load, model and validate for one report folder (build.ts shows each stage on its own line).
 * Undefined when there were errors.
 */
export function loadAndCompute(reportDir: string, diagnostics: Diagnostics, spreadsheets?: Spreadsheets): Report | undefined {
  const before = diagnostics.errors.length;
  const content = loadContent(reportDir, diagnostics, spreadsheets);
  if (!content) return undefined;
  return validated(computeModel(content, diagnostics), diagnostics, before);
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
