/**
 * Repacks the docx library's output so the same report always gives the same
 * bytes, and fixes what the library cannot express:
 *
 * - docProps/core.xml: created/modified carry the clock → the report's date.
 * - Hyperlink relationships get random ids (nanoid: "rIdguh_javtr_…") → "rIdLink1", "rIdLink2" … in order.
 * - Every drawing gets `wp:docPr id="1"` and every bookmark `w:id="1"` (a fresh counter per object):
 *   duplicates that Word may repair and that break bookmark ranges → numbered 1, 2, 3 … in document order.
 * - The contents field's content control carries only an alias; without
 *   `w:docPartGallery "Table of Contents"` LibreOffice prints the field code
 *   ("TOC \h \o "1-2"") instead of the entries → the gallery is added.
 * - Tables get their caption as title (`w:tblCaption`, Word's "Alt Text" title).
 * - Status symbols beside their word are marked decorative (adec:decorative), without alternative text.
 * - Zip entries carry the current local time and come in insertion order →
 *   one fixed time, [Content_Types].xml first and the rest sorted, no folder entries.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { FACES, type EmbeddedFont, type Face, type FontMetrics } from './fonts.ts';
import { estimatePages } from './layout.ts';
import { DECORATIVE } from './tables.ts';

/** Word's extension that marks a picture decorative (Office 2019 and later). */
const DECORATIVE_MARK =
  '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">' +
  '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>';

/** The alias the renderer gives the contents field (TableOfContents). */
export const TOC_ALIAS = 'Innehåll';

/**
 * fflate writes the DOS time from the Date's *local* fields: a date built from
 * local fields, when zipping, is 1980-01-01 00:00 in every time zone (a fixed
 * UTC instant would be 1979 west of Greenwich, which fflate refuses, and
 * other bytes east of it).
 */
const zipTime = () => new Date(1980, 0, 1, 0, 0, 0);

export interface FinishOptions {
  /** The report's date (ISO, YYYY-MM-DD): the document's created and modified time. */
  date: string;
  /** Table captions in document order. */
  tableCaptions: readonly string[];
  /** The font to embed (its four faces), or none. Its metrics also serve the contents' page numbers. */
  font?: EmbeddedFont;
  /** Where the contents entries' page numbers stand (a right tab, twips): the text width. */
  contentsTab?: number;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function finishDocx(docx: Uint8Array, options: FinishOptions): Uint8Array {
  const files = unzipSync(docx);
  for (const name of Object.keys(files)) if (name.endsWith('/')) delete files[name];
  const names = Object.keys(files).sort();
  const xml = new Map(names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels')).map((n) => [n, strFromU8(files[n]!)]));
  const edit = (name: string, f: (text: string) => string) => {
    const text = xml.get(name);
    if (text !== undefined) xml.set(name, f(text));
  };

  const stamp = `${options.date}T00:00:00Z`;
  edit('docProps/core.xml', (x) => x.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`));

  // Relationship ids that are not "rId<n>" come from a random source: rename them in order of appearance.
  const renames = new Map<string, string>();
  for (const [name, text] of xml) {
    if (!name.endsWith('.rels')) continue;
    for (const m of text.matchAll(/\bId="([^"]+)"/g)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdLink${renames.size + 1}`);
    }
  }
  if (renames.size > 0) {
    const pattern = new RegExp(`"(${[...renames.keys()].map(escapeRegExp).join('|')})"`, 'g');
    for (const name of xml.keys()) edit(name, (x) => x.replace(pattern, (_m, id: string) => `"${renames.get(id)}"`));
  }

  // Drawing ids must be unique in the document, headers and footers included.
  let drawing = 0;
  for (const name of xml.keys()) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) edit(name, (x) => x.replace(/(<wp:docPr id=")\d+"/g, (_m, head: string) => `${head}${++drawing}"`));
  }

  // Pictures beside their own word (status symbols) are decorative: no alternative text, and Word's mark that says
  // so, which its accessibility checker accepts in place of alternative text.
  for (const name of xml.keys()) {
    if (/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) edit(name, (x) => x.replace(new RegExp(`<wp:docPr id="(\\d+)" name="${escapeRegExp(DECORATIVE)}[^"]*"[^>]*/>`, 'g'), (_m, id: string) => `<wp:docPr id="${id}" name="Symbol" descr="">${DECORATIVE_MARK}</wp:docPr>`));
  }

  // Bookmarks never nest here (one per heading): the n-th end closes the n-th start.
  edit('word/document.xml', (x) => {
    let start = 0;
    let end = 0;
    return x
      .replace(/(<w:bookmarkStart\b[^>]*?\bw:id=")\d+"/g, (_m, head: string) => `${head}${++start}"`)
      .replace(/(<w:bookmarkEnd\b[^>]*?\bw:id=")\d+"/g, (_m, head: string) => `${head}${++end}"`);
  });

  edit('word/document.xml', (x) =>
    x.replace(
      `<w:sdtPr><w:alias w:val="${escapeAttr(TOC_ALIAS)}"/></w:sdtPr>`,
      `<w:sdtPr><w:alias w:val="${escapeAttr(TOC_ALIAS)}"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>`,
    ),
  );

  // w:tblCaption is the last child of w:tblPr. Only when every table is accounted for (no nested tables).
  edit('word/document.xml', (x) => {
    if (x.split('</w:tblPr>').length - 1 !== options.tableCaptions.length) return x;
    let i = 0;
    return x.replace(/<\/w:tblPr>/g, () => `<w:tblCaption w:val="${escapeAttr(options.tableCaptions[i++]!)}"/></w:tblPr>`);
  });

  if (options.contentsTab !== undefined) {
    // The docx library puts the page-number tab at a fixed 9025 twips: move it to the right margin.
    const tab = options.contentsTab;
    edit('word/document.xml', (x) => replaceInContents(x, (toc) => toc.replace(/(<w:tab w:val="right" w:pos=")\d+"/g, `$1${tab}"`)));
  }
  if (options.font) {
    const metrics = options.font.metrics;
    edit('word/document.xml', (x) => fillContentsPages(x, xml.get('word/styles.xml') ?? '', xml.get('word/numbering.xml'), metrics));
    embedFont(options.font, files, xml, names);
  }

  for (const [name, text] of xml) files[name] = strToU8(text);
  const order = names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  const mtime = zipTime();
  for (const name of order) zippable[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(zippable);
}

const embedElement: Record<Face, string> = { regular: 'embedRegular', bold: 'embedBold', italic: 'embedItalic', boldItalic: 'embedBoldItalic' };

/**
 * Embeds the font's four faces as obfuscated TrueType (ECMA-376 part 1, 17.8.1):
 * the first 32 bytes XORed with the font key, a GUID. The key is derived from
 * the font's bytes, not drawn at random, so the output stays the same.
 * `w:embedTrueTypeFonts` in the settings keeps the fonts when Word saves the file.
 */
function embedFont(font: EmbeddedFont, files: Record<string, Uint8Array>, xml: Map<string, string>, names: string[]): void {
  const base = font.name.replace(/[^A-Za-z0-9]+/g, '');
  const entries = FACES.map((face, i) => {
    const ttf = font.faces[face];
    const hash = createHash('sha256').update(ttf).digest('hex').toUpperCase();
    const key = `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;
    const keyBytes = (hash.slice(0, 32).match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
    const odttf = ttf.slice();
    for (let b = 0; b < 32; b++) odttf[b]! ^= keyBytes[b % 16]!;
    const path = `fonts/${base}-${face}.odttf`;
    files[`word/${path}`] = odttf;
    names.push(`word/${path}`);
    return { face, id: `rIdFont${i + 1}`, key, path };
  });
  const rels = entries.map((e) => `<Relationship Id="${e.id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="${e.path}"/>`).join('');
  xml.set(
    'word/_rels/fontTable.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  if (!names.includes('word/_rels/fontTable.xml.rels')) names.push('word/_rels/fontTable.xml.rels');
  const embeds = entries.map((e) => `<w:${embedElement[e.face]} r:id="${e.id}" w:fontKey="{${e.key}}"/>`).join('');
  // A sans-serif of variable pitch: where the embedded font cannot be used, Word picks a similar one.
  const entry = `<w:font w:name="${escapeAttr(font.name)}"><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/>${embeds}</w:font>`;
  edit(xml, 'word/fontTable.xml', (x) => (x.endsWith('/>') ? x.replace(/\/>$/, `>${entry}</w:fonts>`) : x.replace('</w:fonts>', `${entry}</w:fonts>`)));
  edit(xml, '[Content_Types].xml', (x) =>
    x.includes('Extension="odttf"') ? x : x.replace('<Default ', '<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/><Default '),
  );
  // embedTrueTypeFonts comes before evenAndOddHeaders and updateFields in CT_Settings.
  edit(xml, 'word/settings.xml', (x) => (x.includes('<w:embedTrueTypeFonts') ? x : x.replace(/<w:displayBackgroundShape\/>|(?=<w:evenAndOddHeaders)/, (m) => `${m}<w:embedTrueTypeFonts/>`)));
}

function edit(xml: Map<string, string>, name: string, f: (text: string) => string): void {
  const text = xml.get(name);
  if (text !== undefined) xml.set(name, f(text));
}

/** Applies f to the contents field's content control (the first one carrying the contents alias). */
function replaceInContents(x: string, f: (toc: string) => string): string {
  const start = x.indexOf(`<w:sdt><w:sdtPr><w:alias w:val="${escapeAttr(TOC_ALIAS)}"/>`);
  const end = start < 0 ? -1 : x.indexOf('</w:sdt>', start);
  return end < 0 ? x : x.slice(0, start) + f(x.slice(start, end)) + x.slice(end);
}

/**
 * Writes the estimated page of each heading into its contents entry (the text
 * after the tab), so the contents show page numbers before Word updates the
 * field. One estimate suffices: a number after the right tab takes no room of its own.
 */
function fillContentsPages(x: string, stylesXml: string, numberingXml: string | undefined, metrics: Record<Face, FontMetrics>): string {
  const entry = /(<w:hyperlink\b[^>]*\bw:anchor="([^"]+)">(?:(?!<\/w:hyperlink>).)*?<w:tab\/><w:t\b[^>]*>)([^<]*)(<\/w:t>)/g;
  const { bookmarks } = estimatePages({ documentXml: x, stylesXml, numberingXml, metrics });
  return replaceInContents(x, (toc) => toc.replace(entry, (m, head: string, anchor: string, _old: string, tail: string) => (bookmarks.has(anchor) ? `${head}${bookmarks.get(anchor)}${tail}` : m)));
}
