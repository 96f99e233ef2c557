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
import type { Report } from '../../model/types.ts';
import { reportView, type ReportView } from '../views/blocks.ts';
import { proseHtml } from './prose.ts';
import { htmlBlock, type Downloads } from './blocks.ts';
import { emojiFontFaceCss, fontFaceCss } from './fonts.ts';
import { packagePath } from '../../package-root.ts';
import { BuildError, ExitCode } from '../../diagnostics.ts';

export const templatesRoot = packagePath('templates');

export interface HtmlOptions {
  /** Page number per contents entry id, from a previous print (see render/pdf). */
  pages?: ReadonlyMap<string, number>;
  /** A CSV download link under every table (the web page; not the page printed to PDF). */
  downloads?: Downloads;
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
  // Types with the same folders share one compilation (a plan and a follow-up both use gemensamt/).
  const key = templateFolders[type].join('/');
  const cached = compiled.get(key);
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
  compiled.set(key, entry);
  return entry;
}

/** A CSS string literal, safe inside a <style> element. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ').replace(/</g, '\\3C ')}"`;
}

export function renderHtml(report: Report, options: HtmlOptions = {}, view: ReportView = reportView(report)): string {
  const { layout, css } = templatesFor(report.type);
  const { färger, typsnitt } = report.profile;
  const { facts } = view;
  const pageCss = [
    `:root{--primär:${färger.primär};--sekundär:${färger.sekundär};--text:${färger.text};--tabellhuvud:${färger.tabellhuvud};--typsnitt:"${typsnitt}";}`,
    // Margin boxes do not see the document's custom properties: name the font here.
    `@page{@top-left{content:${cssString(facts.runningHeader)};font-family:"${typsnitt}";}@bottom-right{font-family:"${typsnitt}";}}`,
  ].join('\n');

  const html = layout({
    title: `${facts.title} – ${facts.kommun}`,
    description: `${facts.summary}.`,
    fontCss: new Handlebars.SafeString(FONT_CSS_MARK),
    css: new Handlebars.SafeString(css),
    pageCss: new Handlebars.SafeString(pageCss),
    logo: new Handlebars.SafeString(report.profile.logotypSvg.replace(/<\?xml[^>]*>\s*/, '').replace(/<svg\b/, `<svg role="img" aria-label="${Handlebars.escapeExpression(`Logotyp: ${facts.kommun}`)}"`)),
    draft: facts.draft,
    titlePage: view.titlePage,
    toc: view.toc.map((e) => ({ ...e, page: options.pages?.get(e.id) ?? '' })),
    förord: new Handlebars.SafeString(proseHtml(view.förord)),
    sections: view.sections.map((s) => ({ id: s.id, rubrik: s.rubrik, blocks: s.blocks.map((b) => htmlBlock(b, view.context, report.profile, options.downloads)) })),
  });
  // The fonts go in last, when the text is known: emoji faces only for a report that uses emoji.
  const at = html.indexOf(FONT_CSS_MARK);
  const fontCss = [fontFaceCss(typsnitt), emojiFontFaceCss(typsnitt, html)].filter(Boolean).join('\n');
  return html.slice(0, at) + fontCss + html.slice(at + FONT_CSS_MARK.length);
}

/** Stands in the <style> of the head until the fonts are known (it comes before any content). */
const FONT_CSS_MARK = '/*kommunrapport:typsnitt*/';
