/**
 * A section's blocks in order: its prose with heading ids, each data block
 * where its `[[id]]` stands, and (when asked) numbered headings.
 */
import type { Diagnostics } from '../diagnostics.ts';
import type { LoadedSection } from '../content/load.ts';
import { inlineText } from '../content/markdown.ts';
import { nearest } from '../content/schema-helpers.ts';
import { isProseBlock, type Block, type DataBlock, type ProseBlock, type Section } from './types.ts';
import { slugify, type IdScope } from './ids.ts';

export function isProse(b: LoadedSection['body'][number]): b is ProseBlock {
  return b.kind !== 'placement' && isProseBlock(b);
}

export function withHeadingIds(blocks: ProseBlock[], ids: IdScope, prefix: string): ProseBlock[] {
  return blocks.map((b) => (b.kind === 'heading' ? { ...b, id: ids.take(`${prefix}-${slugify(inlineText(b.content))}`) } : b));
}

/**
 * Numbered headings: sections 1, 2, 3 …, their "##" headings 1.1, 1.2, "###" 1.1.1 and
 * "####" 1.1.1.1. A skipped level counts as 0 ("#" then "###" gives 1.0.1), so a number's
 * depth always matches its heading's level. Appendices keep their "Bilaga N" and their
 * headings stay unnumbered; so do the förord's (it stands before section 1). Only the
 * section's own prose headings are numbered: not headings inside lists or quotes, nor the
 * headings a data block prints (uppdrag).
 */
export function numberHeadings(sections: Section[]): void {
  let section = 0;
  for (const s of sections) {
    if (s.bilaga !== undefined) continue;
    s.nummer = String(++section);
    // counters[0] counts "##" headings, [1] "###", [2] "####".
    const counters = [0, 0, 0];
    s.blocks = s.blocks.map((b) => {
      if (b.kind !== 'heading') return b;
      const depth = b.level - 2;
      counters[depth]!++;
      counters.fill(0, depth + 1);
      return { ...b, nummer: [s.nummer, ...counters.slice(0, depth + 1)].join('.') };
    });
  }
}

/** Puts each data block where its `[[id]]` stands in the prose; blocks not placed follow the prose in front-matter order. */
export function placeBlocks(
  section: LoadedSection,
  computed: ReadonlyMap<string, DataBlock>,
  allBlocks: Map<string, string>,
  headingIds: IdScope,
  sectionId: string,
  diagnostics: Diagnostics,
): Block[] {
  const own = new Map(section.blocks.map((b) => [b.input.id, b]));
  const placed = new Set<string>();
  const out: Block[] = [];
  for (const item of section.body) {
    if (item.kind !== 'placement') {
      out.push(...withHeadingIds([item], headingIds, sectionId));
      continue;
    }
    const block = own.get(item.ref);
    const fail = (message: string, hint: string) =>
      diagnostics.error({ code: 'placering', file: section.source.displayPath, line: item.line, field: `[[${item.ref}]]`, message, hint });
    if (!block) {
      const elsewhere = allBlocks.get(item.ref);
      if (elsewhere) {
        fail(`Tabellen "${item.ref}" hör till ${elsewhere}, inte till det här avsnittet.`, 'Placera en tabell i det avsnitt där den anges under "data", eller flytta dess data hit.');
      } else {
        const suggestion = nearest(item.ref, [...own.keys()]);
        fail(
          `Det finns ingen tabell med id "${item.ref}" i avsnittets "data".${suggestion ? ` Menade du "${suggestion}"?` : ''}`,
          own.size ? `Avsnittets tabeller: ${[...own.keys()].join(', ')}.` : 'Avsnittet har inga tabeller under "data".',
        );
      }
      continue;
    }
    if (placed.has(item.ref)) {
      fail(`Tabellen "${item.ref}" placeras två gånger.`, 'Ta bort den ena [[…]]-raden; en tabell visas en gång.');
      continue;
    }
    placed.add(item.ref);
    out.push(computed.get(block.input.id)!);
  }
  for (const block of section.blocks) if (!placed.has(block.input.id)) out.push(computed.get(block.input.id)!);
  return out;
}
