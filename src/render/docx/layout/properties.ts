/** Paragraph and run properties of WordprocessingML, as the layout needs them: from a paragraph, its style (with the styles it is based on), its list level. */
import { child, kids, num, onOff, parseXml, type Node } from './xml.ts';

export interface PProps {
  before?: number;
  after?: number;
  line?: number;
  lineRule?: string;
  left?: number;
  right?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** Room taken by top and bottom borders: their width and their distance from the text. */
  border?: number;
  tabs?: { pos: number; val: string }[];
}
export interface RProps {
  size?: number;
  bold?: boolean;
  italic?: boolean;
}

export function readPPr(pPr: Node | undefined): PProps {
  if (!pPr) return {};
  const spacing = child(pPr, 'w:spacing');
  const ind = child(pPr, 'w:ind');
  const tabs = child(pPr, 'w:tabs');
  const out: PProps = {
    before: num(spacing?.attrs['w:before']),
    after: num(spacing?.attrs['w:after']),
    line: num(spacing?.attrs['w:line']),
    lineRule: spacing?.attrs['w:lineRule'],
    left: num(ind?.attrs['w:left'] ?? ind?.attrs['w:start']),
    right: num(ind?.attrs['w:right'] ?? ind?.attrs['w:end']),
    keepNext: onOff(child(pPr, 'w:keepNext')),
    keepLines: onOff(child(pPr, 'w:keepLines')),
    pageBreakBefore: onOff(child(pPr, 'w:pageBreakBefore')),
    border: borderSpace(child(pPr, 'w:pBdr')),
    tabs: tabs ? kids(tabs, 'w:tab').filter((t) => t.attrs['w:val'] !== 'clear').map((t) => ({ pos: Number(t.attrs['w:pos']), val: t.attrs['w:val'] ?? 'left' })) : undefined,
  };
  for (const k of Object.keys(out) as (keyof PProps)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export function borderSpace(pBdr: Node | undefined): number | undefined {
  if (!pBdr) return undefined;
  let room = 0;
  for (const side of ['w:top', 'w:bottom']) {
    const b = child(pBdr, side);
    if (!b || ['none', 'nil'].includes(b.attrs['w:val'] ?? '')) continue;
    room += (Number(b.attrs['w:sz'] ?? 0) / 8) * 20 + Number(b.attrs['w:space'] ?? 0) * 20;
  }
  return room || undefined;
}

export function readRPr(rPr: Node | undefined): RProps {
  if (!rPr) return {};
  const out: RProps = { size: num(child(rPr, 'w:sz')?.attrs['w:val']), bold: onOff(child(rPr, 'w:b')), italic: onOff(child(rPr, 'w:i')) };
  for (const k of Object.keys(out) as (keyof RProps)[]) if (out[k] === undefined) delete out[k];
  return out;
}

export interface Styles {
  defaults: { p: PProps; r: RProps };
  paragraph(id: string | undefined): { p: PProps; r: RProps };
  character(id: string | undefined): RProps;
}

export function readStyles(stylesXml: string): Styles {
  const root = child(parseXml(stylesXml), 'w:styles');
  const defaults = child(root, 'w:docDefaults');
  const base = {
    p: readPPr(child(child(defaults, 'w:pPrDefault'), 'w:pPr')),
    r: readRPr(child(child(defaults, 'w:rPrDefault'), 'w:rPr')),
  };
  const byId = new Map(kids(root, 'w:style').map((s) => [s.attrs['w:styleId'] ?? '', s]));
  const defaultParagraph = kids(root, 'w:style').find((s) => s.attrs['w:type'] === 'paragraph' && onOff({ name: '', attrs: { 'w:val': s.attrs['w:default'] ?? 'false' }, children: [] }));
  const resolved = new Map<string, { p: PProps; r: RProps }>();
  const resolve = (id: string, depth = 0): { p: PProps; r: RProps } => {
    const hit = resolved.get(id);
    if (hit) return hit;
    const style = byId.get(id);
    if (!style || depth > 10) return { p: {}, r: {} };
    const parent = child(style, 'w:basedOn')?.attrs['w:val'];
    const up = parent ? resolve(parent, depth + 1) : { p: {}, r: {} };
    const own = { p: { ...up.p, ...readPPr(child(style, 'w:pPr')) }, r: { ...up.r, ...readRPr(child(style, 'w:rPr')) } };
    resolved.set(id, own);
    return own;
  };
  return {
    defaults: base,
    paragraph: (id) => {
      const s = resolve(id ?? defaultParagraph?.attrs['w:styleId'] ?? 'Normal');
      return { p: { ...base.p, ...s.p }, r: { ...base.r, ...s.r } };
    },
    character: (id) => (id ? resolve(id).r : {}),
  };
}

/** Paragraph properties of list levels, by numId and level. */
export function readNumbering(numberingXml: string | undefined): (numId: string, level: number) => PProps {
  if (!numberingXml) return () => ({});
  const root = child(parseXml(numberingXml), 'w:numbering');
  const abstract = new Map(kids(root, 'w:abstractNum').map((a) => [a.attrs['w:abstractNumId'] ?? '', a]));
  const nums = new Map(kids(root, 'w:num').map((n) => [n.attrs['w:numId'] ?? '', child(n, 'w:abstractNumId')?.attrs['w:val'] ?? '']));
  return (numId, level) => {
    const a = abstract.get(nums.get(numId) ?? '');
    const lvl = kids(a, 'w:lvl').find((l) => Number(l.attrs['w:ilvl']) === level);
    return readPPr(child(lvl, 'w:pPr'));
  };
}
