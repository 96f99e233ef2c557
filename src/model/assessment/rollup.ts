/**
 * Roll-up: indicators → nämndmål → KF-mål, and the written judgements that
 * may override a computed status (only with a reason).
 */
import type { JudgementInput } from '../../content/schema.ts';
import type { Assessment, Rules, Status } from './types.ts';
import { statusFromMeanScore } from './rules.ts';
import { statusWords } from './types.ts';

export const statusFromWord: Record<JudgementInput['status'], Status> = {
  uppfyllt: 'uppfyllt',
  'helt uppfyllt': 'uppfyllt',
  'delvis uppfyllt': 'delvis',
  'ej uppfyllt': 'ej-uppfyllt',
  'ej utvärderad': 'ej-utvärderad',
};

/** What a goal's parts are called, in the plural. */
export type PartsWord = 'indikatorer' | 'nämndmål' | 'mål och indikatorer';

/** The singular of each, and whether it takes the neuter ("ett mål": bedömt) or common gender ("en indikator": bedömd). */
const singular: Record<PartsWord, { one: string; neuter: boolean }> = {
  indikatorer: { one: 'indikator', neuter: false },
  nämndmål: { one: 'nämndmål', neuter: true },
  'mål och indikatorer': { one: 'mål eller indikator', neuter: true },
};

/** "1 indikator", "3 indikatorer"; with `judged`: "1 bedömd indikator", "1 bedömt nämndmål", "3 bedömda indikatorer". */
function counted(n: number, what: PartsWord, judged = false): string {
  const one = singular[what];
  const adjective = judged ? `${n === 1 ? (one.neuter ? 'bedömt' : 'bedömd') : 'bedömda'} ` : '';
  return `${n} ${adjective}${n === 1 ? one.one : what}`;
}

/** A goal's status from its parts' statuses (kvot and uppfyllt rules) or mean score (poäng rule). */
export function rollUp(all: readonly Assessment[], rules: Rules, what: PartsWord): Assessment | undefined {
  // Indicators without any outcome are shown "ej utvärderad" but do not count in a goal's roll-up.
  const parts = all.filter((p) => !p.noOutcome);
  if (parts.length === 0) return undefined;
  const judged = parts.filter((p) => p.status !== 'ej-utvärderad');
  if (judged.length === 0) return { status: 'ej-utvärderad', reason: `Inga ${what} har kunnat bedömas.`, source: 'beräknad' };

  if (rules.regel === 'poäng') {
    const scores = judged.map((p) => p.score ?? (p.status === 'uppfyllt' ? 1 : p.status === 'delvis' ? 0.5 : 0));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const shown = mean.toFixed(2).replace('.', ',');
    return { status: statusFromMeanScore(mean), score: mean, reason: `Medelvärdet av ${counted(judged.length, what)} är ${shown} poäng.`, source: 'beräknad' };
  }
  const count = (s: Status) => judged.filter((p) => p.status === s).length;
  const tally = (['uppfyllt', 'delvis', 'ej-uppfyllt'] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${statusWords[s].toLowerCase()}`)
    .join(', ');
  const status: Status = count('uppfyllt') === judged.length ? 'uppfyllt' : count('ej-uppfyllt') === judged.length ? 'ej-uppfyllt' : rules.regel === 'uppfyllt' ? 'ej-uppfyllt' : 'delvis';
  const unjudged = parts.length - judged.length;
  return { status, reason: `Av ${counted(judged.length, what, true)}: ${tally}.${unjudged ? ` ${unjudged} kunde inte bedömas.` : ''}`, source: 'beräknad' };
}

export interface JudgementProblem {
  kind: 'skiljer-sig' | 'saknar-underlag';
  message: string;
}

/**
 * Combines a computed assessment with a written one. A written status that
 * differs from the computed one overrides it only with a reason; without one,
 * the computed status stands and the difference is reported.
 */
export function applyJudgement(
  computed: Assessment | undefined,
  written: JudgementInput | undefined,
  onProblem: (p: JudgementProblem) => void,
): Assessment {
  if (!written) return computed ?? { status: 'ej-utvärderad', reason: 'Det finns inga utfall eller indikatorer att bedöma.', source: 'beräknad' };
  const stated = statusFromWord[written.status];
  if (!computed || computed.status === 'ej-utvärderad') {
    return { status: stated, reason: written.motivering ?? 'Angiven bedömning.', source: 'angiven', motivering: written.motivering };
  }
  if (stated === computed.status) return { ...computed, motivering: written.motivering };
  if (!written.motivering) {
    onProblem({
      kind: 'skiljer-sig',
      message: `Angiven bedömning "${statusWords[stated]}" skiljer sig från den beräknade "${statusWords[computed.status]}"; den beräknade gäller.|Skriv en motivering ("motivering: …") om den angivna bedömningen ska gälla, eller ta bort den.`,
    });
    return computed;
  }
  return { status: stated, reason: computed.reason, source: 'åsidosatt', computed: computed.status, motivering: written.motivering, score: computed.score };
}
