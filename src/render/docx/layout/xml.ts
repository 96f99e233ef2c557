/** A small, forgiving XML reader: elements, attributes and the text of w:t. Enough for WordprocessingML. */

export interface Node {
  name: string;
  attrs: Record<string, string>;
  children: Node[];
  /** Text content of w:t / w:instrText. */
  text?: string;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function parseXml(xml: string): Node {
  const root: Node = { name: '#root', attrs: {}, children: [] };
  const stack: Node[] = [root];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=>/]+\s*=\s*"[^"]*")*)\s*(\/?)>|<\?[^>]*\?>|<!--[\s\S]*?-->|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      if (top.name === 'w:t') top.text = (top.text ?? '') + decode(m[5]);
      continue;
    }
    if (!m[2]) continue;
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]!] = decode(a[2]!);
    const node: Node = { name: m[2], attrs, children: [] };
    top.children.push(node);
    if (!m[4]) stack.push(node);
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
