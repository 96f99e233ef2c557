/**
 * HTML renderer: the computed model through Handlebars templates. Every
 * report type starts from templates/gemensamt/ (layout, stylesheet, partials);
 * a type with a folder of its own (templates/årsredovisning/) adds or replaces
 * partials and appends its stylesheet. The same HTML is the web page and the
 * input to the PDF printer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { isProseBlock, type Block, type Report, type UppdragItem } from '../../model/types.ts';
import { withBlockLabels } from '../views/goal-tables.ts';
import { countSentences, kfMålView, kfMålLine, goalLevelName, tableViews, viewContext, type TableView, type ViewContext } from '../views/table-view.ts';
import { assessmentNote, groupByArea, responsibilityLine, tagTextColour } from '../views/goal-cards.ts';
import { globalGoal } from '../../model/agenda2030.ts';
import { legendOrder, symbolSvg, symbolWord } from '../symbols.ts';
import { periodText, reportTypeNames, sectionTitle, statusLine, subtitleLine, titlePageFacts, tocEntries } from '../views/document.ts';
import { proseHtml } from './prose.ts';
import { csvDataUri, tableCsv } from '../xlsx/csv.ts';
import { emojiFontFaceCss, fontFaceCss } from './fonts.ts';
import { chartStyle, drawChart } from '../charts/draw.ts';
import { inlineSvg } from '../charts/svg.ts';
import { packagePath } from '../../package-root.ts';
import { BuildError, ExitCode } from '../../diagnostics.ts';

export const templatesRoot = packagePath('templates');

export interface HtmlOptions {
  /** Page number per contents entry id, from a previous print (see render/pdf). */
  pages?: ReadonlyMap<string, number>;
  /** A CSV download link under every table (the web page; not the page printed to PDF). */
  downloads?: { reportId: string };
}

type Template = Handlebars.TemplateDelegate;
const compiled = new Map<string, { layout: Template; css: string }>();

/** The template folders per report type, in layering order: later folders add or replace partials and append CSS. */
const templateFolders: Record<Report['type'], string[]> = {
  verksamhetsplan: ['gemensamt'],
  uppföljning: ['gemensamt'],
  årsredovisning: ['gemensamt', 'årsredovisning'],
};

function templatesFor(type: Report['type']): { layout: Template; css: string } {
  const cached = compiled.get(type);
  if (cached) return cached;
  const hb = Handlebars.create();
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  let layoutSource = '';
  const css: string[] = [];
  for (const folder of templateFolders[type]) {
    const dir = join(templatesRoot, folder);
    const partials = join(dir, 'partials');
    if (existsSync(partials)) {
      for (const file of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
        hb.registerPartial(basename(file, '.hbs').normalize('NFC'), readFileSync(join(partials, file), 'utf8'));
      }
    }
    if (existsSync(join(dir, 'layout.hbs'))) layoutSource = readFileSync(join(dir, 'layout.hbs'), 'utf8');
    if (existsSync(join(dir, 'style.css'))) css.push(readFileSync(join(dir, 'style.css'), 'utf8'));
  }
  // Without a layout every page would be empty: stop instead of writing a blank file.
  if (!layoutSource.trim()) {
    throw new BuildError(
      `Mallen för ${type} saknas: ingen layout.hbs i ${templateFolders[type].map((f) => join(templatesRoot, f)).join(' eller ')}.`,
      ExitCode.renderFailed,
      'Installera om kommunrapport (npm ci), eller kontrollera att mappen templates/ följde med när programmet kopierades.',
    );
  }
  const entry = { layout: hb.compile(layoutSource, { strict: true }), css: css.join('\n') };
  compiled.set(type, entry);
  return entry;
}

/** A CSS string literal, safe inside a <style> element. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ').replace(/</g, '\\3C ')}"`;
}

/** A table view with its symbols drawn and its footnotes numbered, ready for the table partial. */
function htmlTable(view: TableView, ctx: ViewContext, downloads?: HtmlOptions['downloads']): Record<string, unknown> {
  const footnotes: string[] = [];
  const set = view.symbolSet ?? ctx.symbols;
  const cell = <C extends { symbol?: Parameters<typeof symbolSvg>[0]; footnote?: string }>(c: C) => {
    const note = c.footnote ? footnotes.push(c.footnote) : undefined;
    return {
      ...c,
      svg: c.symbol ? new Handlebars.SafeString(symbolSvg(c.symbol, set, 12, symbolWord(c.symbol, ctx.ord))) : null,
      meaning: (c as { meaning?: string }).meaning ?? null,
      note: note ? { n: note, id: `${view.id}-not-${note}` } : null,
    };
  };
  const used = new Set(view.body.flatMap((r) => r.cells.flatMap((c) => (c.symbol ? [JSON.stringify(c.symbol)] : []))));
  return {
    ...view,
    note: view.note ?? null,
    body: view.body.map((r) => ({ ...r, cells: r.cells.map(cell) })),
    footnotes: footnotes.map((text, i) => ({ n: i + 1, id: `${view.id}-not-${i + 1}`, text })),
    download: downloads ? { href: csvDataUri(tableCsv(view)), filename: `${downloads.reportId}-${view.id}.csv` } : null,
    legend: (view.legend ?? [])
      .filter((ref) => used.has(JSON.stringify(ref)))
      .map((ref) => ({ svg: new Handlebars.SafeString(symbolSvg(ref, set, 11, symbolWord(ref, ctx.ord))), word: symbolWord(ref, ctx.ord) })),
  };
}

function blockView(block: Block, report: Report, downloads?: HtmlOptions['downloads']): Record<string, unknown> {
  const ctx = viewContext(report);
  const tables = (views: TableView[]) => views.map((v) => htmlTable(v, ctx, downloads));
  if (isProseBlock(block)) return { partial: 'prose', html: new Handlebars.SafeString(proseHtml([block])) };
  switch (block.kind) {
    case 'målområde':
      return {
        partial: 'målområde',
        namn: block.namn,
        beskrivning: block.beskrivning ?? null,
        // With assessments the KF-mål are listed in a table with their status instead.
        kfMål: kfMålView(block, ctx) ? [] : block.kfMål.map(kfMålLine),
        kfMålRubrik: withBlockLabels(ctx, block.etiketter).ord.labels.kommunfullmäktiges_mål,
        tables: tables(tableViews(block, ctx)),
        not: block.not ?? null,
      };
    case 'bedömningar': {
      const level = goalLevelName(block.nivå, ctx);
      const counts = block.visa === 'antal';
      return {
        partial: 'bedömningar',
        tables: tables(tableViews(block, ctx)),
        områden: counts ? block.områden.map((o) => ({ namn: o.namn, sentences: countSentences(o.summary, level, ctx.ord) })) : [],
        totalt: counts ? countSentences(block.totalt, level, ctx.ord) : [],
      };
    }
    case 'uppdrag': {
      const symbol = (status: UppdragItem['status']) => ({ kind: 'uppdrag' as const, status });
      const used = new Set(block.items.map((u) => u.status));
      return {
        partial: 'uppdrag',
        grupper: groupByArea(block.items).map((g) => ({
          område: g.område ?? null,
          items: g.items.map((u) => ({
            id: `${block.id}-${u.id}`,
            nivå: g.område ? 3 : 2,
            rubrik: u.rubrik ?? null,
            text: u.text,
            ansvariga: u.ansvariga.join(', '),
            ansvarigaEtikett: ctx.ord.labels.ansvariga,
            huvudansvar: u.huvudansvar ?? null,
            slutdatum: u.slutdatum ?? null,
            svg: new Handlebars.SafeString(symbolSvg(symbol(u.status), ctx.symbols, 12, symbolWord(symbol(u.status), ctx.ord))),
            statusord: symbolWord(symbol(u.status), ctx.ord),
            kommentar: u.kommentar,
          })),
        })),
        legend: legendOrder.uppdrag
          .filter((ref) => ref.kind === 'uppdrag' && used.has(ref.status))
          .map((ref) => ({ svg: new Handlebars.SafeString(symbolSvg(ref, ctx.symbols, 11, symbolWord(ref, ctx.ord))), word: symbolWord(ref, ctx.ord) })),
        not: block.not ?? null,
      };
    }
    case 'resultatmål':
      return {
        partial: 'resultatmål',
        mål: block.mål.map((m) => ({
          id: `${block.id}-${m.id}`,
          text: m.text,
          ansvar: responsibilityLine(m),
          bedömning: m.bedömning
            ? {
                svg: new Handlebars.SafeString(symbolSvg({ kind: 'status', status: m.bedömning.status }, ctx.symbols, 12, symbolWord({ kind: 'status', status: m.bedömning.status }, ctx.ord))),
                word: symbolWord({ kind: 'status', status: m.bedömning.status }, ctx.ord),
                motivering: assessmentNote(m.bedömning, ctx.ord) ?? null,
              }
            : null,
          agenda: m.agenda2030.map((n) => ({ ...globalGoal(n), textfärg: tagTextColour(globalGoal(n).färg) })),
          kommentar: m.kommentar,
        })),
        not: block.not ?? null,
      };
    case 'diagram':
      return {
        partial: 'diagram',
        id: block.id,
        rubrik: block.rubrik,
        svg: block.visa === 'tabell' ? null : new Handlebars.SafeString(inlineSvg(drawChart(block, chartStyle(report.profile), 'svg').data, `diagram-${block.id}`, block.alt)),
        hänvisning: block.visa === 'diagram' && block.bilaga ? `Diagrammets data finns i tabellform i Bilaga ${block.bilaga.nummer}. ${block.bilaga.rubrik}.` : null,
        // The note stands under the chart, or under the data table when the table follows.
        not: block.visa === 'diagram' ? (block.not ?? null) : null,
        tables: tables(tableViews(block, ctx)),
      };
    default:
      return { partial: block.kind, tables: tables(tableViews(block, ctx)), not: block.not ?? null };
  }
}

export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const { layout, css } = templatesFor(report.type);
  const { färger, typsnitt } = report.profile;
  const title = report.meta.titel;
  const draft = report.meta.status === 'utkast';
  const pageCss = [
    `:root{--primär:${färger.primär};--sekundär:${färger.sekundär};--text:${färger.text};--tabellhuvud:${färger.tabellhuvud};--typsnitt:"${typsnitt}";}`,
    // Margin boxes do not see the document's custom properties: name the font here.
    `@page{@top-left{content:${cssString(draft ? `UTKAST – ${title}` : title)};font-family:"${typsnitt}";}@bottom-right{font-family:"${typsnitt}";}}`,
  ].join('\n');

  const html = layout({
    title: `${title} – ${report.profile.namn}`,
    description: `${reportTypeNames[report.type]} ${periodText(report)} för ${report.meta.nämnd}, ${report.profile.namn}.`,
    fontCss: new Handlebars.SafeString(FONT_CSS_MARK),
    css: new Handlebars.SafeString(css),
    pageCss: new Handlebars.SafeString(pageCss),
    logo: new Handlebars.SafeString(report.profile.logotypSvg.replace(/<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg role="img" aria-label="${Handlebars.escapeExpression(`Logotyp: ${report.profile.namn}`)}"`)),
    draft,
    titlePage: {
      kommun: report.profile.namn,
      nämnd: report.meta.nämnd,
      titel: title,
      undertitel: subtitleLine(report),
      status: statusLine(report),
      facts: titlePageFacts(report),
    },
    toc: tocEntries(report).map((e) => ({ ...e, page: options.pages?.get(e.id) ?? '' })),
    förord: new Handlebars.SafeString(proseHtml(report.meta.förord)),
    sections: report.sections.map((s) => ({ id: s.id, rubrik: sectionTitle(s), blocks: s.blocks.map((b) => blockView(b, report, options.downloads)) })),
  });
  // The fonts go in last, when the text is known: emoji faces only for a report that uses emoji.
  const at = html.indexOf(FONT_CSS_MARK);
  const fontCss = [fontFaceCss(typsnitt), emojiFontFaceCss(typsnitt, html)].filter(Boolean).join('\n');
  return html.slice(0, at) + fontCss + html.slice(at + FONT_CSS_MARK.length);
}

/** Stands in the <style> of the head until the fonts are known (it comes before any content). */
const FONT_CSS_MARK = '/*kommunrapport:typsnitt*/';
