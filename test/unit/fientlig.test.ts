/**
 * The corpus of hostile and broken content (test/helpers/hostile.ts), built
 * in-process without a browser: every case is refused with a Swedish message
 * naming the file, the line and what to do; nothing from outside the content
 * folder reaches any output or message; the earlier outputs stay byte-identical.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildHostile, expectRefused, outsideFolder } from '../helpers/hostile.ts';
import { INDEX, section } from '../helpers/fixture.ts';
import { svgDraws, svgProblem } from '../../src/content/svg-safety.ts';
import { logoImages } from '../../src/render/docx/logo.ts';
import type { Profile } from '../../src/model/types.ts';

const tabell = (rows: string) =>
  section(`rubrik: Volymer\ndata:\n  - typ: tabell\n    id: volymer\n    rubrik: Volymer\n    kolumner: [Verksamhet, { rubrik: Antal, typ: tal }]\n    rader:\n${rows}\n    summarad: Summa`);
const outside = outsideFolder();
const RAPPORT = /rapport\/01-a\.md$/;

describe('content that would crash the build is refused at its line', () => {
  it('a YAML alias bomb', async () => {
    const bomb = 'rubrik: A\nx: &a [1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c,*c,*c,*c,*c,*c,*c]';
    expectRefused(await buildHostile({ files: { '01-a.md': section(bomb) } }), { code: 'yaml-alias', file: RAPPORT, line: 4, message: /Hänvisningen \*a/, hint: /Skriv ut värdet/ });
  });

  it.each([
    ['flow', `x: ${'['.repeat(5000)}${']'.repeat(5000)}`, 3],
    ['block', `x:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}1`, undefined],
    ['moderately deep flow', `x: ${'['.repeat(60)}${']'.repeat(60)}`, 3],
  ])('nesting 5000 levels deep (%s)', async (_kind, yaml, line) => {
    const d = expectRefused(await buildHostile({ files: { '01-a.md': section(`rubrik: A\n${yaml}`) } }), {
      code: 'för-djup-nästling',
      file: RAPPORT,
      message: /nästlad i fler nivåer än kommunrapport kan läsa/,
      hint: /varje \[ och \{ ska stängas/,
      ...(line ? { line } : {}),
    });
    expect(d.line).toBeGreaterThanOrEqual(3);
  });

  it('two 1e308 cells whose sum would overflow to Infinity', async () => {
    const run = await buildHostile({ files: { '01-a.md': tabell('      - [Hemtjänst, 1e308]\n      - [LSS, 1e308]') } });
    expectRefused(run, { code: 'för-stort-tal', file: RAPPORT, line: 9, field: 'data[0].rader[0][1]', message: /Talet 1e308 är för stort/, hint: /tkr eller mnkr/ });
    expect(run.errors.filter((e) => e.code === 'för-stort-tal').map((e) => e.line)).toEqual([9, 10]);
  });

  it('a broken %-escape in an image path', async () => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', '\nText.\n\n![Karta](karta%E0%A4%A.png)\n') } });
    expectRefused(run, { code: 'bild', file: RAPPORT, line: 7, message: /har en trasig %-kod/, hint: /%20 för mellanslag/ });
  });
});

describe('nothing outside the folder gets in', () => {
  it.each([
    ['a section file', { remove: ['rapport/01-a.md'], links: { 'rapport/01-a.md': join(outside, 'hemlig.md') } }, /rapport\/01-a\.md$/],
    ['index.md', { remove: ['rapport/index.md'], links: { 'rapport/index.md': join(outside, 'index.md') } }, /rapport\/index\.md$/],
    ['kommun.yaml', { remove: ['kommuner/prov/kommun.yaml'], links: { 'kommuner/prov/kommun.yaml': join(outside, 'kommun.yaml') } }, /kommuner\/prov\/kommun\.yaml$/],
    ['the logo', { remove: ['kommuner/prov/logotyp.svg'], links: { 'kommuner/prov/logotyp.svg': join(outside, 'logotyp.svg') } }, /kommuner\/prov\/kommun\.yaml$/],
    ['the profile folder', { remove: ['kommuner/prov'], links: { 'kommuner/prov': join(outside, 'profil') } }, /rapport\/index\.md$/],
  ])('refuses %s that is a symbolic link to a file outside', async (_what, c, file) => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', 'Text.') }, ...c });
    expectRefused(run, { code: 'utanför-mappen', file, message: /genväg \(symbolisk länk\) till en (fil|mapp) utanför/, hint: /Kopiera/ });
  });

  it('refuses a report folder that is a symbolic link to a folder outside, instead of skipping it in silence', async () => {
    const run = await buildHostile({ remove: ['rapport'], links: { rapport: outside } });
    expectRefused(run, { code: 'utanför-mappen', file: /rapport$/, message: /Rapportmappen "rapport" är en genväg \(symbolisk länk\) till en mapp utanför/, hint: /Flytta eller kopiera/ });
  });

  it('refuses an image that is a symbolic link to a file outside', async () => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', '\n![Karta](bild.png)\n') }, links: { 'rapport/bild.png': join(outside, 'bild.png') } });
    expectRefused(run, { code: 'bild', file: RAPPORT, line: 5, message: /genväg \(symbolisk länk\) till en fil utanför rapportmappen/, hint: /Kopiera bilden/ });
  });

  it.each([
    ['file:', '![Lösenord](file:///etc/passwd)'],
    ['data:', '![Bild](data:image/png;base64,iVBORw0KGgo=)'],
    ['data: in running text', 'Text ![Bild](data:text/html;base64,PHNjcmlwdD4=) och mer.'],
    ['http:', '![Bild](http://127.0.0.1:9/x.png)'],
    ['../', '![Bild](../../../../etc/passwd.png)'],
  ])('gives the documented error for an image with a %s address, not literal text', async (_what, markdown) => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', `\n${markdown}\n`) } });
    expectRefused(run, { code: 'bild', file: RAPPORT, line: 5, message: /pekar utanför rapportmappen/, hint: /relativ sökväg/ });
  });
});

describe('an SVG logo with anything active or external is refused', () => {
  const ns = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"';
  it.each([
    ['<svg/onload=…>', '<svg/onload=alert(1)>', /snedstreck inne i en tagg/],
    ['an unquoted javascript: href', `<svg ${ns}><a href=javascript:alert(1)><rect width="5" height="5"/></a></svg>`, /attributvärde utan citattecken/],
    ['a quoted javascript: href', `<svg ${ns} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="javascript:alert(1)"/></svg>`, /länk till något utanför logotypen/],
    ['an on… handler', `<svg ${ns} onload="alert(1)"><rect width="5" height="5"/></svg>`, /händelsehanterare \(onload\)/],
    ['<script>', `<svg ${ns}><script>alert(1)</script></svg>`, /skript/],
    ['<style>@import', `<svg ${ns}><style>@import "http://127.0.0.1:9/x.css";</style></svg>`, /<style>-element/],
    ['url() in a style attribute', `<svg ${ns}><rect width="5" height="5" style="fill:url(http://127.0.0.1:9/x)"/></svg>`, /extern resurs \(url\(\)\)/],
    ['a CSS escape hiding url()', `<svg ${ns}><rect width="5" height="5" style="fill:\\75rl(http://127.0.0.1:9/x)"/></svg>`, /bakstreck/],
    ['SMIL <set> rewriting href', `<svg ${ns}><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>`, /länkar till|animation/],
    ['SMIL <animate>', `<svg ${ns}><rect width="5" height="5"><animate attributeName="href" values="javascript:alert(1)"/></rect></svg>`, /animation \(<animate>\)/],
    ['<foreignObject>', `<svg ${ns}><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>`, /foreignObject/],
    ['an embedded image', `<svg ${ns}><image href="data:image/png;base64,AAAA"/></svg>`, /hämtar, länkar till eller bäddar in/],
    ['a DOCTYPE with entities', `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg ${ns}><title>&x;</title></svg>`, /DOCTYPE/],
    ['a CDATA section', `<svg ${ns}><title><![CDATA[</title><script>alert(1)</script>]]></title></svg>`, /CDATA/],
    ['a comment read differently by HTML', `<svg ${ns}><!--><script>alert(1)</script>--></svg>`, /kommentar/],
    ['a script after </svg>', `<svg ${ns}></svg><script>alert(1)</script>`, /mer än ett rotelement|text utanför/],
    ['an attribute written twice (the XML parser keeps the last, a browser the first)', `<svg ${ns} xmlns:xlink="http://www.w3.org/1999/xlink"><path id="a" d="M0 0h5v5z"/><use xlink:href="javascript:alert(1)" xlink:href="#a"/></svg>`, /attributet xlink:href två gånger/],
    ['an entity-encoded javascript: href', `<svg ${ns}><path id="a" d="M0 0h5v5z"/><use href="&#106;avascript:alert(1)"/></svg>`, /länk till något utanför/],
    ['an upper-case HREF', `<svg ${ns}><use HREF="javascript:alert(1)"/></svg>`, /attributet HREF, som inte tillåts/],
    ['no SVG namespace (Word cannot draw it)', '<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>', /utan xmlns/],
    ['a size that cannot be drawn', '<svg xmlns="http://www.w3.org/2000/svg" width="-5" height="10"><rect width="5" height="5"/></svg>', /storlek som inte går att rita/],
    ['no size to draw by (a percentage and no viewBox)', '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"><rect width="5" height="5"/></svg>', /ingen storlek att rita efter/],
    ['a size that would exhaust memory', '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="50000"><rect width="5" height="5"/></svg>', /storlek över 5000 bildpunkter/],
  ])('%s', async (_what, logo, what) => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', 'Text.') }, logo });
    expectRefused(run, { code: 'osäker-svg', file: /kommuner\/prov\/kommun\.yaml$/, line: 2, field: 'logotyp', message: what, hint: /\S/ });
  });
});

describe('a logo that passes can be drawn in every format', () => {
  it.each([
    ['its own font-family on <svg>', '<svg xmlns="http://www.w3.org/2000/svg" font-family="Arial" viewBox="0 0 100 30"><text y="20">Provkommun</text></svg>'],
    ['<use> of a path, a gradient, a style attribute', '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient><path id="p" d="M0 0h5v5z"/></defs><use xlink:href="#p" style="fill:url(#g)"/></svg>'],
    ['size in millimetres and no viewBox', '<svg xmlns="http://www.w3.org/2000/svg" width="60mm" height="20mm"><rect width="50" height="20"/></svg>'],
    ['a percentage size with a viewBox', '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 50 20"><rect width="50" height="20"/></svg>'],
  ])('%s: passes, and the DOCX step draws it', async (_what, logo) => {
    expect(svgProblem(logo)).toBeUndefined();
    expect(svgDraws(logo)).toBe(true);
    const images = await logoImages({ logotypSvg: logo, typsnitt: 'Source Sans 3' } as Profile);
    expect(images.png.length).toBeGreaterThan(100);
  });

  it('refuses what passes the allow-list but cannot be drawn', () => {
    expect(svgDraws('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" fill="red" fill="blue"/>')).toBe(false);
    expect(svgDraws('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="5" height="5"/></svg>')).toBe(true);
  });
});

describe('wrong data is never accepted silently', () => {
  it('"1.234" in a number column (thousands or decimals?) and 1.234 unquoted', async () => {
    const run = await buildHostile({ files: { '01-a.md': tabell('      - [Hemtjänst, "1.234"]\n      - [LSS, 1.234]') } });
    expectRefused(run, { code: 'tusentalspunkt', file: RAPPORT, message: /1 234/, hint: /1234/ });
    const found = run.errors.filter((e) => e.code === 'tusentalspunkt').sort((a, b) => a.line! - b.line!);
    expect(found.map((e) => [e.line, e.field])).toEqual([[9, 'data[0].rader[0][1]'], [10, 'data[0].rader[1][1]']]);
    expect(found[0]!.message).toMatch(/"1.234" kan läsas både som 1 234 och som 1,234/);
  });

  it.each([
    ['unquoted', '123456789012345678901234567890'],
    ['quoted with spaces', '"123 456 789 012 345 678"'],
    ['sixteen significant digits', '1234567.123456789'],
  ])('a number that would be silently rounded (%s)', async (_how, value) => {
    const run = await buildHostile({ files: { '01-a.md': tabell(`      - [Hemtjänst, ${value}]`) } });
    expectRefused(run, { code: 'för-stort-tal', file: RAPPORT, line: 9, message: /för många siffror för att räknas exakt/, hint: /citattecken/ });
  });

  it('a file in Latin-1, not UTF-8, is named and refused', async () => {
    const run = await buildHostile({ files: { '01-a.md': Buffer.from('---\nrubrik: Inledning\n---\nVi f\xf6rb\xe4ttrar v\xe5rden.\n', 'latin1') } });
    expectRefused(run, { code: 'inte-utf8', file: RAPPORT, line: 4, message: /inte sparad som UTF-8 \(första felaktiga tecknet på rad 4\)/, hint: /Spara om filen med teckenkodningen UTF-8/ });
  });

  it('a NUL byte', async () => {
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A', '\nText\u0000med NUL.\n') } });
    expectRefused(run, { code: 'nul-tecken', file: RAPPORT, line: 5, message: /NUL-tecken \(rad 5\)/, hint: /texteditor/ });
  });

  it.each([
    ['in the running text', section('rubrik: A', '\nText\u0007med klocka.\n'), 5],
    ['as an escape in a quoted YAML string', section('rubrik: "A\\0B"'), 2],
    ['as an escape for a bell', section('rubrik: "A\\x07B"'), 2],
  ])('a control character %s (Word cannot open a file with one)', async (_where, text, line) => {
    const run = await buildHostile({ files: { '01-a.md': text } });
    expectRefused(run, { code: 'styrtecken', file: RAPPORT, line, message: /styrtecken/, hint: /\S/ });
  });

  it('two KF-mål with the same id', async () => {
    const goals = section('rubrik: Mål\ndata:\n  - typ: målområde\n    id: trygg\n    namn: Trygghet\n    kf_mål:\n      - { id: kf-a, text: Fler ska känna sig trygga }\n      - { id: kf-a, text: Färre brott }');
    const run = await buildHostile({ files: { '01-a.md': goals } });
    expectRefused(run, { code: 'dubblett-id', file: RAPPORT, line: 9, field: 'data[0].kf_mål[1].id', message: /Id "kf-a" används redan för KF-målet i .*01-a\.md:8/, hint: /eget id/ });
  });
});

describe('every message helps', () => {
  it.each([
    ['datum: 13/12 2023', /antagen\.datum/, 'Skriv 2023-12-13 (året först).'],
    ['datum: 2023-02-30', /antagen\.datum/, 'Det finns ingen dag 30 i februari 2023.'],
    ['period: 2024-26', /^period$/, 'Skriv 2024–2026: båda åren med fyra siffror.'],
    ['period: 2026–2024', /^period$/, 'Skriv det tidigare året först: 2024–2026.'],
    ['kommun: Oxelösund', /^kommun$/, 'med små bokstäver utan å, ä och ö, t.ex. "oxelosund"'],
  ])('%s gets a fix hint', async (line, field, hint) => {
    const key = line.split(':')[0]!;
    const index = INDEX.replace(new RegExp(`${key}: [^,}\\n]+`), line);
    const run = await buildHostile({ files: { '01-a.md': section('rubrik: A') }, index });
    const d = expectRefused(run, { code: 'ogiltigt-värde', file: /rapport\/index\.md$/, message: /Förväntade|Periodens/ });
    expect(d.field).toMatch(field);
    expect(d.line).toBeGreaterThan(1);
    expect(d.hint).toContain(hint);
  });

  it('a file with no front matter is named at line 1', async () => {
    const run = await buildHostile({ files: { '01-a.md': 'Bara text, inga uppgifter.\n' } });
    expectRefused(run, { code: 'front-matter-saknas', file: RAPPORT, line: 1, message: /börjar inte med front matter/, hint: /rubrik: Inledning/ });
  });

  it('a file with empty front matter is named at its first line', async () => {
    const run = await buildHostile({ files: { '01-a.md': '---\n---\nText.\n' } });
    expectRefused(run, { code: 'fält-saknas', file: RAPPORT, line: 1, message: /Fältet "rubrik" saknas/, hint: /rubrik: …/ });
  });

  it('front matter in any language other than YAML never runs', async () => {
    const run = await buildHostile({ files: { '01-a.md': `---js\n{ rubrik: require('fs').readFileSync('${join(outside, 'hemlig.md')}', 'utf8') }\n---\n` } });
    expectRefused(run, { code: 'front-matter-språk', file: RAPPORT, line: 1, message: /kod körs aldrig/ });
  });

  it('reports every problem of the report in one run, across files and kinds', async () => {
    const run = await buildHostile({
      files: {
        '01-a.md': Buffer.from('---\nrubrik: V\xe4rld\n---\n', 'latin1'),
        '02-b.md': tabell('      - [Hemtjänst, 1e308]'),
        '03-c.md': section('rubrik: C', '\n![x](file:///etc/passwd)\n'),
      },
    });
    expect(run.errors.map((e) => e.code).sort()).toEqual(['bild', 'för-stort-tal', 'inte-utf8']);
    expect(run.after).toEqual(run.before);
  });
});
