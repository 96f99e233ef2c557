/** A repeated header row's marked content becomes a pagination artifact; everything else stays as it was. */
import { describe, expect, it } from 'vitest';
import { artifactMarkedContent } from '../../src/render/pdf/repeated-headers.ts';

const stream = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

describe('artifactMarkedContent', () => {
  it('rewrites only the chosen MCIDs', () => {
    const src = '/P <</MCID 0>> BDC BT (a) Tj ET EMC\n/TH <</MCID 3 >> BDC BT (Rubrik) Tj ET EMC\n/TH <</MCID 30>> BDC BT (b) Tj ET EMC';
    expect(text(artifactMarkedContent(stream(src), new Set([3])))).toBe(
      '/P <</MCID 0>> BDC BT (a) Tj ET EMC\n/Artifact <</Type /Pagination /Subtype /Header>> BDC BT (Rubrik) Tj ET EMC\n/TH <</MCID 30>> BDC BT (b) Tj ET EMC',
    );
  });

  it('returns the same stream when nothing is chosen', () => {
    const src = stream('/P <</MCID 0>> BDC EMC');
    expect(artifactMarkedContent(src, new Set([7]))).toBe(src);
  });
});
