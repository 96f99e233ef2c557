/** Assessment vocabulary shared by every rule set. */

export type Status = 'uppfyllt' | 'delvis' | 'ej-uppfyllt' | 'ej-utvärderad';
export type Trend = 'bättre' | 'oförändrad' | 'sämre' | 'ej-jämförbar';
/** The status of an uppdrag (a task given by kommunfullmäktige). */
export type UppdragStatus = 'ej-startad' | 'påbörjad' | 'klar' | 'stoppad';

/** Status words as readers see them, next to every symbol. */
export const statusWords: Record<Status, string> = {
  uppfyllt: 'Uppfyllt',
  delvis: 'Delvis uppfyllt',
  'ej-uppfyllt': 'Ej uppfyllt',
  'ej-utvärderad': 'Ej utvärderad',
};

export const trendWords: Record<Trend, string> = {
  bättre: 'Bättre',
  oförändrad: 'Oförändrad',
  sämre: 'Sämre',
  'ej-jämförbar': 'Ej jämförbar',
};

export const uppdragWords: Record<UppdragStatus, string> = {
  'ej-startad': 'Ej startad',
  påbörjad: 'Påbörjad',
  klar: 'Klar',
  stoppad: 'Stoppad',
};

export interface Assessment {
  status: Status;
  /** Why, in Swedish: "Utfallet 47 är 98 % av målvärdet 48." */
  reason: string;
  /** beräknad: computed by the rule set; angiven: stated where nothing could be computed; åsidosatt: a stated status that overrides the computed one. */
  source: 'beräknad' | 'angiven' | 'åsidosatt';
  /** The computed status, when a stated one overrides it. */
  computed?: Status;
  motivering?: string;
  /** Score under the poäng rule (1, 0,5 or 0), or a goal's mean score. */
  score?: number;
  /**
   * Computed for an indicator that has no outcome at all, in a report that assesses ("Utfall saknas för 2024.").
   * Shown with the indicator, but left out of goal roll-ups, which stay as they were without it.
   */
  noOutcome?: true;
}

export interface TrendResult {
  trend: Trend;
  reason: string;
  source: 'beräknad' | 'åsidosatt';
  computed?: Trend;
  motivering?: string;
}

/** The municipality's rule set, from its profile. */
export interface Rules {
  regel: 'kvot' | 'poäng' | 'uppfyllt';
  grön: number;
  gul: number;
  könsuppdelad: boolean;
  allvarlig_avvikelse: number;
  oförändrad_under: number;
  /** Poäng: a maintained value (a change inside the unchanged band) scores 1 like an improved one. Default false. */
  bibehållet_räknas?: boolean;
  /** Without an outcome for the assessed year, the latest earlier outcome is judged (and trended). */
  senaste_utfall: boolean;
  symboler: 'cirklar' | 'oxelösund';
}

/** An outcome as measured, parsed from what the author typed (shown by src/format/values.ts). */
export type { Outcome } from '../../format/values.ts';
