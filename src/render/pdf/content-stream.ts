/**
 * A small PDF content-stream tokenizer, enough to find painting that is not
 * inside any marked-content sequence. Chromium paints page margin boxes
 * (running header, "Sida X av Y") and fixed elements outside the tag tree;
 * PDF/UA requires such content to be marked as an artifact.
 */

export interface Token {
  /** "op" for an operator, "operand" for everything else. */
  kind: 'op' | 'operand';
  text: string;
  start: number;
  end: number;
}

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

/** The end (exclusive) of the literal string that opens at `i`, with nesting and escapes. */
function stringEnd(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const d = s.charCodeAt(i);
    if (d === 0x5c) i++;
    else if (d === 0x28) depth++;
    else if (d === 0x29 && --depth === 0) return i + 1;
  }
  return s.length;
}

/** The end (exclusive) of the dictionary that opens at `i` ("<<"), nested dictionaries and strings included. */
function dictionaryEnd(s: string, i: number): number {
  let depth = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x3c && s.charCodeAt(i + 1) === 0x3c) {
      depth++;
      i += 2;
    } else if (c === 0x3e && s.charCodeAt(i + 1) === 0x3e) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else if (c === 0x28) i = stringEnd(s, i);
    else i++;
  }
  return s.length;
}

/** Numbers and the keywords true, false and null are operands; an operator never starts with a digit, sign or point. */
function isOperandWord(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || text === 'true' || text === 'false' || text === 'null';
}

/**
 * Operators and operands in order. Works on the stream as a latin1 string (one
 * byte per character), read once: a page of a long report holds hundreds of
 * thousands of tokens.
 */
export function tokenize(src: Uint8Array): Token[] {
  const s = Buffer.from(src.buffer, src.byteOffset, src.byteLength).toString('latin1');
  const out: Token[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (WHITE.has(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === 0x25) {
      // % comment
      while (i < n && s.charCodeAt(i) !== 0x0a && s.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    let operand = true;
    if (c === 0x28) i = stringEnd(s, i);
    else if (c === 0x3c && s.charCodeAt(i + 1) === 0x3c) i = dictionaryEnd(s, i);
    else if (c === 0x3c) {
      const close = s.indexOf('>', i);
      i = close === -1 ? n : close + 1;
    } else if (c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d) i++;
    else {
      // A name (/P) or a word: a number, a keyword or an operator.
      i++;
      while (i < n && !WHITE.has(s.charCodeAt(i)) && !DELIM.has(s.charCodeAt(i))) i++;
      operand = c === 0x2f || isOperandWord(s.slice(start, i));
    }
    const text = s.slice(start, i);
    out.push({ kind: operand ? 'operand' : 'op', text, start, end: i });
    if (text === 'BI') {
      // inline image: skip to EI
      const ei = s.indexOf(' EI', i);
      i = ei === -1 ? n : ei + 3;
    }
  }
  return out;
}

/** Operators that put marks on the page. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'S', 's', 'sh', 'Do', 'EI']);

/** Painting operators that stand outside any marked-content sequence. */
export function untaggedPainting(src: Uint8Array): Token[] {
  let depth = 0;
  const found: Token[] = [];
  for (const t of tokenize(src)) {
    if (t.kind !== 'op') continue;
    if (t.text === 'BDC' || t.text === 'BMC') depth++;
    else if (t.text === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && PAINTING.has(t.text)) found.push(t);
  }
  return found;
}

/**
 * Wraps every run of drawing outside marked content in `/Artifact BMC … EMC`.
 * A run starts at the first operator after the last top-level EMC (or the
 * stream's start) and ends before the next BDC/BMC; only runs that paint are
 * wrapped, and q/Q nesting is kept inside each run.
 */
export function markUntaggedAsArtifacts(src: Uint8Array): Uint8Array {
  const tokens = tokenize(src);
  const cuts: { at: number; text: string }[] = [];
  let depth = 0;
  let runStart: number | undefined;
  let runPaints = false;
  let operandStart: number | undefined;
  const closeRun = (at: number) => {
    if (runStart !== undefined && runPaints) {
      cuts.push({ at: runStart, text: '/Artifact BMC\n' }, { at, text: '\nEMC\n' });
    }
    runStart = undefined;
    runPaints = false;
  };
  for (const t of tokens) {
    if (t.kind === 'operand') {
      operandStart ??= t.start;
      continue;
    }
    const first = operandStart ?? t.start;
    operandStart = undefined;
    if (t.text === 'BDC' || t.text === 'BMC') {
      if (depth === 0) closeRun(first);
      depth++;
      continue;
    }
    if (t.text === 'EMC') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth === 0) {
      runStart ??= first;
      if (PAINTING.has(t.text)) runPaints = true;
    }
  }
  closeRun(src.length);
  return cuts.length === 0 ? src : splice(src, cuts.map((c) => ({ at: c.at, end: c.at, text: c.text })));
}

/** The stream with each edit's bytes [at, end) replaced by its text (latin1); edits must not overlap. */
export function splice(src: Uint8Array, edits: readonly { at: number; end: number; text: string }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (const e of [...edits].sort((a, b) => a.at - b.at)) {
    parts.push(src.subarray(pos, e.at), Buffer.from(e.text, 'latin1'));
    pos = e.end;
  }
  parts.push(src.subarray(pos));
  return new Uint8Array(Buffer.concat(parts));
}
