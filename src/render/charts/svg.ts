/**
 * A drawn SVG made ready to stand inline in the HTML (and so in the PDF): no
 * XML prolog, a viewBox so it scales to the column, role="img" with the alt
 * text as its accessible name, ids made unique within the page, and Skia's
 * per-glyph position lists written the way every SVG reader parses them.
 */

/**
 * Skia's SVG as the same bytes for the same drawing: its clip-path ids come from a counter shared by
 * every drawing in the process, so they are numbered anew here in order of appearance. The font is
 * named as the page names it: Skia writes the family from the font file ("Source Sans 3 ExtraLight"),
 * which no @font-face of the page matches.
 */
export function normalizeSvg(svg: string, font: string): string {
  const ids = new Map<string, string>();
  const rename = (id: string) => {
    let name = ids.get(id);
    if (!name) ids.set(id, (name = `k${ids.size + 1}`));
    return name;
  };
  return svg
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${rename(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${rename(id)})`)
    .replace(/xlink:href="#([^"]+)"/g, (_m, id: string) => `xlink:href="#${rename(id)}"`)
    .replace(/font-family="[^"]*"/g, `font-family="'${font.replace(/['"<>&]/g, '')}'"`);
}

const escapeAttr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function inlineSvg(svg: Uint8Array | string, idPrefix: string, alt: string): string {
  let text = typeof svg === 'string' ? svg : Buffer.from(svg).toString('utf8');
  text = text.replace(/^<\?xml[^>]*\?>\s*/, '');
  // Ids of clip paths are numbered per drawing: prefixed, two charts on one page do not share them.
  text = text.replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${idPrefix}-${id}"`);
  text = text.replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${idPrefix}-${id})`);
  text = text.replace(/xlink:href="#([^"]+)"/g, (_m, id: string) => `xlink:href="#${idPrefix}-${id}"`);
  // Skia writes x="1, 2, 3, " with a trailing comma, which some readers reject: plain space-separated lists.
  text = text.replace(/\b([xy])="([^"]*)"/g, (_m, attr: string, list: string) => `${attr}="${list.split(/[\s,]+/).filter(Boolean).join(' ')}"`);
  return text.replace(/<svg\b([^>]*?)\swidth="(\d+(?:\.\d+)?)"\sheight="(\d+(?:\.\d+)?)"([^>]*)>/, (_m, before: string, w: string, h: string, after: string) =>
    `<svg${before} width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"${after} class="diagram-bild" role="img" aria-label="${escapeAttr(alt)}" focusable="false">`,
  );
}
