/** A small, forgiving XML reader: elements, attributes and the text of w:t. Enough for WordprocessingML. */

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Text content of w:t / w:instrText. */
  text?: string;
}

const decode = (s: string) =>
  s.includes('&') ? s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&') : s;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Reads the document in one pass with indexOf and character codes (an
 * årsredovisning's document.xml is close to a megabyte, read for every build):
 * tags with their quoted attributes, the text of w:t; declarations and
 * comments skipped. A closing tag closes the innermost open element.
 */
export function parseXml(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) {
      const top = stack[stack.length - 1]!;
      if (top.name === 'w:t') top.text = (top.text ?? '') + decode(xml.slice(i, textEnd));
    }
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f || next === 0x21) {
      // <?…?> or <!--…-->: skipped to its end
      const end = xml.startsWith('<!--', lt) ? '-->' : '>';
      const close = xml.indexOf(end, lt + 1);
      i = close === -1 ? n : close + end.length;
      continue;
    }
    // The tag's end: the first ">" outside a quoted attribute value.
    let end = lt + 1;
    let quoted = false;
    for (; end < n; end++) {
      const c = xml.charCodeAt(end);
      if (c === 0x22) quoted = !quoted;
      else if (c === 0x3e && !quoted) break;
    }
    i = end + 1;
    if (next === 0x2f) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    let nameEnd = lt + 1;
    while (nameEnd < end && !isSpace(xml.charCodeAt(nameEnd)) && xml.charCodeAt(nameEnd) !== 0x2f) nameEnd++;
    const name = xml.slice(lt + 1, nameEnd);
    if (name === '') continue;
    const selfClosing = xml.charCodeAt(end - 1) === 0x2f;
    const attrs: Record<string, string> = {};
    let at = nameEnd;
    while (at < end) {
      const eq = xml.indexOf('=', at);
      if (eq === -1 || eq >= end) break;
      const open = xml.indexOf('"', eq);
      const close = open === -1 ? -1 : xml.indexOf('"', open + 1);
      if (open === -1 || close === -1 || close > end) break;
      attrs[xml.slice(at, eq).trim()] = decode(xml.slice(open + 1, close));
      at = close + 1;
    }
    const node: Node = { name, attrs, children: [] };
    stack[stack.length - 1]!.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  return root;
}

export const child = (n: Node | undefined, name: string) => n?.children.find((c) => c.name === name);
export const kids = (n: Node | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
export const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
export const onOff = (n: Node | undefined) => (n === undefined ? undefined : !['false', '0', 'off'].includes(n.attrs['w:val'] ?? 'true'));

/** The first element of a name anywhere below n, depth first. */
export function findDeep(n: Node, name: string): Node | undefined {
  for (const c of n.children) {
    if (c.name === name) return c;
    const hit = findDeep(c, name);
    if (hit) return hit;
  }
  return undefined;
}
