/** WCAG 2.1 contrast ratio between two #RRGGBB colours. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Text colours of a profile and the backgrounds they are printed on, which must reach 4.5:1. */
export function profileContrastProblems(färger: { primär: string; text: string; tabellhuvud?: string }): { field: string; message: string }[] {
  const pairs: [string, string, string, string][] = [
    ['text', färger.text, '#FFFFFF', 'vit bakgrund'],
    ['primär', färger.primär, '#FFFFFF', 'vit bakgrund (rubriker och tabellrubriker)'],
  ];
  if (färger.tabellhuvud) pairs.push(['tabellhuvud', färger.text, färger.tabellhuvud, `tabellhuvudets bakgrund ${färger.tabellhuvud}`]);
  return pairs
    .map(([field, fg, bg, where]) => ({ field, ratio: contrastRatio(fg, bg), fg, where }))
    .filter((p) => p.ratio < 4.5)
    .map((p) => ({
      field: p.field,
      message: `Färgen ${p.fg} har kontrasten ${p.ratio.toFixed(1).replace('.', ',')}:1 mot ${p.where}; minst 4,5:1 krävs för text (WCAG 2.1 AA).|Välj en mörkare färg, eller en ljusare bakgrund för tabellhuvudet.`,
    }));
}
