import { describe, expect, it } from 'vitest';
import { legendOrder, symbolSvg, symbolWord, type SymbolRef } from '../../src/render/symbols.ts';

/** WCAG contrast of a #RRGGBB colour against white. */
function contrastWithWhite(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (l + 0.05);
}

const all: SymbolRef[] = [...legendOrder.status, ...legendOrder.trend, ...legendOrder.uppdrag];

describe('symbols', () => {
  it.each(all.map((ref) => [symbolWord(ref), ref] as const))('%s has an outline or mark with at least 3:1 contrast', (_w, ref) => {
    for (const set of ['cirklar', 'oxelösund'] as const) {
      const svg = symbolSvg(ref, set);
      const colours = [...svg.matchAll(/(?:stroke|fill)="(#[0-9A-Fa-f]{6})"/g)].map((m) => m[1]!).filter((c) => c.toUpperCase() !== '#FFFFFF');
      expect(Math.max(...colours.map(contrastWithWhite)), svg).toBeGreaterThanOrEqual(3);
    }
  });

  it.each(['cirklar', 'oxelösund'] as const)('the four statuses differ in shape or filling, not only in hue (%s)', (set) => {
    // Hue is removed; what remains is geometry and whether a part is filled or hollow.
    const shapes = legendOrder.status.map((ref) =>
      symbolSvg(ref, set)
        .replace(/stroke="[^"]*"/g, '')
        .replace(/fill="(#FFFFFF|none)"/gi, 'fill="hollow"')
        .replace(/fill="#[0-9A-F]{6}"/gi, 'fill="filled"'),
    );
    expect(new Set(shapes).size).toBe(4);
  });

  it('carries its word as the accessible name when labelled, and hides itself otherwise', () => {
    const ref: SymbolRef = { kind: 'status', status: 'delvis' };
    expect(symbolSvg(ref, 'cirklar', 12, symbolWord(ref))).toContain('role="img" aria-label="Delvis uppfyllt"');
    expect(symbolSvg(ref, 'cirklar')).toContain('aria-hidden="true"');
  });

  it('names every symbol in Swedish', () => {
    expect(all.map((r) => symbolWord(r))).toEqual([
      'Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej utvärderad',
      'Bättre', 'Oförändrad', 'Sämre', 'Ej jämförbar',
      'Ej startad', 'Påbörjad', 'Klar', 'Stoppad',
    ]);
  });
});
