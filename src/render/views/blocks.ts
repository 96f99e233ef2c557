/**
 * The view stage: every block of a report described once, with its labels,
 * its tables and its cards, between the model and the renderers. The HTML
 * partials, the DOCX builders and the review snapshot all read these views;
 * none of them lays a block out again.
 */
import { isProseBlock, type Block, type DataBlock, type Diagram, type ProseBlock, type Report } from '../../model/types.ts';
import { countSentences, goalLevelName, kfMålLine, kfMålView, tableViews } from './table-view.ts';
import { withBlockLabels } from './goal-tables.ts';
import { viewContext, type TableView, type ViewContext } from './cells.ts';
import { resultatmålCards, uppdragView, type ResultatmålCardView, type UppdragBlockView } from './goal-cards.ts';
import { fieldLabels } from './labels.ts';
import { documentFacts, sectionTitle, titlePageView, tocEntries, type DocumentFacts, type TitlePageView, type TocEntry } from './document.ts';

/** The HTML class of each kind of block (part of the view, so one partial serves every table block). */
export const blockClasses: Record<DataBlock['kind'], string> = {
  internbudget: 'block-internbudget',
  investeringsbudget: 'block-investeringsbudget',
  ramförändring: 'block-ramforandring',
  målområde: 'block-malomrade',
  måltabell: 'block-maltabell',
  nyckeltal: 'block-nyckeltal',
  utvecklingsarbete: 'block-utvecklingsarbete',
  fokusområden: 'block-fokusområden',
  tabell: 'block-tabell',
  bedömningar: 'block-bedomningar',
  driftredovisning: 'block-driftredovisning',
  investeringsredovisning: 'block-investeringsredovisning',
  personalnyckeltal: 'block-personalnyckeltal',
  indikatortabell: 'block-indikatortabell',
  uppdrag: 'block-uppdrag',
  resultatmål: 'block-resultatmal',
  diagram: 'block-diagram',
};

interface DataBlockViewBase {
  /** The data block's id. */
  id: string;
  /** The HTML class of the block's container. */
  className: string;
  /** The block's tables, in print order (none for cards). */
  tables: TableView[];
}

/** "Målområde A: 3 av 4 nämndmål uppfyllda, 1 av 4 … delvis uppfyllda." */
export interface CountLineView {
  namn: string;
  sentences: string[];
}

export type BlockView =
  | { kind: 'prose'; block: ProseBlock }
  /** A block that is only its tables (budgets, key figures, generic tables …). */
  | (DataBlockViewBase & { kind: 'tabeller'; blockKind: DataBlock['kind'] })
  | (DataBlockViewBase & {
      kind: 'målområde';
      beskrivning?: string;
      /** The KF-mål as a list under their heading; no items when a table lists them with their assessments. */
      kfMål: { label: string; items: string[] };
    })
  /** Counts per status as sentences per målområde and in total, after the table (with "visa: antal"). */
  | (DataBlockViewBase & { kind: 'bedömningar'; counts: CountLineView[] })
  | (DataBlockViewBase & UppdragBlockView & { kind: 'uppdrag'; not?: string })
  | (DataBlockViewBase & { kind: 'resultatmål'; cards: ResultatmålCardView[]; not?: string })
  | (DataBlockViewBase & {
      kind: 'diagram';
      /** The chart, drawn by each renderer from the model; undefined when only its data table is shown. */
      chart?: Diagram;
      rubrik: string;
      /** Where the chart's data stands as a table, when in an appendix. */
      hänvisning?: string;
      /** The note under the chart (under the data table when the table follows). */
      not?: string;
    });

export interface SectionView {
  id: string;
  /** The heading as printed: "Bilaga 2. Uppföljning av uppdrag", "3 Ekonomi". */
  rubrik: string;
  nummer?: string;
  blocks: BlockView[];
}

/** Everything every renderer prints of one report, computed once per report. */
export interface ReportView {
  context: ViewContext;
  facts: DocumentFacts;
  titlePage: TitlePageView;
  toc: TocEntry[];
  /** The förord, before the first section. */
  förord: readonly ProseBlock[];
  sections: SectionView[];
}

export function reportView(report: Report): ReportView {
  const context = viewContext(report);
  return {
    context,
    facts: documentFacts(report),
    titlePage: titlePageView(report),
    toc: tocEntries(report),
    förord: report.meta.förord,
    sections: report.sections.map((s) => ({
      id: s.id,
      rubrik: sectionTitle(s),
      ...(s.nummer ? { nummer: s.nummer } : {}),
      blocks: s.blocks.map((b) => blockView(b, context)),
    })),
  };
}

export function blockView(block: Block, ctx: ViewContext): BlockView {
  if (isProseBlock(block)) return { kind: 'prose', block };
  const base = { id: block.id, className: blockClasses[block.kind], tables: tableViews(block, ctx) };
  switch (block.kind) {
    case 'målområde':
      return {
        ...base,
        kind: 'målområde',
        ...(block.beskrivning ? { beskrivning: block.beskrivning } : {}),
        // With assessments the KF-mål are listed in a table with their status instead.
        kfMål: { label: withBlockLabels(ctx, block.etiketter).ord.labels.kommunfullmäktiges_mål, items: kfMålView(block, ctx) ? [] : block.kfMål.map(kfMålLine) },
      };
    case 'bedömningar': {
      const level = goalLevelName(block.nivå, ctx);
      const totalt = countSentences(block.totalt, level, ctx.ord);
      // No sentences when nothing was counted: a "Totalt: ." line says nothing.
      const counts = block.visa === 'antal' && totalt.length > 0;
      return {
        ...base,
        kind: 'bedömningar',
        counts: counts ? [...block.områden.map((o) => ({ namn: o.namn, sentences: countSentences(o.summary, level, ctx.ord) })), { namn: fieldLabels.totalt, sentences: totalt }] : [],
      };
    }
    case 'uppdrag':
      return { ...base, kind: 'uppdrag', ...uppdragView(block, ctx.ord), ...(block.not ? { not: block.not } : {}) };
    case 'resultatmål':
      return { ...base, kind: 'resultatmål', cards: resultatmålCards(block, ctx.ord), ...(block.not ? { not: block.not } : {}) };
    case 'diagram':
      return {
        ...base,
        kind: 'diagram',
        ...(block.visa === 'tabell' ? {} : { chart: block }),
        rubrik: block.rubrik,
        ...(block.visa === 'diagram' && block.bilaga ? { hänvisning: `Diagrammets data finns i tabellform i Bilaga ${block.bilaga.nummer}. ${block.bilaga.rubrik}.` } : {}),
        ...(block.visa === 'diagram' && block.not ? { not: block.not } : {}),
      };
    default:
      return { ...base, kind: 'tabeller', blockKind: block.kind };
  }
}
