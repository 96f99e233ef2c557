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
 * - Zip entries carry the current local time and come in insertion order →
 *   one fixed time, [Content_Types].xml first and the rest sorted, no folder entries.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

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

  for (const [name, text] of xml) files[name] = strToU8(text);
  const order = names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  const mtime = zipTime();
  for (const name of order) zippable[name] = [files[name]!, { mtime, level: 6 }];
  return zipSync(zippable);
}
