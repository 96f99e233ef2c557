/**
 * The structure tree as the PDF/UA checks see it: every element with its
 * standard type (after the RoleMap), parent, children and marked content, and
 * the rules about the tree itself: role mapping, /P links, which element may
 * hold which (7.2), headings (7.4), figures and formulas (7.3, 7.7), notes (7.9).
 */
import { PDFDict, PDFNumber, type PDFDocument, type PDFObject } from 'pdf-lib';
import { PdfReader, refKey } from './pdf-content.ts';

export const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(' '),
);

export interface Mark {
  page: number | undefined;
  mcid: number;
}
export interface Element {
  ref: PDFObject;
  d: PDFDict;
  s: string;
  std: string;
  parent: Element | undefined;
  kids: Element[];
  marks: Mark[];
  objrs: string[];
  index: number;
}

export const validLang = (l: string) => /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(l);

export interface Tree {
  elements: Element[];
  /** "page:mcid" → the element that owns it. */
  owner: Map<string, Element>;
  /** annotation ref → the element whose OBJR points to it. */
  objrOwner: Map<string, Element>;
  ids: Map<string, Element>;
  failures: string[];
}

export function readTree(doc: PDFDocument, r: PdfReader): Tree {
  const failures: string[] = [];
  const fail = (rule: string, message: string) => failures.push(`${rule}: ${message}`);
  const root = r.dict(r.get(doc.catalog, 'StructTreeRoot'));
  const rootRef = r.get(doc.catalog, 'StructTreeRoot');
  const roleMap = new Map<string, string | undefined>();
  for (const [k, v] of r.dict(r.get(root, 'RoleMap'))?.entries() ?? []) roleMap.set(k.decodeText(), r.name(v));
  for (const [from, to] of roleMap) {
    if (STANDARD.has(from)) fail('7.1-7', `standardtypen /${from} är mappad till /${to}`);
    const seen = new Set([from]);
    for (let s = to; s !== undefined && roleMap.has(s); s = roleMap.get(s)) {
      if (seen.has(s)) {
        fail('7.1-6', `cirkulär rollmappning från /${from}`);
        break;
      }
      seen.add(s);
    }
  }
  const std = (s: string) => {
    let t: string | undefined = s;
    for (let k = 0; t !== undefined && !STANDARD.has(t) && roleMap.has(t) && k < 20; k++) t = roleMap.get(t);
    return t ?? s;
  };
  const pageIndex = new Map(doc.getPages().map((p, i) => [refKey(p.ref), i]));
  const tree: Tree = { elements: [], owner: new Map(), objrOwner: new Map(), ids: new Map(), failures };
  const visit = (ref: PDFObject, parentRef: PDFObject | undefined, parent: Element | undefined, inheritedPg: PDFObject | undefined) => {
    const d = r.dict(ref);
    if (!d) return;
    const s = r.name(r.get(d, 'S')) ?? '?';
    const el: Element = { ref, d, s, std: std(s), parent, kids: [], marks: [], objrs: [], index: tree.elements.length };
    tree.elements.push(el);
    parent?.kids.push(el);
    const p = r.get(d, 'P');
    if (!p || refKey(p) !== refKey(parentRef)) fail('7.1-12', `/${s} #${el.index}: /P pekar inte på föräldern`);
    const id = r.str(r.get(d, 'ID'));
    if (id !== undefined) tree.ids.set(id, el);
    const lang = r.str(r.get(d, 'Lang'));
    if (lang !== undefined && !validLang(lang)) fail('7.2-29', `/${s} /Lang ${JSON.stringify(lang)}`);
    const pg = r.get(d, 'Pg') ?? inheritedPg;
    for (const kid of r.arr(r.get(d, 'K'))) {
      const kd = r.deref(kid);
      if (kd instanceof PDFNumber) {
        const page = pageIndex.get(refKey(pg));
        el.marks.push({ page, mcid: kd.asNumber() });
        const key = `${page}:${kd.asNumber()}`;
        if (page === undefined) fail('PT-mcr', `/${s} MCID ${kd.asNumber()} utan sida (/Pg)`);
        else if (tree.owner.has(key)) fail('PT-dup', `MCID ${key} hör till två element`);
        else tree.owner.set(key, el);
        continue;
      }
      if (!(kd instanceof PDFDict)) continue;
      const type = r.name(r.get(kd, 'Type'));
      if (type === 'MCR') {
        const page = pageIndex.get(refKey(r.get(kd, 'Pg') ?? pg));
        const mcid = r.num(r.get(kd, 'MCID')) ?? -1;
        el.marks.push({ page, mcid });
        tree.owner.set(`${page}:${mcid}`, el);
      } else if (type === 'OBJR') {
        el.objrs.push(refKey(r.get(kd, 'Obj')));
        tree.objrOwner.set(refKey(r.get(kd, 'Obj')), el);
      } else if (r.get(kd, 'S')) visit(kid, ref, el, pg);
    }
  };
  if (root && rootRef) for (const k of r.arr(r.get(root, 'K'))) visit(k, rootRef, undefined, undefined);

  for (const el of tree.elements) {
    if (!STANDARD.has(el.std)) fail('7.1-5', `/${el.s} är inte mappad till en standardtyp`);
    const kids = el.kids.map((k) => k.std);
    const only = (rule: string, allowed: string[]) => {
      const bad = kids.filter((x) => !allowed.includes(x));
      if (bad.length) fail(rule, `${el.std}#${el.index} innehåller ${[...new Set(bad)].join(',')}`);
    };
    const inside = (rule: string, allowed: string[]) => {
      if (!allowed.includes(el.parent?.std ?? '')) fail(rule, `${el.std}#${el.index} ligger i ${el.parent?.std}`);
    };
    switch (el.std) {
      case 'Table': {
        only('7.2-3', ['TR', 'THead', 'TBody', 'TFoot', 'Caption']);
        if (kids.filter((x) => x === 'THead').length > 1) fail('7.2-11', `Table#${el.index} har flera THead`);
        if (kids.filter((x) => x === 'TFoot').length > 1) fail('7.2-12', `Table#${el.index} har flera TFoot`);
        if (kids.includes('TFoot') && !kids.includes('TBody')) fail('7.2-13', `Table#${el.index}: TFoot utan TBody`);
        if (kids.includes('THead') && !kids.includes('TBody')) fail('7.2-14', `Table#${el.index}: THead utan TBody`);
        const captions = kids.map((x, j) => (x === 'Caption' ? j : -1)).filter((j) => j >= 0);
        if (!captions.every((j) => j === 0 || j === kids.length - 1)) fail('7.2-16', `Table#${el.index}: Caption mitt i tabellen`);
        if (captions.length > 1) fail('7.2-39', `Table#${el.index} har ${captions.length} Caption`);
        break;
      }
      case 'TR':
        only('7.2-10', ['TH', 'TD']);
        inside('7.2-4', ['Table', 'THead', 'TBody', 'TFoot']);
        break;
      case 'THead':
        inside('7.2-5', ['Table']);
        only('7.2-36', ['TR']);
        break;
      case 'TBody':
        inside('7.2-6', ['Table']);
        only('7.2-37', ['TR']);
        break;
      case 'TFoot':
        inside('7.2-7', ['Table']);
        only('7.2-38', ['TR']);
        break;
      case 'TH':
        inside('7.2-8', ['TR']);
        break;
      case 'TD':
        inside('7.2-9', ['TR']);
        break;
      case 'LI':
        inside('7.2-17', ['L']);
        only('7.2-20', ['Lbl', 'LBody']);
        break;
      case 'LBody':
        inside('7.2-18', ['LI']);
        break;
      case 'L':
        only('7.2-19', ['L', 'LI', 'Caption']);
        if (kids.slice(1).includes('Caption')) fail('7.2-40', `L#${el.index}: Caption är inte först`);
        break;
      case 'TOCI':
        inside('7.2-26', ['TOC']);
        break;
      case 'TOC':
        only('7.2-27', ['TOC', 'TOCI', 'Caption']);
        if (kids.slice(1).includes('Caption')) fail('7.2-28', `TOC#${el.index}: Caption är inte först`);
        break;
      case 'Figure':
      case 'Formula':
        if (!r.str(r.get(el.d, 'Alt')) && r.get(el.d, 'ActualText') === undefined) fail(el.std === 'Figure' ? '7.3-1' : '7.7-1', `${el.std}#${el.index} saknar Alt`);
        break;
      case 'Note':
        if (!r.str(r.get(el.d, 'ID'))) fail('7.9-1', `Note#${el.index} saknar ID`);
        break;
    }
    if (kids.filter((x) => x === 'H').length > 1) fail('7.4.4-1', `${el.std}#${el.index} har flera H`);
  }
  const noteIds = tree.elements.filter((e) => e.std === 'Note').map((e) => r.str(r.get(e.d, 'ID')));
  if (new Set(noteIds).size !== noteIds.length) fail('7.9-2', 'två Note har samma ID');
  if (tree.elements.some((e) => e.std === 'H') && tree.elements.some((e) => /^H[1-6]$/.test(e.std))) fail('7.4.4-2/3', 'både H och H1–H6 används');
  let previous = 0;
  for (const e of tree.elements) {
    const m = /^H([1-6])$/.exec(e.std);
    if (!m) continue;
    const level = Number(m[1]);
    if (previous === 0 && level !== 1) fail('7.4.2-1', `första rubriken är H${level}`);
    else if (previous !== 0 && level > previous + 1) fail('7.4.2-1', `H${level} följer på H${previous} (#${e.index})`);
    previous = level;
  }
  return tree;
}
