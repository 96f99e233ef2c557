/**
 * The goals of a data block as reviewers compare them: goal by goal, with
 * their targets, outcomes and assessments as words, and each field under the
 * label the printed report gives it (src/render/views).
 */
import type { DataBlock, Goal, Indicator } from '../model/types.ts';
import type { Vocabulary } from '../model/vocabulary.ts';
import { statusWords, trendWords } from '../model/assessment/types.ts';
import { globalGoalLabel } from '../model/agenda2030.ts';
import type { BlockView } from '../render/views/blocks.ts';
import type { UppdragCardView } from '../render/views/goal-cards.ts';
import { fieldLabels, medansvarigaLabel } from '../render/views/labels.ts';
import { formatMeasured, formatOutcome, formatTarget } from '../format/values.ts';
import { measuredFigure, outcomeFigure, targetFigure, type Figure } from './figures.ts';
import type { FormatOptions } from '../format/swedish.ts';
import type { Field, FieldKind, GoalGroup, GoalLevel, GoalNode } from './snapshot.ts';

export function assertNever(x: never): never {
  throw new Error(`Okänd blocktyp: ${JSON.stringify(x)}`);
}

/**
 * The goals a block holds, compared goal by goal. A new kind of goal source is
 * a case here that maps its goals onto goalNode()/indicatorNode().
 */
export function goalGroup(block: DataBlock, view: BlockView, ctx: GoalContext): GoalGroup | undefined {
  const indicators = (goal: Goal) => goal.indikatorer.map((i) => indicatorNode(i, ctx, goal.text));
  const agenda = (goal: Pick<Goal, 'agenda2030'>) => field('uppgift', 'agenda2030', fieldLabels.agenda2030, goal.agenda2030.map(globalGoalLabel).join('; '));
  const ownGoal = (goal: Goal & { målområde?: { namn: string } }) =>
    goalNode('mål', goal, goal.text, [field('uppgift', 'målområde', fieldLabels.målområde, goal.målområde?.namn), agenda(goal), ...assessmentFields(goal.bedömning, ctx)], [], indicators(goal));
  switch (block.kind) {
    case 'målområde':
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: `${fieldLabels.målområde}: ${block.namn}`,
        nodes: [
          ...block.kfMål.map((kf) =>
            goalNode('kf-mål', kf, kf.text, [
              field('uppgift', 'uppföljning', 'Uppföljning', kf.uppföljning),
              field('uppgift', 'ansvariga', ctx.ord.labels.ansvariga, kf.ansvariga.join(', ')),
              field('uppgift', 'anmärkning', 'Anmärkning', kf.anmärkning),
              field('uppgift', 'beslutat-av', fieldLabels.beslutatAv, kf.beslutatAv),
              agenda(kf),
              ...assessmentFields(kf.bedömning, ctx),
            ], [], [...indicators(kf), ...kf.nämndmål.map((nm) => goalNode('nämndmål', nm, nm.text, [agenda(nm), ...assessmentFields(nm.bedömning, ctx)], [], indicators(nm)))]),
          ),
          ...block.mål.map(ownGoal),
        ],
      };
    case 'måltabell':
      return { blockId: block.id, kind: block.kind, rubrik: block.rubrik, nodes: block.mål.map(ownGoal) };
    case 'resultatmål':
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: `${fieldLabels.övergripandeMål}: ${block.övergripandeMål}`,
        nodes: block.mål.map((m) =>
          goalNode('resultatmål', m, m.text, [
            field('uppgift', 'huvudansvar', fieldLabels.huvudansvar, m.huvudansvar),
            field('uppgift', 'medansvariga', medansvarigaLabel(m.medansvariga.length), m.medansvariga.join(', ')),
            agenda(m),
            ...assessmentFields(m.bedömning, ctx),
          ], m.kommentar, indicators(m)),
        ),
      };
    case 'uppdrag': {
      // The cards as printed, with their labels; the område first, as the cards are grouped by it.
      const cards = view.kind === 'uppdrag' ? view.groups.flatMap((g) => g.cards) : [];
      const fact = (card: UppdragCardView, key: string) => {
        const f = card.facts.find((x) => x.key === key)!;
        return field('uppgift', key, f.label, f.value);
      };
      return {
        blockId: block.id,
        kind: block.kind,
        rubrik: block.rubrik ?? 'Uppdrag',
        nodes: block.items.map((u) => {
          const card = cards.find((c) => c.uppdragId === u.id)!;
          return goalNode('uppdrag', u, [card.rubrik, card.text].filter(Boolean).join(': '), [
            field('uppgift', 'område', fieldLabels.område, card.område),
            fact(card, 'huvudansvar'),
            fact(card, 'ansvariga'),
            fact(card, 'slutdatum'),
            field('bedömning', 'status', card.status.label, card.status.word),
          ], [...card.kommentar.items], []);
        }),
      };
    }
    case 'internbudget':
    case 'investeringsbudget':
    case 'ramförändring':
    case 'nyckeltal':
    case 'utvecklingsarbete':
    case 'fokusområden':
    case 'tabell':
    case 'bedömningar':
    case 'driftredovisning':
    case 'investeringsredovisning':
    case 'personalnyckeltal':
    case 'indikatortabell':
    case 'diagram':
      return undefined;
    default:
      return assertNever(block);
  }
}

function goalNode(level: GoalLevel, goal: { id: string; idAngivet: boolean }, text: string, fields: (Field | undefined)[], kommentar: string[], children: GoalNode[]): GoalNode {
  return { level, id: goal.id, statedId: goal.idAngivet, text, fields: fields.filter((f): f is Field => f !== undefined), kommentar, children };
}

function field(kind: FieldKind, key: string, label: string, value: string | undefined, figure?: Figure): Field | undefined {
  return value ? { key, label, value, kind, ...(figure ? { figure } : {}) } : undefined;
}

function assessmentFields(a: { status: keyof typeof statusWords; source: string; motivering?: string } | undefined, ctx: GoalContext): (Field | undefined)[] {
  if (!a) return [];
  return [
    field('bedömning', 'bedömning', ctx.ord.labels.bedömning, ctx.ord.status[a.status]),
    field('bedömning', 'motivering', 'Motivering till bedömningen', a.source !== 'beräknad' ? a.motivering : undefined),
  ];
}

const lines = (l: string[]) => l.join(' / ');

/** What a goal or indicator is written with: the number format and the municipality's words. */
export interface GoalContext {
  format: FormatOptions;
  ord: Vocabulary;
}

/** An indicator; one without a mått (the goal is its own measure) goes by its goal's text. */
export function indicatorNode(ind: Indicator, ctx: GoalContext, goalText: string): GoalNode {
  const { format } = ctx;
  const { labels } = ctx.ord;
  const years = (r: Record<string, unknown>) => Object.keys(r).sort();
  return goalNode(
    'indikator',
    ind,
    ind.mått ?? goalText,
    [
      field('uppgift', 'datakälla', 'Datakälla', ind.datakälla),
      field('uppgift', 'kolada', 'Kolada', ind.kolada),
      field('uppgift', 'riktning', 'Riktning', ind.riktning === 'lägre' ? 'Lägre är bättre' : 'Högre är bättre'),
      field('utfall', 'ingångsvärde', labels.ingångsvärde, ind.ingångsvärde ? lines(formatMeasured(ind.ingångsvärde, format)) : undefined, ind.ingångsvärde && measuredFigure(ind.ingångsvärde)),
      ...years(ind.målvärden).map((y) => field('målvärde', `målvärde:${y}`, `${labels.målvärde} ${y}`, lines(formatTarget(ind.målvärden[y]!, format)), targetFigure(ind.målvärden[y]!))),
      ...years(ind.utfall).map((y) => field('utfall', `utfall:${y}`, `${labels.utfall} ${y}`, lines(formatOutcome(ind.utfall[y]!, format)), outcomeFigure(ind.utfall[y]!))),
      field('bedömning', 'trend', labels.trend, ind.trend ? trendWords[ind.trend.trend] : undefined),
      field('bedömning', 'trend-motivering', 'Motivering till trenden', ind.trend?.source === 'åsidosatt' ? ind.trend.motivering : undefined),
      ...assessmentFields(ind.bedömning, ctx),
    ],
    [],
    [],
  );
}
