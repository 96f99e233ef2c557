/**
 * Goal and uppdrag cards (the årsredovisning's bilagor): every line a
 * renderer prints around a resultatmål or an uppdrag, with its label, built
 * once. The HTML partials, the DOCX builders and the review snapshot read them.
 */
import type { Assessment } from '../../model/assessment/types.ts';
import type { ResultatGoal, Resultatmål, Uppdrag, UppdragItem } from '../../model/types.ts';
import { contrastRatio } from '../../content/contrast.ts';
import { globalGoal } from '../../model/agenda2030.ts';
import { legendOrder, symbolWord, type SymbolRef } from '../symbols.ts';
import type { Vocabulary } from '../../model/vocabulary.ts';
import { fieldLabels, responsibilityParts } from './labels.ts';
import { legendView, type LegendView } from './legend.ts';

/** A labelled fact of a card; one with an empty value is not printed. */
export interface FactView {
  /** Stable key: "ansvariga", "huvudansvar", "slutdatum". */
  key: string;
  label: string;
  value: string;
}

/** A symbol with its word, under a label: "Status: ● Klar". */
export interface SymbolFactView {
  label: string;
  symbol: SymbolRef;
  word: string;
}

/** Comments under a card, under their heading ("Kommentar"). */
export interface CommentsView {
  label: string;
  items: readonly string[];
}

export interface UppdragCardView {
  /** The anchor: "<block id>-<uppdrag id>". */
  id: string;
  /** The uppdrag's own id. */
  uppdragId: string;
  /** Heading level of the rubrik: 3 inside an område, else 2. */
  level: 2 | 3;
  rubrik?: string;
  text: string;
  område?: string;
  /** Berörda (the municipality's word), Huvudansvar, Slutdatum: always these three, in print order. */
  facts: FactView[];
  status: SymbolFactView;
  kommentar: CommentsView;
}

export interface UppdragGroupView {
  område?: string;
  cards: UppdragCardView[];
}

export interface UppdragBlockView {
  groups: UppdragGroupView[];
  legend: LegendView;
}

export interface AgendaTagView {
  nummer: number;
  namn: string;
  färg: string;
  textfärg: string;
}

export interface ResultatmålCardView {
  /** The anchor: "<block id>-<mål id>". */
  id: string;
  text: string;
  /** "Huvudansvar: VON. Medansvariga: KS/KLF, STN."; empty when neither is given. */
  ansvar: string;
  /** The status with its word, or none when the goal is not assessed; the note says why a nämnd set it. */
  assessment: { label: string; symbol?: SymbolRef; word?: string; note?: string };
  agenda: { label: string; goals: AgendaTagView[] };
  kommentar: CommentsView;
}

/** "Huvudansvar: VON. Medansvariga: KS/KLF, STN." */
export function responsibilityLine(goal: Pick<ResultatGoal, 'huvudansvar' | 'medansvariga'>): string {
  return responsibilityParts(goal).map((p) => `${p}.`).join(' ');
}

/** The reason shown next to a goal's status when the nämnd set it against the computed one, or set it without indicators. */
export function assessmentNote(a: Assessment, ord: Vocabulary): string | undefined {
  if (a.source === 'åsidosatt') return `Bedömningen är satt av nämnden; beräknad: ${symbolWord({ kind: 'status', status: a.computed! }, ord).toLowerCase()}. ${a.motivering}`;
  if (a.source === 'angiven' && a.motivering) return a.motivering;
  return undefined;
}

/** Uppdrag grouped by their område, in order of first appearance; items without one form a group of their own. */
export function groupByArea(items: readonly UppdragItem[]): { område?: string; items: UppdragItem[] }[] {
  const groups: { område?: string; items: UppdragItem[] }[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.område === item.område);
    if (group) group.items.push(item);
    else groups.push({ område: item.område, items: [item] });
  }
  return groups;
}

/** Black or white, whichever reads better on a global goal's colour tag. */
export function tagTextColour(background: string): string {
  return contrastRatio('#FFFFFF', background) >= contrastRatio('#000000', background) ? '#FFFFFF' : '#000000';
}

const comments = (items: readonly string[]): CommentsView => ({ label: fieldLabels.kommentar, items });

/** One uppdrag as a card: its text, who it concerns, its end date and its status. */
export function uppdragCard(blockId: string, u: UppdragItem, ord: Vocabulary): UppdragCardView {
  const symbol: SymbolRef = { kind: 'uppdrag', status: u.status };
  return {
    id: `${blockId}-${u.id}`,
    uppdragId: u.id,
    level: u.område ? 3 : 2,
    ...(u.rubrik ? { rubrik: u.rubrik } : {}),
    text: u.text,
    ...(u.område ? { område: u.område } : {}),
    facts: [
      { key: 'ansvariga', label: ord.labels.ansvariga, value: u.ansvariga.join(', ') },
      { key: 'huvudansvar', label: fieldLabels.huvudansvar, value: u.huvudansvar ?? '' },
      { key: 'slutdatum', label: fieldLabels.slutdatum, value: u.slutdatum ?? '' },
    ],
    status: { label: fieldLabels.status, symbol, word: symbolWord(symbol, ord) },
    kommentar: comments(u.kommentar),
  };
}

/** An uppdrag block: its cards grouped by område, and the legend of the statuses it uses. */
export function uppdragView(block: Uppdrag, ord: Vocabulary): UppdragBlockView {
  const used = new Set(block.items.map((u) => u.status));
  return {
    groups: groupByArea(block.items).map((g) => ({ ...(g.område ? { område: g.område } : {}), cards: g.items.map((u) => uppdragCard(block.id, u, ord)) })),
    legend: legendView(legendOrder.uppdrag, (ref) => ref.kind === 'uppdrag' && used.has(ref.status), ord),
  };
}

/** One resultatmål as a card: who answers for it, its assessment, its Agenda 2030 goals and comments. */
export function resultatmålCard(blockId: string, m: ResultatGoal, ord: Vocabulary): ResultatmålCardView {
  const symbol: SymbolRef | undefined = m.bedömning ? { kind: 'status', status: m.bedömning.status } : undefined;
  const note = m.bedömning ? assessmentNote(m.bedömning, ord) : undefined;
  return {
    id: `${blockId}-${m.id}`,
    text: m.text,
    ansvar: responsibilityLine(m),
    assessment: { label: ord.labels.bedömning, ...(symbol ? { symbol, word: symbolWord(symbol, ord) } : {}), ...(note ? { note } : {}) },
    agenda: { label: fieldLabels.agenda2030, goals: m.agenda2030.map((n) => ({ ...globalGoal(n), textfärg: tagTextColour(globalGoal(n).färg) })) },
    kommentar: comments(m.kommentar),
  };
}

export function resultatmålCards(block: Resultatmål, ord: Vocabulary): ResultatmålCardView[] {
  return block.mål.map((m) => resultatmålCard(block.id, m, ord));
}
