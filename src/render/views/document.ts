/**
 * The document-level presentation shared by every renderer: title page lines,
 * the contents entries, and the walk over sections and blocks.
 */
import type { Decision, ProseBlock, Report, Section } from '../../model/types.ts';
import { inlineText } from '../../content/markdown.ts';
import { formatList, formatParagraph, formatRange } from '../../format/swedish.ts';

export interface TocEntry {
  id: string;
  level: 1 | 2;
  title: string;
}

/** Contents: every section (level 1) and its level-2 headings. */
export function tocEntries(report: Report): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const s of report.sections) {
    entries.push({ id: s.id, level: 1, title: sectionTitle(s) });
    for (const b of s.blocks) {
      if (b.kind === 'heading' && b.level === 2) entries.push({ id: b.id, level: 2, title: headingTitle(b) });
    }
  }
  return entries;
}

/** A section's heading: "Bilaga 2. Uppföljning av uppdrag" for an appendix, "3 Ekonomi" when numbered, else its rubrik. */
export function sectionTitle(section: Pick<Section, 'rubrik' | 'bilaga' | 'nummer'>): string {
  if (section.bilaga) return `Bilaga ${section.bilaga}. ${section.rubrik}`;
  return withNumber(section.nummer, section.rubrik);
}

/** A prose heading's text as printed: "3.1 Driftbudget" when numbered, else its text. */
export function headingTitle(heading: Extract<ProseBlock, { kind: 'heading' }>): string {
  return withNumber(heading.nummer, inlineText(heading.content));
}

/** The heading number before a heading's text, separated by a space (as printed in every format). */
export function withNumber(nummer: string | undefined, text: string): string {
  return nummer ? `${nummer} ${text}` : text;
}

export function periodText(report: Report): string {
  return formatRange(report.meta.period.från, report.meta.period.till);
}

/**
 * "Antagen av vård- och omsorgsnämnden 2023-12-13, § 64"; several decisions of one organ share it:
 * "Fastställd av kommunstyrelsen 2021-12-15, § 197 och 2022-01-26, § 9". A § not known is left out.
 */
export function statusLine(report: Report): string {
  const decisions = report.meta.antagen;
  if (report.meta.status === 'antagen' && decisions.length > 0) {
    // A plan is adopted ("antagen"), a follow-up approved ("godkänd"), unless the municipality words it otherwise.
    // "Fastställd av" and "Fastställd" both read "Fastställd av kommunstyrelsen …".
    const verb = report.profile.ord.labels.antagen.replace(/\s+av$/i, '') || (report.type === 'verksamhetsplan' ? 'Antagen' : 'Godkänd');
    const organ = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
    const when = (d: Decision) => (d.paragraf ? `${d.datum}, ${formatParagraph(d.paragraf)}` : d.datum);
    const parts = decisions.map((d, i) => (i > 0 && d.organ === decisions[i - 1]!.organ ? when(d) : `av ${organ(d.organ)} ${when(d)}`));
    return `${verb} ${formatList(parts)}`;
  }
  return `UTKAST ${report.meta.datum}, ej antagen`;
}

/** A fact of the title page: its key (ours), its label (the municipality's word) and its value. */
export interface TitlePageFact {
  key: 'ordförande' | 'ansvarig chef' | 'förvaltning';
  label: string;
  value: string;
}

/** Label/value pairs for the title page, labelled in the municipality's words. */
export function titlePageFacts(report: Report): TitlePageFact[] {
  const { labels } = report.profile.ord;
  const facts: TitlePageFact[] = [];
  if (report.meta.ordförande) facts.push({ key: 'ordförande', label: labels.ordförande, value: report.meta.ordförande });
  if (report.meta.ansvarigChef) facts.push({ key: 'ansvarig chef', label: labels.ansvarig_chef, value: report.meta.ansvarigChef });
  if (report.meta.förvaltning) facts.push({ key: 'förvaltning', label: labels.förvaltning, value: report.meta.förvaltning });
  return facts;
}

export const reportTypeNames: Record<Report['type'], string> = {
  verksamhetsplan: 'Verksamhetsplan',
  uppföljning: 'Uppföljning',
  årsredovisning: 'Årsredovisning',
};

/** The line under the title: the subtitle when given, else "Verksamhetsplan 2024–2026". */
export function subtitleLine(report: Report): string {
  return report.meta.undertitel ?? `${reportTypeNames[report.type]} ${periodText(report)}`;
}

/** What the title page prints, in print order. */
export interface TitlePageView {
  kommun: string;
  nämnd: string;
  titel: string;
  /** "Verksamhetsplan 2024–2026", or the subtitle. */
  undertitel: string;
  /** The adoption decisions, or "UTKAST 2024-01-15, ej antagen". */
  status: string;
  /** Ordförande, ansvarig chef, förvaltning in the municipality's words; only those given. */
  facts: TitlePageFact[];
}

export function titlePageView(report: Report): TitlePageView {
  return {
    kommun: report.profile.namn,
    nämnd: report.meta.nämnd,
    titel: report.meta.titel,
    undertitel: subtitleLine(report),
    status: statusLine(report),
    facts: titlePageFacts(report),
  };
}

/**
 * The document's facts: what the HTML head, the DOCX and PDF properties, the
 * running header and the review text say about the report as a whole.
 */
export interface DocumentFacts {
  title: string;
  /** BCP 47: the language of every report. */
  language: 'sv';
  kommun: string;
  nämnd: string;
  /** "Verksamhetsplan", "Uppföljning", "Årsredovisning". */
  typ: string;
  /** "2024–2026". */
  period: string;
  /** "Verksamhetsplan 2024–2026 för vård- och omsorgsnämnden, Oxelösunds kommun" (no full stop). */
  summary: string;
  keywords: string[];
  /** The report's date (YYYY-MM-DD). */
  datum: string;
  draft: boolean;
  /** The adoption decisions as one line (see statusLine). */
  adoption: string;
  /** The running header: the title, after "UTKAST – " in a draft. */
  runningHeader: string;
}

export function documentFacts(report: Report): DocumentFacts {
  const typ = reportTypeNames[report.type];
  const period = periodText(report);
  const { titel, nämnd, datum } = report.meta;
  const kommun = report.profile.namn;
  const draft = report.meta.status === 'utkast';
  return {
    title: titel,
    language: 'sv',
    kommun,
    nämnd,
    typ,
    period,
    summary: `${typ} ${period} för ${nämnd}, ${kommun}`,
    keywords: [typ, nämnd, kommun, period],
    datum,
    draft,
    adoption: statusLine(report),
    runningHeader: draft ? `UTKAST – ${titel}` : titel,
  };
}
