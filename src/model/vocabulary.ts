/**
 * The municipality's own words: column and field labels and the words for
 * statuses, resolved once per report from our defaults, the profile and the
 * report (in that order of precedence). Views read them; code never branches
 * on a municipality's name.
 */
import type { LabelKey, StatusWordKey } from '../content/schema.ts';
import type { Status } from './assessment/types.ts';
import { statusWords } from './assessment/types.ts';

/** Every label a report prints that a municipality may word differently, with our words as defaults. */
export const defaultLabels: Record<LabelKey, string> = {
  /** Goal levels. */
  kf_mål: 'KF-mål',
  nämndmål: 'Nämndmål',
  /** Goals directly under a målområde (kommunstyrelsens mål) and in a måltabell. */
  mål: 'Mål',
  kommunfullmäktiges_mål: 'Kommunfullmäktiges mål',
  /** In the nämndmål column, for indicators directly under a KF-mål ("Kontorets indikatorer"). */
  egna_indikatorer: '–',
  /** Goal-table columns. */
  mått: 'Mått och datakälla',
  ingångsvärde: 'Ingångsvärde',
  /** The target: Målvärde, or Riktvärde (Katrineholm). */
  målvärde: 'Målvärde',
  utfall: 'Utfall',
  trend: 'Trend',
  bedömning: 'Bedömning',
  /** Title page. */
  ordförande: 'Ordförande',
  ansvarig_chef: 'Ansvarig chef',
  förvaltning: 'Förvaltning',
  /** The verb of the adoption line; empty: "Antagen" for a plan, "Godkänd" for a follow-up. */
  antagen: '',
  /** Who an uppdrag or a KF-mål concerns. */
  ansvariga: 'Berörda',
};

export type Labels = Record<LabelKey, string>;

/** The status each key of the profile's "statusord" names. */
const statusOf: Record<StatusWordKey, Status> = { uppfyllt: 'uppfyllt', delvis_uppfyllt: 'delvis', ej_uppfyllt: 'ej-uppfyllt', ej_utvärderad: 'ej-utvärderad' };

export interface Vocabulary {
  labels: Labels;
  status: Record<Status, string>;
}

export const defaultVocabulary: Vocabulary = { labels: { ...defaultLabels }, status: { ...statusWords } };

/** Defaults < profile < report: each later layer replaces only the words it names. */
export function resolveVocabulary(
  layers: readonly { etiketter?: Partial<Record<LabelKey, string>>; statusord?: Partial<Record<StatusWordKey, string>> }[],
): Vocabulary {
  const labels: Labels = { ...defaultLabels };
  const status: Record<Status, string> = { ...statusWords };
  for (const layer of layers) {
    for (const [key, word] of Object.entries(layer.etiketter ?? {}) as [LabelKey, string | undefined][]) if (word) labels[key] = word;
    for (const [key, word] of Object.entries(layer.statusord ?? {}) as [StatusWordKey, string | undefined][]) if (word) status[statusOf[key]] = word;
  }
  return { labels, status };
}
