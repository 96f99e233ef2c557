/** The bedömningar block as views: counts per status per målområde, or each goal with its assessment. */
import type { Bedömningar } from '../../model/types.ts';
import type { Status } from '../../model/assessment/types.ts';
import { formatPercent } from '../../format/swedish.ts';
import { legendOrder, symbolWord } from '../symbols.ts';
import { defaultVocabulary, type Vocabulary } from '../../model/vocabulary.ts';
import { assessmentCell, cellNumber, text, type RowView, type TableView, type ViewContext } from './cells.ts';
import { goalLevelName } from './goal-tables.ts';
import { fieldLabels } from './labels.ts';

/** Counts per status per målområde, with måluppfyllelsegrad; or, with "visa: mål", each goal and its assessment per målområde. */
export function bedömningarViews(b: Bedömningar, ctx: ViewContext): TableView[] {
  const level = goalLevelName(b.nivå, ctx);
  const areaWord = b.nivå === 'resultatmål' ? fieldLabels.övergripandeMål : fieldLabels.målområde;
  if (b.visa === 'mål') {
    const goalWord = level.charAt(0).toUpperCase() + level.slice(1);
    return b.områden.map((o, i) => ({
      id: `${b.id}-${i + 1}`,
      caption: o.namn,
      widths: [72, 28],
      head: [[{ text: goalWord, align: 'left', scope: 'col' }, { text: 'Bedömning', align: 'left', scope: 'col' }]],
      body: o.goals.map((g) => ({ kind: 'data' as const, cells: [text(g.text, { rowHeader: true }), assessmentCell(g.bedömning, ctx.ord)] })),
      note: i === b.områden.length - 1 ? b.not : undefined,
      wide: false,
      legend: legendOrder.status,
      symbolSet: ctx.symbols,
    }));
  }
  const statuses = legendOrder.status.filter((ref) => !(ctx.regel === 'uppfyllt' && ref.kind === 'status' && ref.status === 'delvis' && b.totalt.counts.delvis === 0));
  // Result levels ("god måluppfyllelse") belong to the uppfyllt rule set (Oxelösund's bands).
  const withLevel = ctx.regel === 'uppfyllt';
  const row = (namn: string, s: Bedömningar['totalt'], kind: RowView['kind']): RowView => ({
    kind,
    cells: [
      text(namn, { rowHeader: true }),
      ...statuses.map((ref) => ({ lines: [String(s.counts[(ref as { status: Status }).status])], align: 'right' as const, ...cellNumber(s.counts[(ref as { status: Status }).status], 0) })),
      { lines: [String(s.total)], align: 'right', ...cellNumber(s.total, 0) },
      { lines: [s.måluppfyllelse !== undefined ? formatPercent(s.måluppfyllelse, 0, ctx.format) : '–'], align: 'right', ...(s.måluppfyllelse !== undefined ? cellNumber(s.måluppfyllelse, 0, '%') : {}) },
      ...(withLevel ? [text(s.resultatnivå ?? 'Ej bedömd')] : []),
    ],
  });
  const head = (status: Parameters<typeof symbolWord>[0]) => ({ text: symbolWord(status, ctx.ord), align: 'right' as const, scope: 'col' as const });
  return [
    {
      id: b.id,
      caption: b.rubrik ?? `Bedömning av ${level} per ${areaWord.toLowerCase()}`,
      widths: withLevel ? [26, ...statuses.map(() => 36 / statuses.length), 8, 12, 18] : [34, ...statuses.map(() => 40 / statuses.length), 12, 14],
      head: [
        [
          { text: areaWord, align: 'left', scope: 'col' },
          ...statuses.map(head),
          { text: `Antal ${level}`, align: 'right', scope: 'col' },
          { text: 'Måluppfyllelse', align: 'right', scope: 'col' },
          ...(withLevel ? [{ text: 'Resultatnivå', align: 'left' as const, scope: 'col' as const }] : []),
        ],
      ],
      body: [...b.områden.map((o) => row(o.namn, o.summary, 'data')), row('Totalt', b.totalt, 'total')],
      note: b.not,
      wide: false,
    },
  ];
}

/** "7 av 10 KF-mål uppfyllda": one sentence per status with goals, for a målområde or the total. */
export function countSentences(s: Bedömningar['totalt'], level: string, ord: Vocabulary = defaultVocabulary): string[] {
  const plural: Record<string, string> = { uppfyllt: 'uppfyllda', delvis: 'delvis uppfyllda', 'ej-uppfyllt': 'ej uppfyllda', 'ej-utvärderad': 'ej utvärderade' };
  return (['uppfyllt', 'delvis', 'ej-uppfyllt', 'ej-utvärderad'] as const)
    .filter((st) => s.counts[st] > 0)
    .map((st) =>
      // Our own words inflect ("uppfyllda"); a municipality's word is used as it is written ("… KF-mål: delvis uppnått").
      ord.status[st] === defaultVocabulary.status[st] ? `${s.counts[st]} av ${s.total} ${level} ${plural[st]}` : `${s.counts[st]} av ${s.total} ${level}: ${ord.status[st].toLowerCase()}`,
    );
}
