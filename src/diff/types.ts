/** What a comparison of two versions of a report finds; read by the terminal, HTML and PDF renderers of the ändringsrapport. */

/** The groups of changes, in the order they are shown. */
export const changeGroups = ['uppgifter', 'siffror', 'målvärden', 'utfall', 'bedömningar', 'mål', 'text'] as const;
export type ChangeGroup = (typeof changeGroups)[number];

export const changeGroupTitles: Record<ChangeGroup, string> = {
  uppgifter: 'Rapportens uppgifter',
  siffror: 'Ändrade siffror, tabeller och diagram',
  målvärden: 'Ändrade målvärden',
  utfall: 'Ändrade utfall och ingångsvärden',
  bedömningar: 'Ändrade bedömningar, trender och status',
  mål: 'Mål, indikatorer och uppdrag: tillagda, borttagna och ändrade',
  text: 'Ändrad text',
};

/** The groups as counted in the summary line. */
export const changeGroupShort: Record<ChangeGroup, string> = {
  uppgifter: 'rapportens uppgifter',
  siffror: 'siffror, tabeller och diagram',
  målvärden: 'målvärden',
  utfall: 'utfall och ingångsvärden',
  bedömningar: 'bedömningar, trender och status',
  mål: 'mål, indikatorer och uppdrag',
  text: 'text',
};

/** A piece of a word-level comparison. */
export interface WordPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

export interface Change {
  group: ChangeGroup;
  /** Where, from the outside in: section and table, or målområde, KF-mål and nämndmål. */
  where: string[];
  /** The row, goal, indicator or paragraph that changed: "KOSTNADER › 54 Individ och familjeomsorg", "Indikator ”Antal …”". */
  subject: string;
  /** What about it changed: a column heading ("M & B 2024"), "Målvärde 2025", "Bedömning", "Tillagd", "Ändrad text". */
  what: string;
  /** The value before and after; absent for something added or removed. */
  old?: string;
  new?: string;
  /** new − old for numbers, formatted in Swedish with a sign: "+50", "−2 procentenheter". */
  difference?: string;
  /** For changed texts: the word-level comparison. */
  words?: WordPart[];
}

export interface ReportDiff {
  id: string;
  titel: string;
  state: 'ändrad' | 'oförändrad' | 'tillagd' | 'borttagen';
  changes: Change[];
}

export interface Comparison {
  /** How the two versions were named on the command line: "HEAD~1", "content". */
  oldLabel: string;
  newLabel: string;
  reports: ReportDiff[];
  /** Reports left out because a version has errors in its content: "katrineholm-… i HEAD~1". */
  notCompared: { id: string; version: string }[];
}

export const hasChanges = (c: Comparison): boolean => c.reports.some((r) => r.state !== 'oförändrad');

/** The comparison for other programs (diff:report --json): the Comparison above, as indented JSON with a final newline. */
export function comparisonJson(c: Comparison): string {
  return `${JSON.stringify({ schemaVersion: 1, generator: 'kommunrapport', ...c }, null, 2)}\n`;
}
