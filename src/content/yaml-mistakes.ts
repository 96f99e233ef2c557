/**
 * Mistakes that YAML accepts without complaint but reads differently from
 * what the author meant. Found on the parsed document, where the source text
 * of every value is still known.
 */
import { isPair, isScalar, isSeq, Scalar, visit, type Document, type Pair } from 'yaml';

type Path = (string | number)[];

export interface DecimalComma {
  /** Offset of the number in the YAML text. */
  offset: number;
  /** Path of the key whose value was split, e.g. ["data", 0, "rader", 1, "budget"]. */
  path: Path;
  /** The number as the author meant it, e.g. "5,5". */
  written: string;
}

/**
 * In a flow map, `{ budget: 5,5 }` is read as `budget: 5` and a key "5" without
 * a value. Every such split is found, repaired in the document (the value
 * becomes the text "5,5", the stray key is removed, so that no second message
 * follows from it) and returned, to be reported as an error.
 */
export function repairDecimalCommas(doc: Document, text: string): DecimalComma[] {
  const found: DecimalComma[] = [];
  visit(doc, {
    Map(_key, node, ancestors) {
      if (!node.flow) return;
      for (let i = 0; i + 1 < node.items.length; i++) {
        const pair = node.items[i]!;
        const next = node.items[i + 1]!;
        const value = pair.value;
        if (!isScalar(value) || value.type !== 'PLAIN' || !value.range || !/^-?\d[\d ]*$/.test(String(value.source))) continue;
        // The decimals, with a percent sign when there is one: { utfall: 81,6 % }.
        if (!isScalar(next.key) || next.key.type !== 'PLAIN' || !next.key.range || !/^\d+( ?%)?$/.test(String(next.key.source))) continue;
        if (next.value !== null && !(isScalar(next.value) && next.value.value === null && !next.value.source)) continue;
        if (text.slice(value.range[1], next.key.range[0]) !== ',') continue;
        const written = `${String(value.source)},${String(next.key.source)}`;
        const repaired = new Scalar(written);
        repaired.range = [value.range[0], next.key.range[1], next.key.range[1]];
        pair.value = repaired;
        node.items.splice(i + 1, 1);
        found.push({ offset: value.range[0], path: [...pathOf([...ancestors, node]), keyOf(pair)], written });
      }
    },
  });
  return found;
}

function keyOf(pair: Pair): string | number {
  return isScalar(pair.key) ? String(pair.key.value) : '?';
}

/** The data path of a node from the ancestors `visit` hands over. */
function pathOf(ancestors: readonly unknown[]): Path {
  const path: Path = [];
  for (let i = 0; i < ancestors.length; i++) {
    const node = ancestors[i];
    const child = ancestors[i + 1];
    if (isPair(node)) path.push(keyOf(node));
    else if (isSeq(node) && child !== undefined) path.push(node.items.indexOf(child as never));
  }
  return path;
}
