/**
 * The pages as the PDF/UA checks see them: every painting operator inside
 * tagged content or an artifact (7.1-1/2/3), every MCID once per page and
 * owned by an element through the parent tree, annotations in the tag tree
 * with a description (7.18), fonts used (7.21), and the text of each MCID.
 */
import { PDFDict, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';
import { parseContent, refKey, type Operand, type PdfReader } from './pdf-content.ts';
import { decodeCodes, type FontCatalog } from './pdf-fonts.ts';
import { validLang, type Tree } from './pdfua-tree.ts';

const PAINT = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'Do', 'sh', 'EI']);
const TEXT = new Set(['Tj', 'TJ', "'", '"']);

export interface PageText {
  /** MCID → its text. */
  tagged: Map<number, string>;
  /** The text painted as artifacts. */
  artifacts: string;
  /** MCID → what it paints: text, image, path. */
  kinds: Map<number, Set<string>>;
}

export function readPages(doc: PDFDocument, r: PdfReader, fonts: FontCatalog, tree: Tree): { pages: PageText[]; failures: string[] } {
  const failures: string[] = [];
  const fail = (rule: string, message: string) => failures.push(`${rule}: ${message}`);
  const root = r.dict(r.get(doc.catalog, 'StructTreeRoot'));
  const parentTree = new Map<number, PDFObject | undefined>();
  const walk = (n: PDFObject | undefined) => {
    const d = r.dict(n);
    if (!d) return;
    const nums = r.arr(r.get(d, 'Nums'));
    for (let k = 0; k + 1 < nums.length; k += 2) parentTree.set(r.num(nums[k]) ?? -1, nums[k + 1]);
    for (const kid of r.arr(r.get(d, 'Kids'))) walk(kid);
  };
  walk(r.get(root, 'ParentTree'));
  const nextKey = r.num(r.get(root, 'ParentTreeNextKey'));
  if (nextKey !== undefined && nextKey <= Math.max(-1, ...parentTree.keys())) fail('PT-nextkey', `ParentTreeNextKey ${nextKey} är inte större än största nyckeln`);

  const allMcids = new Set<string>();
  const pages: PageText[] = [];
  doc.getPages().forEach((page, pi) => {
    const node = page.node;
    const text: PageText = { tagged: new Map(), artifacts: '', kinds: new Map() };
    const seen = new Set<number>();
    let untagged = 0;
    let artifactInTagged = 0;
    let taggedInArtifact = 0;
    let duplicates = 0;
    const run = (bytes: Uint8Array, resources: PDFDict | undefined, stack: { tag: string | undefined; mcid: number | undefined }[], depth: number) => {
      const fontDict = r.dict(r.get(resources, 'Font'));
      const xobjects = r.dict(r.get(resources, 'XObject'));
      const properties = r.dict(r.get(resources, 'Properties'));
      let font;
      let moved = false;
      for (const { op, args } of parseContent(bytes)) {
        if (op === 'BMC' || op === 'BDC') {
          const tag = args[0]?.t === 'name' ? args[0].v : undefined;
          const p = args[1];
          let mcid: number | undefined;
          let lang: Operand | undefined;
          if (p?.t === 'dict') {
            const m = p.v.MCID;
            mcid = m?.t === 'num' ? m.v : undefined;
            lang = p.v.Lang;
          } else if (p?.t === 'name') mcid = r.num(r.get(r.dict(r.get(properties, p.v)), 'MCID'));
          const tagged = stack.some((e) => e.mcid !== undefined);
          const inArtifact = stack.some((e) => e.tag === 'Artifact');
          if (tag === 'Artifact' && tagged) artifactInTagged++;
          if (mcid !== undefined && inArtifact) taggedInArtifact++;
          if (mcid !== undefined) {
            if (seen.has(mcid)) duplicates++;
            seen.add(mcid);
            allMcids.add(`${pi}:${mcid}`);
          }
          if (lang?.t === 'str' && !validLang(Buffer.from(lang.v).toString('latin1'))) fail('7.2-29', `s. ${pi + 1}: ogiltig /Lang i BDC`);
          stack.push({ tag, mcid });
          continue;
        }
        if (op === 'EMC') {
          stack.pop();
          continue;
        }
        if (op === 'Tf') {
          const name = args[0]?.t === 'name' ? args[0].v : '';
          const ref = r.get(fontDict, name);
          font = ref ? fonts.get(ref) : undefined;
          continue;
        }
        if (op === 'Tm' || op === 'T*') moved = true;
        if (!PAINT.has(op)) continue;
        const current = [...stack].reverse().find((e) => e.mcid !== undefined);
        const inArtifact = stack.some((e) => e.tag === 'Artifact');
        if (!current && !inArtifact) untagged++;
        if (current?.mcid !== undefined) {
          const kinds = text.kinds.get(current.mcid) ?? new Set<string>();
          kinds.add(TEXT.has(op) ? 'text' : op === 'Do' || op === 'EI' ? 'image' : 'path');
          text.kinds.set(current.mcid, kinds);
        }
        if (TEXT.has(op) && font) {
          const last = args[args.length - 1];
          const parts = op === 'TJ' ? (args[0]?.t === 'arr' ? args[0].v : []) : last ? [last] : [];
          let t = moved ? ' ' : '';
          moved = false;
          for (const s of parts) {
            if (s.t === 'num') {
              if (s.v < -250) t += ' ';
            } else if (s.t === 'str') {
              for (const code of decodeCodes(font, s.v)) {
                font.used.add(code);
                t += font.toUnicode?.map.get(code) ?? '\uFFFD';
              }
            }
          }
          if (current?.mcid !== undefined) text.tagged.set(current.mcid, (text.tagged.get(current.mcid) ?? '') + t);
          else if (inArtifact) text.artifacts += t;
        }
        if (op === 'Do' && depth < 8) {
          const x = r.deref(r.get(xobjects, args[0]?.t === 'name' ? args[0].v : ''));
          if (x instanceof PDFStream && r.name(r.get(x.dict, 'Subtype')) === 'Form') {
            if (r.get(x.dict, 'Ref')) fail('7.20-1', `s. ${pi + 1}: referens-XObject`);
            run(r.bytes(x), r.dict(r.get(x.dict, 'Resources')) ?? resources, [...stack], depth + 1);
          }
        }
      }
    };
    const bytes = Buffer.concat(r.arr(r.get(node, 'Contents')).flatMap((c) => [Buffer.from(r.bytes(c)), Buffer.from('\n')]));
    run(bytes, r.dict(r.get(node, 'Resources')), [], 0);
    text.artifacts = text.artifacts.replace(/\s+/g, ' ').trim();
    pages.push(text);

    const structParents = r.num(r.get(node, 'StructParents'));
    if (seen.size && structParents === undefined) fail('PT-page', `s. ${pi + 1} har märkt innehåll men saknar /StructParents`);
    else if (seen.size) {
      const entry = r.arr(parentTree.get(structParents!));
      let missing = 0;
      let wrong = 0;
      for (const mcid of seen) {
        const e = entry[mcid];
        if (!e || !(r.deref(e) instanceof PDFDict)) missing++;
        else if (refKey(e) !== refKey(tree.owner.get(`${pi}:${mcid}`)?.ref)) wrong++;
      }
      if (missing) fail('PT-mcid', `s. ${pi + 1}: ${missing} MCID saknar post i ParentTree`);
      if (wrong) fail('PT-back', `s. ${pi + 1}: ${wrong} poster i ParentTree pekar på fel element`);
    }
    const orphans = [...seen].filter((m) => !tree.owner.has(`${pi}:${m}`));
    if (untagged || orphans.length) fail('7.1-3', `s. ${pi + 1}: ${untagged} målningar utanför taggar och artefakter, ${orphans.length} MCID utan element`);
    if (artifactInTagged) fail('7.1-1', `s. ${pi + 1}: ${artifactInTagged} artefakter inne i taggat innehåll`);
    if (taggedInArtifact) fail('7.1-2', `s. ${pi + 1}: ${taggedInArtifact} taggat innehåll inne i en artefakt`);
    if (duplicates) fail('PT-dupmcid', `s. ${pi + 1}: ${duplicates} MCID används två gånger`);

    const annots = r.arr(r.get(node, 'Annots'));
    if (annots.length && r.name(r.get(node, 'Tabs')) !== 'S') fail('7.18.3-1', `s. ${pi + 1}: /Tabs är inte /S`);
    for (const ref of annots) {
      const a = r.dict(ref);
      if (!a || ((r.num(r.get(a, 'F')) ?? 0) & 2) !== 0) continue;
      const subtype = r.name(r.get(a, 'Subtype'));
      const owner = tree.objrOwner.get(refKey(ref));
      const sp = r.num(r.get(a, 'StructParent'));
      const back = sp === undefined ? undefined : refKey(parentTree.get(sp));
      const contents = r.str(r.get(a, 'Contents'));
      if (subtype === 'Link') {
        if (!owner || owner.std !== 'Link' || back !== refKey(owner.ref)) fail('7.18.5-1', `s. ${pi + 1}: länken ${refKey(ref)} leder inte till sitt Link-element`);
        if (!contents) fail('7.18.5-2', `s. ${pi + 1}: länk utan /Contents`);
      } else if (subtype === 'Widget') {
        if (owner?.std !== 'Form') fail('7.18.4-1', `s. ${pi + 1}: Widget utanför Form`);
      } else if (subtype === 'TrapNet') fail('7.18.2-1', `s. ${pi + 1}: TrapNet-annotering`);
      else if (subtype === 'PrinterMark') {
        if (owner) fail('7.18.8-1', `s. ${pi + 1}: PrinterMark i taggträdet`);
      } else if (owner?.std !== 'Annot') fail('7.18.1-1', `s. ${pi + 1}: ${subtype}-annotering utanför ett Annot-element`);
      if (subtype !== 'Widget' && !contents && !(owner && r.str(r.get(owner.d, 'Alt')))) fail('7.18.1-2', `s. ${pi + 1}: ${subtype}-annotering utan Contents eller Alt`);
    }
  });
  const dangling = [...tree.owner.keys()].filter((k) => !allMcids.has(k)).length;
  if (dangling) fail('PT-dangling', `${dangling} MCID i taggträdet finns inte på sidan`);
  return { pages, failures };
}

/** The text of an element and everything below it, in tree order. */
export function elementText(el: { marks: { page: number | undefined; mcid: number }[]; kids: unknown[] }, pages: readonly PageText[]): string {
  let t = '';
  for (const m of el.marks) t += (m.page === undefined ? undefined : pages[m.page]?.tagged.get(m.mcid)) ?? '';
  for (const k of el.kids as (typeof el)[]) t += elementText(k, pages);
  return t;
}
