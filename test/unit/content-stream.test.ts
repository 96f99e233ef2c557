import { describe, expect, it } from 'vitest';
import { markUntaggedAsArtifacts, tokenize, untaggedPainting } from '../../src/render/pdf/content-stream.ts';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('content streams', () => {
  it('tokenizes strings, dictionaries and operators', () => {
    const ops = tokenize(bytes('/P <</MCID 0>> BDC BT (a\\) b (c)) Tj [<0041> -3 (x)] TJ ET EMC')).filter((t) => t.kind === 'op').map((t) => t.text);
    expect(ops).toEqual(['BDC', 'BT', 'Tj', 'TJ', 'ET', 'EMC']);
  });

  it('finds painting outside marked content and wraps it as an artifact', () => {
    const src = bytes('q 0 0 10 10 re f Q /P <</MCID 0>> BDC BT (Text) Tj ET EMC BT (Sida 1 av 2) Tj ET');
    expect(untaggedPainting(src).map((t) => t.text)).toEqual(['f', 'Tj']);
    const marked = markUntaggedAsArtifacts(src);
    expect(untaggedPainting(marked)).toEqual([]);
    expect(text(marked)).toBe('/Artifact BMC\nq 0 0 10 10 re f Q \nEMC\n/P <</MCID 0>> BDC BT (Text) Tj ET EMC /Artifact BMC\nBT (Sida 1 av 2) Tj ET\nEMC\n');
  });

  it('leaves a fully tagged stream untouched', () => {
    const src = bytes('/P <</MCID 0>> BDC BT (Text) Tj ET EMC');
    expect(markUntaggedAsArtifacts(src)).toBe(src);
  });
});
