/**
 * Chart data, computed once in the model stage: from a `diagram` declaration
 * and the computed block it points at (its `källa`) to categories, series,
 * unit, title and a Swedish alternative text. Every figure is read from the
 * computed model; nothing is typed twice. Drawing is a renderer concern
 * (src/render/charts).
 */
import type { DiagramInput } from '../content/schema.ts';
import { nearest } from '../content/schema-helpers.ts';
import type { Vocabulary } from './vocabulary.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Problems } from './problems.ts';
import type { IdScope } from './ids.ts';
import type { DataBlock, Diagram, Section } from './types.ts';
import type { ChartData } from './charts/text.ts';
import { budgetData, driftData, investmentOutcomeData, investmentBudgetData } from './charts/amounts.ts';
import { indicatorData, assessmentData } from './charts/goals.ts';
import { genderData } from './charts/personal.ts';

type Kind = Diagram['diagramtyp'];

/** The block types each chart type draws from, in the words authors use. */
export const diagramSources: Record<Kind, DataBlock['kind'][]> = {
  budget: ['internbudget'],
  driftredovisning: ['driftredovisning'],
  investeringar: ['investeringsredovisning', 'investeringsbudget'],
  indikator: ['målområde', 'måltabell', 'resultatmål'],
  kön: ['personalnyckeltal'],
  bedömningar: ['bedömningar'],
};

export interface ChartContext {
  format: FormatOptions;
  /** The municipality's labels and status words, for series names and alt texts. */
  ord: Vocabulary;
  /** The appendix that collects data tables declared "datatabell: bilaga". */
  appendix: { nummer: number; rubrik: string };
}

/** The chart's data, or undefined after reporting why it cannot be drawn (file, line, field, valid choices). */
export function buildDiagram(input: DiagramInput, blocks: ReadonlyMap<string, DataBlock>, problems: Problems, ctx: ChartContext): Diagram | undefined {
  const source = findSource(input, blocks, problems);
  if (!source) return undefined;
  const data = chartData(input, source, problems, ctx);
  if (!data) return undefined;
  if (data.serier.every((s) => s.värden.every((v) => v === null))) {
    problems.error(['källa'], 'diagram-utan-värden', `"${input.källa}" har inga värden i tal att rita i diagrammet.|Fyll i värden i källan, eller ta bort diagrammet.`);
    return undefined;
  }
  return {
    kind: 'diagram',
    id: input.id,
    not: input.not,
    diagramtyp: input.diagramtyp,
    källa: input.källa,
    datatabell: input.datatabell,
    visa: input.datatabell === 'bilaga' ? 'diagram' : 'båda',
    ...(input.datatabell === 'bilaga' ? { bilaga: ctx.appendix } : {}),
    ...data,
    rubrik: input.rubrik ?? data.rubrik,
  };
}

/** A placeholder for a chart that could not be computed; the build stops on the error reported, so it is never drawn. */
export function emptyDiagram(input: DiagramInput): Diagram {
  return {
    kind: 'diagram',
    id: input.id,
    diagramtyp: input.diagramtyp,
    källa: input.källa,
    rubrik: input.rubrik ?? input.id,
    riktning: 'stående',
    staplad: false,
    kategorirubrik: '',
    kategorier: [],
    serier: [],
    enhet: { kind: 'tal', decimaler: 0 },
    axel: '',
    alt: '',
    datatabell: input.datatabell,
    visa: 'båda',
  };
}

/** The appendix with the data tables of the charts declared "datatabell: bilaga", in document order; undefined when there are none. */
export function chartDataAppendix(sections: readonly Section[], appendix: ChartContext['appendix'], ids: IdScope): Section | undefined {
  const charts = sections.flatMap((s) => s.blocks).filter((b): b is Diagram => b.kind === 'diagram' && b.datatabell === 'bilaga');
  if (charts.length === 0) return undefined;
  return {
    id: ids.take('diagrammens-data'),
    rubrik: appendix.rubrik,
    bilaga: appendix.nummer,
    blocks: [
      { kind: 'paragraph', content: [{ kind: 'text', text: 'Här står siffrorna bakom rapportens diagram, ett diagram per tabell, i den ordning diagrammen kommer i rapporten.' }] },
      ...charts.map((d) => ({ ...d, visa: 'tabell' as const })),
    ],
  };
}

function findSource(input: DiagramInput, blocks: ReadonlyMap<string, DataBlock>, problems: Problems): DataBlock | undefined {
  const wanted = diagramSources[input.diagramtyp];
  const fitting = [...blocks.values()].filter((b) => wanted.includes(b.kind)).map((b) => b.id);
  const choices = fitting.length
    ? `Block av rätt typ i rapporten: ${fitting.join(', ')}.`
    : `Rapporten har inget block av typen ${wanted.join(' eller ')}.`;
  const source = blocks.get(input.källa);
  if (!source || source.kind === 'diagram') {
    const suggestion = nearest(input.källa, fitting);
    problems.error(
      ['källa'],
      'okänd-källa',
      `Det finns ${source ? 'bara ett diagram' : 'inget block'} med id "${input.källa}" i rapporten${suggestion ? `. Menade du "${suggestion}"?` : '.'}|Diagramtypen "${input.diagramtyp}" ritas från ${wanted.join(' eller ')}. ${choices}`,
    );
    return undefined;
  }
  if (!wanted.includes(source.kind)) {
    problems.error(
      ['källa'],
      'fel-källa',
      `Diagramtypen "${input.diagramtyp}" ritas från ${wanted.join(' eller ')}, men "${input.källa}" är av typen ${source.kind}.|Ange som källa ett block av typen ${wanted.join(' eller ')}, eller välj en annan diagramtyp. ${choices}`,
    );
    return undefined;
  }
  return source;
}

function chartData(input: DiagramInput, source: DataBlock, problems: Problems, { format, ord }: ChartContext): ChartData | undefined {
  switch (source.kind) {
    case 'internbudget':
      return budgetData(input, source, problems, format);
    case 'driftredovisning':
      return driftData(source, format);
    case 'investeringsredovisning':
      return investmentOutcomeData(source, format);
    case 'investeringsbudget':
      return investmentBudgetData(input, source, problems, format);
    case 'målområde':
    case 'måltabell':
    case 'resultatmål':
      return indicatorData(input, source, problems, format, ord);
    case 'personalnyckeltal':
      return genderData(input, source, problems, format);
    case 'bedömningar':
      return assessmentData(source, ord);
    default:
      return undefined;
  }
}
