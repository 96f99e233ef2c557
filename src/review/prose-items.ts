/** Prose as reviewers compare it: one line per paragraph, heading, list item or image. */
import type { Inline, ProseBlock } from '../model/types.ts';
import { sha256 } from '../output/cache.ts';
import { inlineText } from '../content/markdown.ts';
import type { ProseItem } from './snapshot.ts';

/** Prose as one line per paragraph, heading, list item or image. */
export function proseItems(blocks: readonly ProseBlock[], depth = 0): ProseItem[] {
  const items: ProseItem[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        items.push({ type: 'rubrik', text: `${'#'.repeat(b.level)} ${inline(b.content)}`, ...(b.nummer ? { nummer: b.nummer } : {}) });
        break;
      case 'paragraph':
        items.push({ type: 'stycke', text: inline(b.content) });
        break;
      case 'list':
        b.items.forEach((item, i) => {
          const marker = `${'  '.repeat(depth)}${b.ordered ? `${i + 1}.` : '•'} `;
          const own = item.filter((x) => x.kind !== 'list');
          const text = proseItems(own, depth).map((p) => p.text).join(' ');
          items.push({ type: 'punkt', text: `${marker}${text}` });
          items.push(...proseItems(item.filter((x) => x.kind === 'list'), depth + 1));
        });
        break;
      case 'quote':
        items.push(...proseItems(b.children, depth).map((p) => ({ type: 'citat' as const, text: `> ${p.text}` })));
        break;
      case 'image':
        items.push({ type: 'bild', text: `[Bild: ${b.alt} (${b.mime}, ${b.width}×${b.height} px, sha256 ${sha256(b.data).slice(0, 12)})]` });
        break;
    }
  }
  return items;
}

/** Inline text without markup on one line; links keep their address, so a changed link shows. */
function inline(content: readonly Inline[]): string {
  return inlineText(content, { linkAddresses: true }).replace(/\s+/g, ' ').trim();
}
