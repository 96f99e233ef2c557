/** Assessed goals through the model into HTML and DOCX: symbols with their words, legend, footnotes for overrides. */
import { describe, expect, it } from 'vitest';
import { compute, section, PROFILE, contentFolder, UPPFOLJNING_INDEX } from '../helpers/fixture.ts';
import { renderHtml } from '../../src/render/html/render-html.ts';
import { renderDocx } from '../../src/render/docx/render-docx.ts';
import { docxParts, docxText } from '../helpers/read-back.ts';
import { Diagnostics } from '../../src/diagnostics.ts';
import { loadAndCompute } from '../../src/model/build-model.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INDEX = UPPFOLJNING_INDEX;

const GOALS = section(`
rubrik: Mål
data:
  - typ: målområde
    id: aldre
    namn: Trygg ålderdom
    kf_mål:
      - text: Äldre känner sig trygga
        nämndmål:
          - text: Nöjdheten med hemtjänsten ökar
            indikatorer:
              - { mått: Nöjdhet hemtjänst, kolada: U21468, utfall: { 2023: 84, 2024: 88 }, målvärden: { 2024: 90 } }
              - { mått: Nöjdhet särskilt boende, utfall: { 2023: 80, 2024: 80.5 }, målvärden: { 2024: 80 } }
          - text: Kontinuiteten förbättras
            bedömning: { status: uppfyllt, motivering: Mätningen 2024 gjordes på ett annat sätt. }
            indikatorer:
              - { mått: Antal personal på 14 dagar, riktning: lägre, utfall: { 2023: 16, 2024: 18 }, målvärden: { 2024: 15 } }
  - typ: bedömningar
    id: samlat
`);

describe('assessed goals in the outputs', () => {
  it('computes, rolls up and lists the override for reviewers', () => {
    const { report, diagnostics } = compute({ '01-mal.md': GOALS }, { index: INDEX });
    expect(report).toBeDefined();
    const kf = (report!.sections[0]!.blocks[0] as { kfMål: { bedömning?: { status: string }; nämndmål: { bedömning?: { status: string; source: string } }[] }[] }).kfMål[0]!;
    expect(kf.nämndmål[0]!.bedömning!.status).toBe('delvis');
    expect(kf.nämndmål[1]!.bedömning).toMatchObject({ status: 'uppfyllt', source: 'åsidosatt' });
    expect(kf.bedömning!.status).toBe('delvis');
    const notes = diagnostics.filter((d) => d.severity === 'notering');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/Nämndmålet "Kontinuiteten förbättras": bedömningen "Uppfyllt" gäller i stället för beräknad "Ej uppfyllt"/);
  });

  it('draws each symbol with its word, a legend and a footnote in the HTML', () => {
    const { report } = compute({ '01-mal.md': GOALS }, { index: INDEX });
    const html = renderHtml(report!);
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="12" height="12" role="img" aria-label="Delvis uppfyllt">');
    expect(html).toMatch(/aria-label="Delvis uppfyllt">.*?<\/svg><\/span><span class="symbolord" aria-hidden="true">Delvis uppfyllt<\/span>/s);
    expect(html).toContain('Teckenförklaring:');
    expect(html).toContain('<a href="https://www.kolada.se/verktyg/fri-sokning/?kpis&#x3D;U21468">Kolada U21468</a>');
    expect(html).toContain('Bedömningen är satt av nämnden; beräknad: ej uppfyllt. Mätningen 2024 gjordes på ett annat sätt.');
    expect(html).toContain('<th scope="col" class="left">Bedömning</th>');
    expect(html).toContain('>Utfall 2024</th>');
    expect(html).toMatch(/Totalt:<\/strong> 1 av 1 KF-mål delvis uppfyllda/);
  });

  it('puts the status word and a decorative image beside it in the DOCX', async () => {
    const { report } = compute({ '01-mal.md': GOALS }, { index: INDEX });
    const parts = docxParts(await renderDocx(report!));
    const doc = parts['word/document.xml']!;
    expect(docxText(doc)).toContain('Delvis uppfyllt');
    expect(doc).not.toMatch(/descr="Delvis uppfyllt"/);
    expect(doc).toMatch(/<wp:docPr id="\d+" name="Symbol" descr=""><a:extLst/);
    expect(parts['word/_rels/document.xml.rels']).toContain('Target="https://www.kolada.se/verktyg/fri-sokning/?kpis=U21468" TargetMode="External"');
    expect(Object.keys(parts).some((p) => p.startsWith('word/media/') && p.endsWith('.png'))).toBe(true);
  });

  it('warns when a stated status differs from the computed one without a reason', () => {
    const { diagnostics } = compute({ '01-mal.md': GOALS.replace(', motivering: Mätningen 2024 gjordes på ett annat sätt.', '') }, { index: INDEX });
    const w = diagnostics.find((d) => d.code === 'bedömning-skiljer-sig')!;
    expect(w.severity).toBe('varning');
    expect(w.field).toBe('data[0].kf_mål[0].nämndmål[1].bedömning');
    expect(w.line).toBe(15);
  });

  it('uses the symbol set of the profile', () => {
    const { root, report: dir } = contentFolder({ '01-mal.md': GOALS }, { index: INDEX });
    writeFileSync(join(root, 'kommuner', 'prov', 'kommun.yaml'), `${PROFILE}bedömning: { regel: uppfyllt, symboler: oxelösund }\n`);
    const report = loadAndCompute(dir, new Diagnostics())!;
    const html = renderHtml(report);
    // Oxelösund: ej uppfyllt is a red square
    expect(html).toMatch(/<rect x="1.8" y="1.8" width="12.4" height="12.4" fill="#D7263D"/);
  });
});
