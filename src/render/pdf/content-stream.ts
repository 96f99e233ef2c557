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

/** Byte classes of the content-stream syntax: 1 white space, 2 a delimiter; a table, since every byte is looked up. */
const WHITE = 1;
const DELIM = 2;
const CLASS = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = WHITE;
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = DELIM;

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

/**
 * Whether the word at [start, end) is an operand: a name, a number (an
 * operator never starts with a digit, sign or point) or true, false, null.
 * Decided from the bytes, without cutting the word out of the stream.
 */
function isOperandWord(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  if (c === 0x2f || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return true;
  const length = end - start;
  if (length === 4) return s.startsWith('true', start) || s.startsWith('null', start);
  return length === 5 && s.startsWith('false', start);
}

/** Told of each token in order: whether it is an operand, and where it stands. */
type OnToken = (operand: boolean, start: number, end: number) => void;

/**
 * Reads a content stream (as a latin1 string, one character per byte) once,
 * telling each token without making an object of it: a page of a long report
 * holds hundreds of thousands of tokens.
 */
function scan(s: string, onToken: OnToken): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (CLASS[c] === WHITE) {
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
      while (i < n && CLASS[s.charCodeAt(i)] === 0) i++;
      operand = isOperandWord(s, start, i);
    }
    onToken(operand, start, i);
    if (!operand && i - start === 2 && s.startsWith('BI', start)) {
      // inline image: skip to EI
      const ei = s.indexOf(' EI', i);
      i = ei === -1 ? n : ei + 3;
    }
  }
}

const latin1 = (src: Uint8Array) => Buffer.from(src.buffer, src.byteOffset, src.byteLength).toString('latin1');

/** Operators and operands in order, as tokens with their text. */
export function tokenize(src: Uint8Array): Token[] {
  const s = latin1(src);
  const out: Token[] = [];
  scan(s, (operand, start, end) => out.push({ kind: operand ? 'operand' : 'op', text: s.slice(start, end), start, end }));
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
  const s = latin1(src);
  const cuts: number[] = [];
  let depth = 0;
  let runStart = -1;
  let runPaints = false;
  let operandStart = -1;
  const closeRun = (at: number) => {
    if (runStart !== -1 && runPaints) cuts.push(runStart, at);
    runStart = -1;
    runPaints = false;
  };
  scan(s, (operand, start, end) => {
    if (operand) {
      if (operandStart === -1) operandStart = start;
      return;
    }
    const first = operandStart === -1 ? start : operandStart;
    operandStart = -1;
    const op = s.slice(start, end);
    if (op === 'BDC' || op === 'BMC') {
      if (depth === 0) closeRun(first);
      depth++;
    } else if (op === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      if (runStart === -1) runStart = first;
      if (PAINTING.has(op)) runPaints = true;
    }
  });
  closeRun(src.length);
  if (cuts.length === 0) return src;
  return splice(src, cuts.map((at, i) => ({ at, end: at, text: i % 2 === 0 ? '/Artifact BMC\n' : '\nEMC\n' })));
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
