/**
 * Whether an SVG may be inlined in the published HTML (and drawn in the PDF and
 * DOCX). The file is read by a strict XML parser (sax) and every element,
 * attribute and style is checked against an allow-list: shapes, text,
 * gradients, clipping and the attributes that draw them. Anything that can run
 * (scripts, on… handlers, animation that rewrites a link), fetch (external
 * href, url(), @import) or restyle the page around it (<style>) is refused, as
 * is anything the XML parser and a browser's HTML parser could read differently
 * (DOCTYPE, entities, CDATA, odd comments, unquoted attributes).
 */
import sax from 'sax';
import { Image } from '@napi-rs/canvas';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'textPath',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern',
  'filter', 'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feDropShadow',
]);

const ATTRIBUTES = new Set([
  'id', 'class', 'style', 'transform', 'viewBox', 'width', 'height', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr',
  'd', 'points', 'pathLength', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin',
  'stroke-miterlimit', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-opacity', 'opacity', 'color', 'display', 'visibility', 'overflow',
  'clip-path', 'clip-rule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits', 'gradientUnits', 'gradientTransform', 'spreadMethod',
  'offset', 'stop-color', 'stop-opacity', 'patternUnits', 'patternContentUnits', 'patternTransform', 'preserveAspectRatio', 'version', 'baseProfile',
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch', 'text-anchor', 'dominant-baseline', 'alignment-baseline',
  'baseline-shift', 'letter-spacing', 'word-spacing', 'text-decoration', 'writing-mode', 'direction', 'unicode-bidi', 'dx', 'dy', 'rotate', 'textLength', 'lengthAdjust',
  'startOffset', 'method', 'spacing', 'side', 'shape-rendering', 'text-rendering', 'color-interpolation-filters', 'vector-effect', 'paint-order',
  'mix-blend-mode', 'isolation', 'enable-background', 'filter', 'filterUnits', 'primitiveUnits', 'in', 'in2', 'result', 'stdDeviation', 'mode',
  'operator', 'k1', 'k2', 'k3', 'k4', 'values', 'type', 'flood-color', 'flood-opacity',
  'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'aria-hidden', 'focusable', 'lang', 'href',
]);

/** Attributes that hold names or words, not styles: not checked as CSS. */
const TEXT_ATTRIBUTES = new Set(['id', 'class', 'lang', 'role', 'aria-label', 'aria-labelledby', 'aria-describedby', 'd', 'points']);

/** CSS functions a style may use; url() only as url(#id). */
const CSS_FUNCTIONS = new Set(['rgb', 'rgba', 'hsl', 'hsla', 'url', 'translate', 'translatex', 'translatey', 'rotate', 'scale', 'matrix', 'skewx', 'skewy', 'calc']);

export const svgHint =
  'Spara logotypen som en ren SVG (i Inkscape: Spara som → "Optimerad SVG" eller "Vanlig SVG"; i Illustrator: SVG 1.1 med stilattribut eller presentationsattribut, inga inbäddade bilder eller typsnitt). Bara former, text, färgtoningar och urklipp tillåts: inga skript, länkar, animationer, bilder eller <style>.';

export interface SvgProblem {
  /** What was found, to follow "innehåller …". */
  what: string;
  line?: number;
  hint?: string;
}

/** The first thing that makes `svg` unsafe or unreadable, or undefined when it may be inlined. */
export function svgProblem(svg: string): SvgProblem | undefined {
  const body = svg.replace(/^\uFEFF/, '');
  let problem: SvgProblem | undefined;
  let depth = 0;
  let seenRoot = false;
  let started = false;
  const parser = sax.parser(true, { xmlns: true, position: true });
  const found = (what: string, hint?: string) => {
    problem ??= { what, line: parser.line + 1, ...(hint ? { hint } : {}) };
  };

  parser.onerror = (err) => {
    found(xmlErrorName(err.message), 'Öppna logotypen i ett ritprogram och spara den igen som SVG; filen måste vara korrekt XML med citattecken runt alla attributvärden.');
    // Stop at the first error: what follows cannot be trusted.
    throw err;
  };
  parser.onprocessinginstruction = (pi) => {
    if (pi.name !== 'xml' || started) found(`en behandlingsinstruktion (<?${pi.name} …?>)`);
  };
  parser.ondoctype = () => found('en DOCTYPE-deklaration (som kan definiera entiteter)');
  parser.onopencdata = () => found('ett CDATA-avsnitt');
  parser.oncomment = (text) => {
    if (/[<>]|--|-$/.test(text)) found('en kommentar med <, > eller --');
  };
  parser.ontext = (text) => {
    if (text.trim() && depth === 0) found('text utanför <svg>');
  };
  // The XML parser keeps the last of two equal attributes, a browser the first: href="javascript:…" href="#a"
  // would pass here and run there. Any attribute written twice is refused.
  let names = new Set<string>();
  parser.onopentagstart = () => {
    names = new Set();
  };
  parser.onattribute = (attr) => {
    if (names.has(attr.name)) found(`attributet ${attr.name} två gånger i samma tagg`);
    names.add(attr.name);
  };
  parser.onopentag = (tag) => {
    started = true;
    const node = tag as sax.QualifiedTag;
    if (depth === 0 && seenRoot) found('mer än ett rotelement');
    if (depth === 0 && node.local !== 'svg') found(`rotelementet <${node.name}> i stället för <svg>`);
    seenRoot = true;
    depth++;
    if (node.uri !== SVG_NS) {
      found(
        depth === 1 ? 'ett <svg>-element utan xmlns="http://www.w3.org/2000/svg"' : `elementet <${node.name}> från ett annat program`,
        depth === 1 ? 'Lägg till xmlns="http://www.w3.org/2000/svg" i <svg>-taggen; utan det kan Word och PDF inte rita logotypen.' : undefined,
      );
      return;
    }
    if (!ELEMENTS.has(node.local)) {
      found(elementName(node.local));
      return;
    }
    for (const attr of Object.values(node.attributes)) {
      const what = attributeProblem(attr);
      if (what) return found(what);
    }
    if (depth === 1) {
      const size = sizeProblem(node.attributes);
      if (size) found(size, 'Ge <svg> en viewBox med positiv bredd och höjd, t.ex. viewBox="0 0 300 100", högst 5000 bildpunkter och högst förhållandet 20:1 mellan sidorna.');
    }
  };
  parser.onclosetag = () => {
    depth--;
  };

  try {
    parser.write(body).close();
  } catch {
    // reported by onerror
  }
  if (!problem && !seenRoot) return { what: 'inget <svg>-element' };
  return problem;
}

const PX_PER_UNIT: Record<string, number> = { px: 1, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, pt: 96 / 72, pc: 16, em: 16, ex: 8 };
const MAX_SIDE_PX = 5000;

/** sax's English error, as what the logo "innehåller". */
function xmlErrorName(message: string): string {
  const known: [RegExp, string][] = [
    [/Unquoted attribute value/, 'ett attributvärde utan citattecken'],
    [/Attribute without value/, 'ett attribut utan värde'],
    [/Forward-slash in opening tag/, 'ett snedstreck inne i en tagg'],
    [/Unclosed root tag|Unexpected end/, 'en tagg som aldrig stängs'],
    [/Unexpected close tag|Unmatched closing tag/, 'en sluttagg som inte hör ihop med sin starttagg'],
    [/Invalid character entity|entity/i, 'en okänd entitet (&…;)'],
    [/Text data outside of root node/, 'text utanför <svg>'],
    [/Non-whitespace before first tag/, 'text före <svg>'],
    [/Invalid attribute name|Invalid tagname|Invalid characters/, 'ett ogiltigt namn på en tagg eller ett attribut'],
    [/Unbound namespace prefix/, 'ett prefix utan namnrymd'],
  ];
  const what = known.find(([re]) => re.test(message))?.[1];
  return `${what ?? 'ett fel'} i XML-koden`;
}

/** The root's size: width, height and viewBox must be positive numbers, the sides within 20:1, or the logo cannot be drawn. */
function sizeProblem(attributes: Record<string, sax.QualifiedAttribute>): string | undefined {
  const length = (name: string): number | undefined => {
    const value = attributes[name]?.value.trim();
    if (value === undefined) return undefined;
    const m = /^(\d+(?:\.\d+)?|\.\d+)(px|mm|cm|in|pt|pc|em|ex|%)?$/.exec(value);
    return m && Number(m[1]) > 0 ? (m[2] === '%' ? NaN : Number(m[1]) * (PX_PER_UNIT[m[2] ?? 'px'] ?? 1)) : -1;
  };
  const [width, height] = [length('width'), length('height')];
  if (width === -1 || height === -1) return `en storlek som inte går att rita (width="${attributes.width?.value ?? ''}", height="${attributes.height?.value ?? ''}")`;
  const box = attributes.viewBox?.value.trim().split(/[\s,]+/).map(Number);
  if (box && (box.length !== 4 || box.some((n) => !Number.isFinite(n)) || box[2]! <= 0 || box[3]! <= 0)) return `en viewBox som inte går att rita (viewBox="${attributes.viewBox!.value}")`;
  if (!box && !(width && height && Number.isFinite(width) && Number.isFinite(height))) {
    return 'ingen storlek att rita efter (varken viewBox eller width och height i bildpunkter eller mm)';
  }
  const [w, h] = box ? [box[2]!, box[3]!] : [width, height];
  if (w !== undefined && h !== undefined && Number.isFinite(w) && Number.isFinite(h) && (w / h > 20 || h / w > 20)) return `orimliga proportioner (${w} × ${h})`;
  // The DOCX step draws the logo at its own size first: a huge one would exhaust memory.
  const drawn = [width ?? box?.[2], height ?? box?.[3]].filter((n): n is number => n !== undefined && Number.isFinite(n));
  if (drawn.some((n) => n > MAX_SIDE_PX)) return `en storlek över ${MAX_SIDE_PX} bildpunkter (${drawn.map((n) => Math.round(n)).join(' × ')})`;
  return undefined;
}

function elementName(local: string): string {
  if (local === 'script') return 'ett skript (<script>)';
  if (local === 'foreignObject') return 'ett foreignObject-element';
  if (local === 'style') return 'ett <style>-element (som skulle ändra utseendet på hela sidan där logotypen visas)';
  if (/^(set|animate|animateTransform|animateMotion|animateColor)$/.test(local)) return `en animation (<${local}>)`;
  if (/^(image|feImage|a|iframe|object|embed|link|meta|audio|video|font|font-face)$/.test(local)) return `ett element som hämtar, länkar till eller bäddar in annat innehåll (<${local}>)`;
  return `elementet <${local}>, som inte tillåts i en logotyp`;
}

function attributeProblem(attr: sax.QualifiedAttribute): string | undefined {
  const { name, local, prefix, uri, value } = attr;
  if (name === 'xmlns') return value === SVG_NS ? undefined : `namnrymden xmlns="${value}"`;
  if (prefix === 'xmlns') return value === XLINK_NS ? undefined : `namnrymden ${name}="${value}" från ett annat program`;
  if (/^on/i.test(local)) return `en händelsehanterare (${name})`;
  if (prefix === 'xml') return local === 'space' || local === 'lang' ? undefined : `attributet ${name}`;
  if (prefix && !(uri === XLINK_NS && local === 'href')) return `attributet ${name} från ett annat program`;
  if (!prefix && !ATTRIBUTES.has(local)) return `attributet ${name}, som inte tillåts i en logotyp`;
  if (local === 'href' && !/^#[^\s'"()<>\\]+$/u.test(value.trim())) return `en länk till något utanför logotypen (${name}="${value}")`;
  if (TEXT_ATTRIBUTES.has(local)) return undefined;
  const css = cssProblem(value);
  if (css) return `${css} i attributet ${name}`;
  return undefined;
}

/** What makes a style value (or any attribute value) able to fetch or run something, or undefined. */
export function cssProblem(css: string): string | undefined {
  const text = css.toLowerCase();
  if (text.includes('\\')) return 'ett bakstreck (\\), som kan dölja CSS-kod,';
  if (text.includes('@')) return 'en @-regel (t.ex. @import)';
  if (/javascript:|vbscript:|data:|expression|behavior|-moz-binding|<\//.test(text)) return 'kod eller en extern resurs';
  for (const match of text.matchAll(/([a-z-]*)\s*\(/g)) {
    const fn = match[1]!;
    if (!CSS_FUNCTIONS.has(fn)) return `CSS-funktionen ${fn || '('}()`;
    if (fn === 'url' && !/^\s*['"]?#/.test(text.slice(match.index! + match[0].length))) return 'en extern resurs (url())';
  }
  return undefined;
}

/**
 * Whether the SVG can be drawn by the same renderer the DOCX step uses for its
 * PNG (resvg in @napi-rs/canvas, which decodes synchronously): a logo that
 * passes the allow-list but cannot be drawn is refused here, at its line in
 * kommun.yaml, not in the middle of a build.
 */
export function svgDraws(svg: string): boolean {
  const image = new Image();
  let failed = false;
  image.onerror = () => {
    failed = true;
  };
  try {
    image.src = Buffer.from(svg.replace(/^\uFEFF/, ''));
  } catch {
    return false;
  }
  return !failed && image.width > 0 && image.height > 0;
}
