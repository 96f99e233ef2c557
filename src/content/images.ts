/**
 * Markdown images resolved to files in the report folder: the address must be a
 * relative path that stays in the folder (also after symbolic links), the file
 * a PNG or JPEG that can be read, and the alt text written.
 */
import { extname, resolve } from 'node:path';
import type { Diagnostics } from '../diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { outsideImageHint, pointsOutside, type BodyBlock } from './markdown.ts';
import { imageSize } from './image-size.ts';
import { isInside, readInside } from './read-inside.ts';
import type { LoadedSection } from './load.ts';

export function resolveImages(
  blocks: BodyBlock[],
  fileDir: string,
  reportDir: string,
  source: SourceFile,
  diagnostics: Diagnostics,
): LoadedSection['body'] {
  const out: LoadedSection['body'] = [];
  for (const b of blocks) {
    if (b.kind !== 'imageRef') {
      out.push(b);
      continue;
    }
    const fail = (message: string, hint: string) =>
      diagnostics.error({ code: 'bild', file: source.displayPath, line: b.line, field: b.src, message, hint });
    if (!b.alt.trim()) {
      fail(`Bilden "${b.src}" saknar alternativtext.`, 'Skriv vad bilden visar mellan hakparenteserna: ![Organisationsschema för förvaltningen](organisation.png).');
      continue;
    }
    if (pointsOutside(b.src)) {
      fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      continue;
    }
    const decoded = decodePath(b.src);
    if (decoded === undefined) {
      fail(`Bildens sökväg "${b.src}" har en trasig %-kod.`, 'Skriv filnamnet som det är (mellanslag och å, ä, ö går bra inom <…>: ![Karta](<bilder/karta över området.png>)), eller rätta %-koden, t.ex. %20 för mellanslag.');
      continue;
    }
    const ext = extname(b.src).toLowerCase();
    const mime = ext === '.png' ? 'image/png' : ext === '.jpg' || ext === '.jpeg' ? 'image/jpeg' : undefined;
    if (!mime) {
      fail(`Bildformatet "${ext || 'okänt'}" stöds inte för "${b.src}".`, 'Spara bilden som PNG eller JPEG.');
      continue;
    }
    if (!isInside(resolve(fileDir, decoded), resolve(reportDir))) {
      fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      continue;
    }
    const read = readInside(resolve(fileDir, decoded), reportDir);
    if ('problem' in read) {
      if (read.problem.kind === 'outside' && read.problem.link) fail(`Bilden "${b.src}" är en genväg (symbolisk länk) till en fil utanför rapportmappen.`, 'Kopiera bilden in i rapportmappen i stället för att länka till den.');
      else if (read.problem.kind === 'outside') fail(`Bilden "${b.src}" pekar utanför rapportmappen.`, outsideImageHint);
      else fail(`Bilden "${b.src}" finns inte i rapportmappen.`, 'Kontrollera filnamnet; bilder måste ligga i rapportens mapp eller en undermapp.');
      continue;
    }
    const data = read.data;
    const size = imageSize(data, mime);
    if (!size) {
      fail(`Bilden "${b.src}" kunde inte läsas som ${mime === 'image/png' ? 'PNG' : 'JPEG'}.`, 'Spara om bilden i ett bildprogram.');
      continue;
    }
    out.push({ kind: 'image', alt: b.alt.trim(), mime, data: new Uint8Array(data), ...size });
  }
  return out;
}

/** The file name behind a Markdown image address ("karta%20A.png" → "karta A.png"); undefined for a broken %-escape. */
function decodePath(src: string): string | undefined {
  try {
    return decodeURI(src);
  } catch {
    return undefined;
  }
}
