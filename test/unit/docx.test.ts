/** The DOCX renderer on a small hand-built report, read back at XML level. */
import { defaultVocabulary } from '../../src/model/vocabulary.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { packStored, renderDocx } from '../../src/render/docx/render-docx.ts';
import { Document, Packer, Paragraph } from 'docx';
import type { Report } from '../../src/model/types.ts';

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** A 2 × 1 pixel PNG (red, blue). */
const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAABHNCSVQICAgIfAhkiAAAAAFzUkdCAK7OHOkAAAARSURBVAiZY7yuZvtfU8uWAQAP2QLLopoebQAAAABJRU5ErkJggg==', 'base64'),
);

function sampleReport(): Report {
  return {
    id: 'prov-verksamhetsplan',
    type: 'verksamhetsplan',
    meta: {
      kommun: 'prov',
      nämnd: 'Provnämnden',
      förvaltning: 'Provförvaltningen',
      titel: 'Provnämndens verksamhetsplan 2024–2026',
      period: { från: 2024, till: 2026 },
      status: 'utkast',
      antagen: [],
      ordförande: 'Eva Exempelsson',
      datum: '2023-11-20',
      förord: [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Planen beskriver nämndens arbete.' }] }],
    },
    bedömning: {
      rules: { regel: 'kvot', grön: 100, gul: 90, könsuppdelad: false, allvarlig_avvikelse: 20, oförändrad_under: 1, senaste_utfall: false, symboler: 'cirklar' },
      år: '2024',
      used: false,
    },
    profile: {
      id: 'prov',
      namn: 'Provkommun',
      kortnamn: 'Prov',
      logotypSvg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00507A"/></svg>',
      färger: { primär: '#00507A', sekundär: '#00766C', text: '#1A1A1A', tabellhuvud: '#E3EEF4' },
      typsnitt: 'Source Sans 3',
      format: { minus: MINUS },
      ord: defaultVocabulary,
    },
    sections: [
      {
        id: 'inledning',
        rubrik: 'Inledning',
        blocks: [
          { kind: 'heading', level: 2, id: 'uppdraget', content: [{ kind: 'text', text: 'Nämndens uppdrag' }] },
          {
            kind: 'paragraph',
            content: [
              { kind: 'text', text: 'Nämnden ansvarar för ' },
              { kind: 'strong', children: [{ kind: 'text', text: 'omsorgen' }] },
              { kind: 'text', text: ', se ' },
              { kind: 'link', href: 'https://www.example.se/plan', children: [{ kind: 'text', text: 'planen' }] },
              { kind: 'text', text: ' och ' },
              { kind: 'link', href: 'javascript:alert(1)', children: [{ kind: 'text', text: 'inget' }] },
              { kind: 'text', text: '.' },
            ],
          },
          {
            kind: 'list',
            ordered: false,
            items: [
              [{ kind: 'paragraph', content: [{ kind: 'text', text: 'Hemtjänst' }] }],
              [
                { kind: 'paragraph', content: [{ kind: 'text', text: 'Boenden' }] },
                { kind: 'list', ordered: true, items: [[{ kind: 'paragraph', content: [{ kind: 'text', text: 'Särskilt boende' }] }]] },
              ],
            ],
          },
          { kind: 'quote', children: [{ kind: 'paragraph', content: [{ kind: 'em', children: [{ kind: 'text', text: 'Trygghet för alla.' }] }] }] },
          { kind: 'image', alt: 'Två färgade rutor', mime: 'image/png', data: PNG, width: 2, height: 1 },
        ],
      },
      {
        id: 'ekonomi',
        rubrik: 'Ekonomi och mål',
        blocks: [
          {
            kind: 'internbudget',
            id: 'internbudget',
            rubrik: 'Internbudget 2024',
            tecken: 'negativ',
            enhet: 'tkr',
            columns: [
              { id: 'budget2023', rubrik: 'Budget 2023' },
              { id: 'budget2024', rubrik: 'Budget 2024' },
            ],
            parts: [
              {
                kind: 'nettokostnad',
                rubrik: 'NETTOKOSTNAD',
                computed: false,
                rows: [
                  { kind: 'rad', kod: '11', namn: 'Nämndverksamhet', values: { budget2023: { value: -1008, computed: false }, budget2024: { value: -1020, computed: false } } },
                  { kind: 'rad', kod: '27', namn: 'Miljö- och hälsoskydd', values: { budget2023: { value: -168, computed: false }, budget2024: { value: -220, computed: false } } },
                ],
                summa: { kind: 'delsumma', namn: 'S:a Nettokostnad', values: { budget2023: { value: -1176, computed: true }, budget2024: { value: -1240, computed: true } } },
              },
            ],
            not: 'Beloppen är avrundade.',
          },
          {
            kind: 'målområde',
            id: 'folkhalsa',
            namn: 'God folkhälsa',
            mål: [],
            beskrivning: 'Invånarnas hälsa ska utvecklas i positiv riktning.',
            målår: ['2024', '2025', '2026'],
            kfMål: [
              {
                id: 'kf-1',
                idAngivet: true,
                text: 'Fler invånare deltar i aktiviteter som främjar hälsa',
                uppföljning: 'B',
                ansvariga: ['VON', 'KFN'],
                agenda2030: [],
                indikatorer: [],
                nämndmål: [
                  {
                    id: 'nm-1',
                    idAngivet: true,
                    text: 'Fler besöker Träffpunkten',
                    agenda2030: [],
                    indikatorer: [
                      {
                        id: 'ind-1',
                        idAngivet: true,
                        mått: 'Antal besökare per månad',
                        datakälla: 'Egen mätning',
                        riktning: 'högre',
                        ingångsvärde: { kind: 'tal', value: 112, period: '2023' },
                        målvärden: { '2024': { kind: 'tal', value: 1250 } },
                        utfall: {},
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  };
}

let docx: Uint8Array;
let parts: Record<string, string>;

beforeAll(async () => {
  docx = await renderDocx(sampleReport());
  parts = Object.fromEntries(Object.entries(unzipSync(docx)).map(([name, data]) => [name, strFromU8(data)]));
});

/** Paragraph texts of a part, one per line. */
const texts = (xml: string) =>
  xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);

describe('DOCX renderer', () => {
  it('uses the built-in Title and Heading styles', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('<w:pStyle w:val="Title"/>');
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t xml:space="preserve">Inledning<\/w:t>/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/>.*?<w:t xml:space="preserve">Ekonomi och mål<\/w:t>/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>).)*Nämndens uppdrag/);
    // Outline levels make the headings navigable in Word and LibreOffice.
    expect(parts['word/styles.xml']).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
  });

  it('starts every section on a new page', () => {
    const doc = parts['word/document.xml']!;
    expect(doc.match(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/>/g)).toHaveLength(2);
  });

  it('prints the title page, the contents and the förord in order', () => {
    const lines = texts(parts['word/document.xml']!);
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(lines.slice(0, 5)).toEqual(['Provkommun', 'Provnämnden', 'Provnämndens verksamhetsplan 2024–2026', 'Verksamhetsplan 2024–2026', 'UTKAST 2023-11-20, ej antagen']);
    expect(lines).toContain('OrdförandeEva Exempelsson');
    expect(at('Innehåll')).toBeGreaterThan(at('UTKAST 2023-11-20'));
    expect(at('Planen beskriver')).toBeGreaterThan(at('Innehåll'));
    // "Inledning" twice: the contents entry, then the section's heading after the förord.
    expect(at('Inledning')).toBeGreaterThan(at('Innehåll'));
    expect(lines.indexOf('Inledning', at('Planen beskriver'))).toBeGreaterThan(at('Planen beskriver'));
  });

  it('has a contents field LibreOffice and Word recognise, with the entries until it is updated', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toContain('TOC \\h \\o &quot;1-2&quot;');
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(doc).toMatch(/<w:pStyle w:val="TOC1"\/>.*?Inledning/);
    expect(doc).toMatch(/<w:pStyle w:val="TOC2"\/>.*?Nämndens uppdrag/);
    expect(doc).toMatch(/<w:bookmarkStart w:name="_Toc_1" w:id="1"\/>.*?Inledning.*?<w:bookmarkEnd w:id="1"\/>/);
    expect(doc).toMatch(/<w:bookmarkStart w:name="_Toc_2" w:id="2"\/>.*?Nämndens uppdrag.*?<w:bookmarkEnd w:id="2"\/>/);
    expect(parts['word/settings.xml']).toContain('<w:updateFields/>');
  });

  it('writes prose with bold text, safe links only, lists, a quote and a described image', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:b\/><w:bCs\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">omsorgen<\/w:t>/);
    expect(doc).toMatch(/<w:hyperlink w:history="1" r:id="rIdLink1">.*?planen/);
    expect(parts['word/_rels/document.xml.rels']).toContain('Id="rIdLink1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.example.se/plan" TargetMode="External"');
    expect(parts['word/_rels/document.xml.rels']).not.toContain('javascript');
    expect(texts(doc)).toContain('Nämnden ansvarar för omsorgen, se planen och inget.');
    // Bullet list at level 0, the nested numbered list at level 1.
    expect(doc).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*Hemtjänst/);
    expect(doc).toMatch(/<w:numPr><w:ilvl w:val="1"\/><w:numId w:val="\d+"\/><\/w:numPr>(?:(?!<\/w:p>).)*Särskilt boende/);
    expect(doc).toMatch(/<w:pStyle w:val="Quote"\/>(?:(?!<\/w:p>).)*<w:i\/>(?:(?!<\/w:p>).)*Trygghet för alla/);
    expect(doc).toMatch(/<wp:docPr id="\d+" name="Två färgade rutor" descr="Två färgade rutor" title="Två färgade rutor"\/>/);
    expect(Object.keys(parts).some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  });

  it('builds tables from the views: repeated header rows, rows kept whole, figures as formatted', () => {
    const doc = parts['word/document.xml']!;
    const tables = doc.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(2);
    const [budget, goals] = tables as [string, string];
    expect(budget.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    // One header row, as Word's accessibility checker asks: "Målvärde" over the years becomes "Målvärde 2024" …
    expect(goals.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(goals).toMatch(/Målvärde \d{4}/);
    expect(budget.match(/<w:cantSplit\/>/g)!.length).toBe(budget.match(/<w:tr>/g)!.length);
    // Full text width (A4 minus 2 × 20 mm), split by the view's percentages.
    expect(budget).toContain('<w:tblW w:type="dxa" w:w="9638"/>');
    expect([...budget.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].reduce((sum, m) => sum + Number(m[1]), 0)).toBe(9638);
    expect(budget).toContain('<w:tblCaption w:val="Internbudget 2024 (tkr)"/>');
    const cells = texts(budget);
    expect(cells).toContain(`${MINUS}1${NBSP}020`);
    expect(cells).toContain(`${MINUS}1${NBSP}240`);
    expect(cells).toContain('S:a Nettokostnad');
    // The caption precedes the table; the note follows it.
    expect(texts(doc.slice(0, doc.indexOf('<w:tbl>'))).at(-1)).toBe('Internbudget 2024 (tkr)');
    expect(texts(doc.slice(doc.indexOf('</w:tbl>'))).at(0)).toBe('Beloppen är avrundade.');
    // Head cells shaded; the group row spans all columns; the total row has a rule above.
    expect(budget).toMatch(/<w:shd w:fill="E3EEF4" w:color="auto" w:val="clear"\/>/);
    expect(budget).toMatch(/<w:gridSpan w:val="3"\/>(?:(?!<\/w:tc>).)*NETTOKOSTNAD/);
    expect(budget).toMatch(/<w:top w:val="single" w:color="1A1A1A" w:sz="12"\/>(?:(?!<\/w:tc>).)*S:a Nettokostnad/);
    // The year cells sit right of the four text columns, with those columns' widths.
    const grid = [...goals.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => m[1]);
    expect(goals).toMatch(new RegExp(`<w:tcW w:type="dxa" w:w="${grid[4]}"/>(?:(?!</w:tc>).)*>Målvärde 2024<`));
    expect(goals).toMatch(new RegExp(`<w:tcW w:type="dxa" w:w="${grid[6]}"/>(?:(?!</w:tc>).)*>Målvärde 2026<`));
    expect(texts(goals)).toContain(`1${NBSP}250`);
  });

  it('prints a målområde as in the HTML: description in italics, the KF-mål listed, then the table', () => {
    const lines = texts(parts['word/document.xml']!);
    const at = (s: string) => lines.findIndex((l) => l === s);
    expect(parts['word/document.xml']).toMatch(/<w:i\/>(?:(?!<\/w:p>).)*Invånarnas hälsa ska utvecklas/);
    expect(at('Kommunfullmäktiges mål')).toBeGreaterThan(at('Invånarnas hälsa ska utvecklas i positiv riktning.'));
    expect(at('Fler invånare deltar i aktiviteter som främjar hälsa (VON, KFN) (B)')).toBe(at('Kommunfullmäktiges mål') + 1);
    expect(at('Mål och mått: God folkhälsa')).toBeGreaterThan(at('Kommunfullmäktiges mål'));
  });

  it('has A4 pages, a draft header and "Sida X av Y" in the footer', () => {
    const doc = parts['word/document.xml']!;
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    expect(doc).toMatch(/<w:pgMar w:top="1247" w:right="1134" w:bottom="1134" w:left="1134"/);
    // The title page's section has no header or footer; the body's has both.
    const sections = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g)!;
    expect(sections[0]).not.toContain('headerReference');
    expect(sections.at(-1)).toContain('<w:headerReference w:type="default"');
    expect(sections.at(-1)).toContain('<w:footerReference w:type="default"');
    const headers = Object.entries(parts).filter(([n]) => /^word\/header\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(texts(headers)).toContain('UTKAST – Provnämndens verksamhetsplan 2024–2026');
    const footers = Object.entries(parts).filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(footers).toMatch(/Sida .*PAGE.* av .*NUMPAGES/);
  });

  it('is written in Swedish, in the profile font and colours', () => {
    const styles = parts['word/styles.xml']!;
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="sv-SE"\/>.*<\/w:rPr><\/w:rPrDefault>/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Source Sans 3"/);
    expect(styles).toContain('<w:sz w:val="21"/>');
    expect(styles).toMatch(/w:styleId="Heading1">.*?<w:color w:val="00507A"\/>/);
  });

  it('carries the report\'s metadata and date, never the clock', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Provnämndens verksamhetsplan 2024–2026</dc:title>');
    expect(core).toContain('<dc:subject>Verksamhetsplan 2024–2026</dc:subject>');
    expect(core).toContain('<dc:creator>Provnämnden</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>Provnämnden</cp:lastModifiedBy>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-11-20T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-11-20T00:00:00Z</dcterms:modified>');
  });

  it('gives identical bytes for two builds, in any time zone', async () => {
    const again = await renderDocx(sampleReport());
    expect(Buffer.compare(Buffer.from(docx), Buffer.from(again))).toBe(0);
    const tz = process.env.TZ;
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo']) {
        process.env.TZ = zone;
        expect(Buffer.compare(Buffer.from(docx), Buffer.from(await renderDocx(sampleReport())))).toBe(0);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    // [Content_Types].xml is the first entry; no folder entries.
    expect(Buffer.from(docx.subarray(30, 30 + 19)).toString()).toBe('[Content_Types].xml');
    expect(Object.keys(parts).some((n) => n.endsWith('/'))).toBe(false);
  });

  it('takes the package from docx stored, not compressed twice, with the same parts as Packer', async () => {
    const doc = () => new Document({ sections: [{ children: [new Paragraph('Ett stycke med å, ä och ö.')] }] });
    const stored = await packStored(doc());
    // Every local file header says STORE (method 0): the pinned docx still exposes its compiler.
    const methods = [...Buffer.from(stored).toString('latin1').matchAll(/PK\x03\x04/g)].map((m) => stored[m.index! + 8]! | (stored[m.index! + 9]! << 8));
    expect(methods.length).toBeGreaterThan(5);
    expect(new Set(methods)).toEqual(new Set([0]));
    const a = unzipSync(stored);
    const b = unzipSync(new Uint8Array(await Packer.toBuffer(doc())));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    // core.xml carries the clock (finishDocx replaces it); every other part is the same.
    for (const name of Object.keys(b).filter((n) => n !== 'docProps/core.xml')) expect(strFromU8(a[name]!), name).toBe(strFromU8(b[name]!));
  });

  it('gives every numbered list its own count and lets the bullet lists share one numbering', async () => {
    const report = sampleReport();
    const list = report.sections[0]!.blocks.find((b) => b.kind === 'list')!;
    // The list twice: two bullet lists, each with a numbered list inside.
    report.sections[0]!.blocks.push(list);
    const files = unzipSync(await renderDocx(report));
    const doc = strFromU8(files['word/document.xml']!);
    const numbering = strFromU8(files['word/numbering.xml']!);
    // The list number of each paragraph that has one and holds `text`.
    const numIdsOf = (text: string) => doc.split('</w:p>').filter((p) => p.includes(text)).map((p) => /<w:numId w:val="(\d+)"\/>/.exec(p)?.[1]);
    const bullets = numIdsOf('Hemtjänst');
    const numbered = numIdsOf('Särskilt boende');
    expect(bullets).toHaveLength(2);
    expect(numbered).toHaveLength(2);
    // Bullets: one numbering for both lists; numbered: one per list, so each counts from 1.
    expect(bullets[0]).toBeDefined();
    expect(bullets[1]).toBe(bullets[0]);
    expect(new Set([...numbered, bullets[0]]).size).toBe(3);
    // docx's own default list, and those three.
    expect(numbering.match(/<w:num w:numId=/g)).toHaveLength(4);
  });

  it('numbers drawings uniquely', async () => {
    const report = sampleReport();
    const image = report.sections[0]!.blocks.at(-1)!;
    report.sections[0]!.blocks.push(image, image);
    const doc = strFromU8(unzipSync(await renderDocx(report))['word/document.xml']!);
    const ids = [...doc.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    // The logo, then three pictures.
    expect(ids).toEqual(['1', '2', '3', '4']);
  });

  it('puts the logo on the title page as SVG with a PNG fallback, described', () => {
    const doc = parts['word/document.xml']!;
    const first = doc.slice(0, doc.indexOf('</w:drawing>'));
    expect(first).toMatch(/<wp:docPr id="1" name="Logotyp: Provkommun" descr="Logotyp: Provkommun" title="Logotyp: Provkommun"\/>/);
    // The PNG in the picture, the SVG in Office's SVG extension.
    const blip = first.match(/<a:blip r:embed="([^"]+)".*?<asvg:svgBlip\b[^>]*r:embed="([^"]+)"/)!;
    expect(blip).not.toBeNull();
    const rels = parts['word/_rels/document.xml.rels']!;
    const target = (id: string) => rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1]!;
    expect(target(blip[1]!)).toMatch(/\.png$/);
    expect(target(blip[2]!)).toMatch(/\.svg$/);
    const files = unzipSync(docx);
    const png = files[`word/${target(blip[1]!)}`]!;
    expect(Buffer.from(png.subarray(1, 4)).toString()).toBe('PNG');
    // Drawn at twice the shown size (288 px wide at 96 dpi).
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(576);
    expect(strFromU8(files[`word/${target(blip[2]!)}`]!)).toContain('<rect width="10" height="10" fill="#00507A"/>');
  });

  it('embeds the profile font, four faces, obfuscated with a key derived from the font', () => {
    const table = parts['word/fontTable.xml']!;
    const font = table.match(/<w:font w:name="Source Sans 3">.*?<\/w:font>/)?.[0];
    expect(font).toBeDefined();
    for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) expect(font).toMatch(new RegExp(`<w:${face} r:id="rIdFont\\d" w:fontKey="\\{[0-9A-F-]{36}\\}"/>`));
    expect(parts['word/_rels/fontTable.xml.rels']).toContain('Target="fonts/SourceSans3-regular.odttf"');
    expect(parts['[Content_Types].xml']).toMatch(/<Default (ContentType="application\/vnd.openxmlformats-officedocument.obfuscatedFont" Extension="odttf"|Extension="odttf" ContentType="application\/vnd.openxmlformats-officedocument.obfuscatedFont")\/>/);
    expect(parts['word/settings.xml']).toMatch(/<w:displayBackgroundShape\/><w:embedTrueTypeFonts\/>/);
    // De-obfuscating the first 32 bytes with the key gives a TrueType file again.
    const key = font!.match(/<w:embedRegular r:id="rIdFont\d" w:fontKey="\{([^}]+)\}"/)![1]!.replace(/-/g, '');
    const keyBytes = key.match(/../g)!.map((h) => parseInt(h, 16)).reverse();
    const odttf = unzipSync(docx)['word/fonts/SourceSans3-regular.odttf']!.slice();
    for (let i = 0; i < 32; i++) odttf[i]! ^= keyBytes[i % 16]!;
    expect([...odttf.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    expect(Buffer.from(odttf).includes(Buffer.from('glyf'))).toBe(true);
  });

  it('fixes the table columns instead of letting Word fit them to the content', () => {
    const doc = parts['word/document.xml']!;
    expect(doc.match(/<w:tblLayout w:type="fixed"\/>/g)).toHaveLength(doc.split('<w:tbl>').length - 1);
  });

  it('draws table rules on the cells that have them and names no side a cell leaves blank', () => {
    const doc = parts['word/document.xml']!;
    const cellBorders = [...doc.matchAll(/<w:tcBorders>(.*?)<\/w:tcBorders>/g)].map((m) => m[1]!);
    expect(cellBorders.length).toBeGreaterThan(4);
    // Every cell draws its bottom rule; none spells out a blank side (the table's own borders are none).
    expect(cellBorders.every((b) => /<w:bottom w:val="single"/.test(b))).toBe(true);
    expect(cellBorders.some((b) => /w:val="none"/.test(b))).toBe(false);
    expect(doc).toMatch(/<w:tblBorders><w:top w:val="none"/);
  });

  it('numbers the contents entries with the page each heading lands on', () => {
    const doc = parts['word/document.xml']!;
    const toc = doc.slice(doc.indexOf('<w:sdt>'), doc.indexOf('</w:sdt>'));
    const entries = [...toc.matchAll(/w:anchor="([^"]+)">(?:(?!<\/w:hyperlink>).)*?<w:t\b[^>]*>([^<]*)<\/w:t><w:tab\/><w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((m) => [m[2], m[3]]);
    // Title page 1, contents and förord page 2, then a page per section.
    expect(entries).toEqual([
      ['Inledning', '3'],
      ['Nämndens uppdrag', '3'],
      ['Ekonomi och mål', '4'],
    ]);
    // The page numbers stand at the right margin, after dot leaders.
    expect(toc).toContain('<w:tab w:val="right" w:pos="9638" w:leader="dot"/>');
    expect(toc).not.toContain('w:pos="9025"');
  });
});
