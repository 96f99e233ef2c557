/**
 * The ändringsrapport as a standalone HTML page (templates/ändringsrapport/):
 * per report and group of changes, a table with real headers (Var | Ändring |
 * Före | Efter | Skillnad); changed words marked with <del> and <ins>.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Report } from '../model/types.ts';
import { templatesRoot } from '../render/html/render-html.ts';
import { fontFaceCss } from '../render/html/fonts.ts';
import { changeGroups, changeGroupTitles, type Change, type Comparison, type ReportDiff, type WordPart } from './types.ts';
import { byPlace, summary } from './render-text.ts';

const folder = join(templatesRoot, 'ändringsrapport');
let compiled: { template: Handlebars.TemplateDelegate; css: string } | undefined;

function templates() {
  if (!compiled) {
    const hb = Handlebars.create();
    compiled = {
      template: hb.compile(readFileSync(join(folder, 'ändringsrapport.hbs'), 'utf8'), { strict: true }),
      css: readFileSync(join(folder, 'style.css'), 'utf8'),
    };
  }
  return compiled;
}

const stateTexts: Record<ReportDiff['state'], string> = {
  ändrad: 'ändrad',
  oförändrad: 'inga ändringar',
  tillagd: 'ny rapport, finns inte i versionen före',
  borttagen: 'borttagen, finns inte i versionen efter',
};

const escape = (text: string) => Handlebars.escapeExpression(text);

/** The old text with removed words struck through, or the new one with added words underlined. */
function wordsHtml(parts: readonly WordPart[], side: 'before' | 'after'): Handlebars.SafeString {
  const html = parts
    .map((p) => {
      if (p.kind === 'same') return escape(p.text);
      if (p.kind === 'removed') return side === 'before' ? `<del>${escape(p.text)}</del>` : '';
      return side === 'after' ? `<ins>${escape(p.text)}</ins>` : '';
    })
    .join('');
  return new Handlebars.SafeString(html);
}

/** The document title: "Ändringsrapport: <titel>", or the number of reports. */
export function comparisonTitle(c: Comparison): string {
  const changed = c.reports.filter((r) => r.state !== 'oförändrad');
  const shown = changed.length ? changed : c.reports;
  return shown.length === 1 ? `Ändringsrapport: ${shown[0]!.titel}` : `Ändringsrapport: ${shown.length} rapporter`;
}

function row(ch: Change) {
  return {
    subject: ch.subject,
    what: ch.what,
    before: ch.words ? wordsHtml(ch.words, 'before') : (ch.old ?? ''),
    after: ch.words ? wordsHtml(ch.words, 'after') : (ch.new ?? ''),
    difference: ch.difference ?? '',
    // Figures line up on the right, like in the report's own tables.
    figures: ch.difference !== undefined,
  };
}

export function comparisonHtml(c: Comparison, newer: readonly Report[] = []): string {
  const { template, css } = templates();
  const font = newer[0]?.profile.typsnitt ?? 'Source Sans 3';
  return template({
    title: comparisonTitle(c),
    description: `Ändringar från ${c.oldLabel} till ${c.newLabel}`,
    fontCss: new Handlebars.SafeString(fontFaceCss(font)),
    css: new Handlebars.SafeString(`:root{--typsnitt:"${font}";}\n${css}`),
    oldLabel: c.oldLabel,
    newLabel: c.newLabel,
    summary: summary(c),
    reports: c.reports.map((r) => ({
      id: r.id,
      titel: r.titel,
      stateText: stateTexts[r.state],
      groups: changeGroups
        .map((g) => ({ key: g, title: changeGroupTitles[g], changes: r.changes.filter((ch) => ch.group === g) }))
        .filter((g) => g.changes.length > 0)
        .map((g) => ({
          key: g.key,
          title: g.title,
          count: g.changes.length,
          withDifference: g.changes.some((ch) => ch.difference),
          // One row group per place (section and table, or målområde and goal), headed by the place.
          places: byPlace(g.changes).map((p) => ({ where: p.where.join(' › '), rows: p.changes.map(row) })),
        })),
    })),
  });
}
