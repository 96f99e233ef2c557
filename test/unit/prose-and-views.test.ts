import { describe, expect, it } from 'vitest';
import { compute, section } from '../helpers/fixture.ts';
import { tableViews, viewContext } from '../../src/render/views/table-view.ts';
import { proseHtml } from '../../src/render/html/prose.ts';
import type { Block, DataBlock } from '../../src/model/types.ts';

const NBSP = '\u00a0';

describe('prose and placement', () => {
  const files = {
    '01-a.md': section(
      `
rubrik: Avsnitt
data:
  - typ: utvecklingsarbete
    id: projekt
    rader: [{ projekt: Digital nyckelhantering, syfte: Trygghet, ansvar: Enhetschef }]
  - typ: fokusområden
    id: fokus
    rader: [{ fokusområde: Kompetens, omhändertagande: Utbildningsplan }]
`,
      `
## Inledning

Text före med **fet** och *kursiv* och <script>alert(1)</script>.

[[projekt]]

- en punkt
- en [länk](https://kolada.se) och en [farlig](javascript:alert(1))
`,
    ),
  };

  it('places a block where [[id]] stands and appends the others after the prose', () => {
    const { report, errors } = compute(files);
    expect(errors).toEqual([]);
    const kinds = report!.sections[0]!.blocks.map((b: Block) => b.kind);
    expect(kinds).toEqual(['heading', 'paragraph', 'utvecklingsarbete', 'list', 'fokusområden']);
  });

  it('escapes raw HTML and drops unsafe link targets', () => {
    const { report } = compute(files);
    const prose = report!.sections[0]!.blocks.filter((b) => ['heading', 'paragraph', 'list'].includes(b.kind));
    const html = proseHtml(prose as never);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<strong>fet</strong>');
    expect(html).toContain('<a href="https://kolada.se">länk</a>');
    expect(html).not.toContain('href="javascript');
    expect(html).toMatch(/<h2 id="a-inledning">Inledning<\/h2>/);
  });

  it('refuses to place a table twice', () => {
    const { errors } = compute({ '01-a.md': files['01-a.md'].replace('[[projekt]]', '[[projekt]]\n\n[[projekt]]') });
    expect(errors.map((e) => e.message)).toEqual(['Tabellen "projekt" placeras två gånger.']);
  });
});

describe('table views', () => {
  it('turns a målområde into a goal table with spanned KF-mål cells and a Målvärde header over the years', () => {
    const { report, errors } = compute({
      '01-a.md': section(`
rubrik: Mål
data:
  - typ: målområde
    id: folkhalsa
    namn: God folkhälsa
    kf_mål:
      - text: KF-mål A
        uppföljning: D/B
        ansvariga: [VON, UN]
        nämndmål:
          - text: Nämndmål 1
            indikatorer:
              - { mått: Mått 1, datakälla: Egen mätning, ingångsvärde: { värde: 41, period: jan-nov 2023 }, målvärden: { 2024: ">25", 2025: ">25", 2026: ">25" } }
              - { mått: Mått 2, ingångsvärde: Nytt värde, målvärden: { 2024: { grupper: { Hemtjänst: 60 %, LSS: 70 % } } } }
      - text: KF-mål utan nämndmål
`),
    });
    expect(errors).toEqual([]);
    const block = report!.sections[0]!.blocks[0] as DataBlock;
    const [view] = tableViews(block, viewContext(report!));
    expect(view!.head[0]!.map((h) => h.text)).toEqual(['KF-mål', 'Nämndmål', 'Mått och datakälla', 'Ingångsvärde (år)', 'Målvärde']);
    expect(view!.head[0]![4]).toMatchObject({ colSpan: 3, scope: 'colgroup' });
    expect(view!.head[1]!.map((h) => h.text)).toEqual(['2024', '2025', '2026']);
    expect(view!.body).toHaveLength(2);
    expect(view!.body[0]!.cells[0]).toMatchObject({ lines: ['KF-mål A'], rowSpan: 2, rowHeader: true });
    expect(view!.body[0]!.cells[3]!.lines).toEqual(['41 (jan–nov 2023)']);
    expect(view!.body[0]!.cells[4]!.lines).toEqual(['>25']);
    expect(view!.body[1]!.cells.map((c) => c.lines)).toEqual([['Mått 2'], ['Nytt värde'], ['Hemtjänst: 60' + NBSP + '%', 'LSS: 70' + NBSP + '%'], [''], ['']]);
  });
});
