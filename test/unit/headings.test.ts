/** Numbered headings (numrerade_rubriker): computed once in the model, printed the same by every renderer. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentFolder, INDEX, PROFILE, section } from '../helpers/fixture.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { numberHeadings } from '../../src/model/sections.ts';
import type { Block, Report, Section } from '../../src/model/types.ts';
import { inlineText } from '../../src/content/markdown.ts';
import { sectionTitle, tocEntries } from '../../src/render/views/document.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { reviewText } from '../../src/review/text.ts';
import { serializeModelJson } from '../../src/review/json.ts';
import { compareReports } from '../../src/diff/compare.ts';
import { sameHeading, headingTexts } from '../../src/render/pdf/outline.ts';

const ON = 'numrerade_rubriker: true\n';
const withKey = (index: string, line: string) => index.replace(/\n---\n$/, `\n${line}---\n`);

/** Builds the model of `files`, with `profileExtra` appended to the profile; fails the test on errors. */
function model(files: Record<string, string>, options: { profileExtra?: string; index?: string } = {}): Report {
  const { root, report } = contentFolder(files, { index: options.index });
  if (options.profileExtra) writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), PROFILE + options.profileExtra);
  const diagnostics = new Diagnostics();
  const built = loadAndCompute(report, diagnostics);
  expect(diagnostics.errors).toEqual([]);
  return built!;
}

const headings = (blocks: readonly Block[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.nummer ?? '–'} ${'#'.repeat(b.level)} ${inlineText(b.content)}`] : []));

const FILES = {
  '01-inledning.md': section('rubrik: Inledning', 'Första stycket.\n'),
  '02-ekonomi.md': section(
    'rubrik: Ekonomi',
    ['## Driftbudget', 'Text.', '## Investeringar', '### Fastigheter', '#### Ombyggnad', '#### Nybyggnad', '### Fordon', '## Personal', '### Sjukfrånvaro'].join('\n\n') + '\n',
  ),
  '03-bilaga.md': section('rubrik: Uppföljning av mål\nbilaga: true', '## Mål ett\n\n### Delmål\n'),
  '04-framtid.md': section('rubrik: Framtid', '### Direkt på nivå tre\n\n## Sedan nivå två\n\n#### Och nivå fyra\n'),
};

describe('numbered headings in the model', () => {
  it('are off by default: no section or heading carries a number', () => {
    const report = model(FILES);
    expect(report.sections.map((s) => s.nummer)).toEqual([undefined, undefined, undefined, undefined]);
    expect(report.sections.flatMap((s) => headings(s.blocks)).every((h) => h.startsWith('– '))).toBe(true);
    expect(serializeModelJson(report)).not.toContain('"nummer"');
  });

  it('number sections 1, 2 … and their headings 1.1, 1.1.1, 1.1.1.1, restarting below each higher heading', () => {
    const report = model(FILES, { profileExtra: ON });
    expect(report.sections.map((s) => [s.nummer, sectionTitle(s)])).toEqual([
      ['1', '1 Inledning'],
      ['2', '2 Ekonomi'],
      [undefined, 'Bilaga 1. Uppföljning av mål'],
      ['3', '3 Framtid'],
    ]);
    expect(headings(report.sections[1]!.blocks)).toEqual([
      '2.1 ## Driftbudget',
      '2.2 ## Investeringar',
      '2.2.1 ### Fastigheter',
      '2.2.1.1 #### Ombyggnad',
      '2.2.1.2 #### Nybyggnad',
      '2.2.2 ### Fordon',
      '2.3 ## Personal',
      '2.3.1 ### Sjukfrånvaro',
    ]);
  });

  it('count a skipped level as 0, so that a number\'s depth is its heading\'s level', () => {
    const report = model(FILES, { profileExtra: ON });
    expect(headings(report.sections[3]!.blocks)).toEqual(['3.0.1 ### Direkt på nivå tre', '3.1 ## Sedan nivå två', '3.1.0.1 #### Och nivå fyra']);
  });

  it('leave appendices with their "Bilaga N" and their headings unnumbered, and do not count them', () => {
    const report = model(FILES, { profileExtra: ON });
    const bilaga = report.sections[2]!;
    expect(bilaga.bilaga).toBe(1);
    expect(bilaga.nummer).toBeUndefined();
    expect(headings(bilaga.blocks)).toEqual(['– ## Mål ett', '– ### Delmål']);
  });

  it('leave the förord\'s headings (index.md) unnumbered: it stands before section 1', () => {
    const index = `${INDEX}\nFörordets text.\n\n## Ordförande har ordet\n\nMer text.\n`;
    const report = model(FILES, { profileExtra: ON, index });
    expect(headings(report.meta.förord)).toEqual(['– ## Ordförande har ordet']);
    expect(report.sections[0]!.nummer).toBe('1');
  });

  it('number only a section\'s own headings, not one inside a quote', () => {
    const report = model({ '01-a.md': section('rubrik: A', '## Egen\n\n> ## I citat\n') }, { profileExtra: ON });
    const quote = report.sections[0]!.blocks.find((b) => b.kind === 'quote');
    expect(headings(report.sections[0]!.blocks)).toEqual(['1.1 ## Egen']);
    expect(quote?.kind === 'quote' && headings(quote.children)).toEqual(['– ## I citat']);
  });

  it('take the report\'s value over the profile\'s', () => {
    expect(model(FILES, { index: withKey(INDEX, ON) }).sections[0]!.nummer).toBe('1');
    expect(model(FILES, { profileExtra: ON, index: withKey(INDEX, 'numrerade_rubriker: false\n') }).sections[0]!.nummer).toBeUndefined();
    expect(model(FILES, { profileExtra: 'numrerade_rubriker: false\n', index: withKey(INDEX, ON) }).sections[0]!.nummer).toBe('1');
  });

  it('reject a value that is not true or false', () => {
    const { report } = contentFolder(FILES, { index: withKey(INDEX, 'numrerade_rubriker: ja\n') });
    const diagnostics = new Diagnostics();
    expect(loadAndCompute(report, diagnostics)).toBeUndefined();
    expect(diagnostics.errors.map((e) => e.field)).toContain('numrerade_rubriker');
  });

  it('numberHeadings numbers a bare list of sections, the chart data appendix included as an appendix', () => {
    const heading = (level: 2 | 3 | 4, text: string): Block => ({ kind: 'heading', level, content: [{ kind: 'text', text }], id: text });
    const sections: Section[] = [
      { id: 'a', rubrik: 'A', blocks: [heading(4, 'x'), heading(2, 'y'), heading(4, 'z')] },
      { id: 'd', rubrik: 'Diagrammens data', bilaga: 1, blocks: [heading(2, 'w')] },
    ];
    numberHeadings(sections);
    expect(sections.map((s) => s.nummer)).toEqual(['1', undefined]);
    expect(headings(sections[0]!.blocks)).toEqual(['1.0.0.1 #### x', '1.1 ## y', '1.1.0.1 #### z']);
    expect(headings(sections[1]!.blocks)).toEqual(['– ## w']);
  });
});

describe('numbered headings in the renderers', () => {
  const report = model(FILES, { profileExtra: ON });

  it('give the contents the numbered titles of sections and their level-2 headings', () => {
    expect(tocEntries(report).map((e) => `${e.level} ${e.title}`)).toEqual([
      '1 1 Inledning',
      '1 2 Ekonomi',
      '2 2.1 Driftbudget',
      '2 2.2 Investeringar',
      '2 2.3 Personal',
      '1 Bilaga 1. Uppföljning av mål',
      '2 Mål ett',
      '1 3 Framtid',
      '2 3.1 Sedan nivå två',
    ]);
  });

  it('print the numbers in the HTML headings and contents, and the headings still match the contents entries', () => {
    const html = renderHtml(report);
    expect(html).toContain('<h1 id="ekonomi-rubrik">2 Ekonomi</h1>');
    expect(html).toContain('>2.2.1.1 Ombyggnad</h4>');
    expect(html).toContain('>3.0.1 Direkt på nivå tre</h3>');
    expect(html).toContain('<span class="rubrik">2.1 Driftbudget</span>');
    expect(html).toMatch(/<h2 id="[^"]*">Mål ett<\/h2>/);
    const texts = headingTexts(html);
    for (const entry of tocEntries(report)) expect(texts, entry.title).toContain(entry.title);
  });

  it('match a numbered heading to a bookmark Chromium garbled by wrapping it', () => {
    const heading = '3.1 Viktiga förhållanden för resultat och ekonomisk ställning';
    expect(sameHeading('3.1 Viktiga förhållanden för resultat och ekonomisk3.1 Viktiga förhållanden för resultat och ekonomiskställning', heading)).toBe(true);
    expect(sameHeading('3.2 Viktiga förhållanden för resultat och ekonomisk ställning', heading)).toBe(false);
  });

  it('print the numbers in the review text, and in the model JSON as "nummer"', () => {
    const text = reviewText(report);
    expect(text).toContain('== 2 Ekonomi [ekonomi]');
    expect(text).toContain('\n## 2.2 Investeringar\n### 2.2.1 Fastigheter\n#### 2.2.1.1 Ombyggnad\n');
    expect(text).toContain('== Bilaga 1. Uppföljning av mål [bilaga]\n## Mål ett\n### Delmål');
    const json = JSON.parse(serializeModelJson(report)) as { rapport: { sections: { nummer?: string; blocks: { kind: string; nummer?: string }[] }[] } };
    expect(json.rapport.sections.map((s) => s.nummer)).toEqual(['1', '2', undefined, '3']);
    expect(json.rapport.sections[1]!.blocks.filter((b) => b.kind === 'heading').map((b) => b.nummer)).toEqual(['2.1', '2.2', '2.2.1', '2.2.1.1', '2.2.1.2', '2.2.2', '2.3', '2.3.1']);
  });
});

describe('numbered headings in the diff', () => {
  const older = model(FILES, { profileExtra: ON });

  it('show no change when a new section only renumbers the others, and name the headings with their new numbers', () => {
    const newer = model({ ...FILES, '01b-mal.md': section('rubrik: Mål', 'Nytt avsnitt.\n') }, { profileExtra: ON });
    expect(newer.sections.map(sectionTitle)).toEqual(['1 Inledning', '2 Mål', '3 Ekonomi', 'Bilaga 1. Uppföljning av mål', '4 Framtid']);
    const changes = compareReports('rapport', older, newer).changes;
    expect(changes.map((c) => `${c.what}: ${c.subject}`)).toEqual(['Avsnitt tillagt: 2 Mål']);
  });

  it('show a reworded heading with its number, and where a changed paragraph stands by numbered headings', () => {
    const files = {
      ...FILES,
      '02-ekonomi.md': FILES['02-ekonomi.md'].replace('## Driftbudget', '## Driftbudget och utfall').replace('Text.', 'Ny text.'),
    };
    const changes = compareReports('rapport', older, model(files, { profileExtra: ON })).changes;
    expect(changes.map((c) => [c.what, c.where.join(' › '), c.old, c.new])).toEqual([
      ['Ändrad text', '2 Ekonomi', '## 2.1 Driftbudget', '## 2.1 Driftbudget och utfall'],
      ['Ändrad text', '2 Ekonomi › 2.1 Driftbudget och utfall', 'Text.', 'Ny text.'],
    ]);
  });

  it('compare sections by their text when numbering is switched on', () => {
    expect(compareReports('rapport', model(FILES), older).changes).toEqual([]);
  });
});
