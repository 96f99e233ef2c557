import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { isSafeLink, type Inline, type ProseBlock } from './prose.ts';
import type { Diagnostics } from '../diagnostics.ts';

/** A paragraph that consists only of `[[block-id]]`: the place where a data block is printed. */
export interface Placement {
  kind: 'placement';
  ref: string;
  line: number;
}

/** An image reference, resolved and read by the loader (which knows the folder). */
export interface ImageRef {
  kind: 'imageRef';
  src: string;
  alt: string;
  line: number;
}

export type BodyBlock = Exclude<ProseBlock, { kind: 'image' }> | Placement | ImageRef;

/**
 * Markdown is parsed with raw HTML switched off: what authors type is text,
 * never markup. Typographer replacements stay off so that figures are printed
 * exactly as typed.
 */
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
// markdown-it leaves a link or image with a file:, data: or javascript: address as literal text. Every address
// is taken here instead, so that an image outside the folder gets the loader's error and a link that is not
// web or mail (isSafeLink) is printed as its text only.
md.validateLink = () => true;

/** An address with a scheme (file:, data:, https: …) or an absolute path: never a file in the report folder. */
export function pointsOutside(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.startsWith('\\');
}

export const outsideImageHint = 'Lägg bilden i rapportmappen och skriv en relativ sökväg, t.ex. "bilder/organisation.png".';

const PLACEMENT = /^\[\[\s*([^\]\s]+)\s*\]\]$/;

export function parseBody(
  body: string,
  bodyStartLine: number,
  file: string,
  diagnostics: Diagnostics,
): BodyBlock[] {
  const tokens = md.parse(body, {});
  const lineOf = (t: Token): number => (t.map ? t.map[0] + bodyStartLine : bodyStartLine);
  let pos = 0;

  function blocks(until: string | null): BodyBlock[] {
    const out: BodyBlock[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos]!;
      if (until && t.type === until) {
        pos++;
        return out;
      }
      switch (t.type) {
        case 'heading_open': {
          const level = Number(t.tag.slice(1));
          const inline = tokens[pos + 1]!;
          pos += 3;
          if (level < 2) {
            diagnostics.error({
              code: 'rubriknivå',
              file,
              line: lineOf(t),
              message: `Rubriken "${inline.content}" har nivå 1 ("#"); nivå 1 är avsnittets egen rubrik och anges i front matter (rubrik:).`,
              hint: 'Skriv underrubriker med "##" (nivå 2) eller "###" (nivå 3).',
            });
            break;
          }
          if (level > 4) {
            diagnostics.error({
              code: 'rubriknivå',
              file,
              line: lineOf(t),
              message: `Rubriken "${inline.content}" har nivå ${level}; högst nivå 4 ("####") används i rapporterna.`,
              hint: 'Använd "##", "###" eller "####".',
            });
            break;
          }
          out.push({ kind: 'heading', level: level as 2 | 3 | 4, content: inlines(inline.children ?? [], lineOf(t)), id: '' });
          break;
        }
        case 'paragraph_open': {
          const inline = tokens[pos + 1]!;
          pos += 3;
          const placement = PLACEMENT.exec(inline.content.trim());
          if (placement) {
            out.push({ kind: 'placement', ref: placement[1]!, line: lineOf(t) });
            break;
          }
          const children = inline.children ?? [];
          const onlyImage = children.filter((c) => !(c.type === 'text' && c.content.trim() === ''));
          if (onlyImage.length === 1 && onlyImage[0]!.type === 'image') {
            const img = onlyImage[0]!;
            out.push({ kind: 'imageRef', src: String(img.attrGet('src') ?? ''), alt: img.content, line: lineOf(t) });
            break;
          }
          out.push({ kind: 'paragraph', content: inlines(children, lineOf(t)) });
          break;
        }
        case 'bullet_list_open':
        case 'ordered_list_open': {
          const ordered = t.type === 'ordered_list_open';
          pos++;
          const items: ProseBlock[][] = [];
          while (tokens[pos] && tokens[pos]!.type === 'list_item_open') {
            pos++;
            items.push(blocks('list_item_close').filter(isProse));
          }
          pos++; // list close
          out.push({ kind: 'list', ordered, items });
          break;
        }
        case 'blockquote_open':
          pos++;
          out.push({ kind: 'quote', children: blocks('blockquote_close').filter(isProse) });
          break;
        case 'hr':
          pos++;
          break;
        case 'code_block':
        case 'fence':
          out.push({ kind: 'paragraph', content: [{ kind: 'code', text: t.content.replace(/\n$/, '') }] });
          pos++;
          break;
        default:
          pos++;
      }
    }
    return out;
  }

  function inlines(children: Token[], line = bodyStartLine): Inline[] {
    const stack: Inline[][] = [[]];
    const open: Inline[] = [];
    const push = (i: Inline) => stack[stack.length - 1]!.push(i);
    for (const c of children) {
      switch (c.type) {
        case 'text':
          push({ kind: 'text', text: c.content });
          break;
        case 'softbreak':
          push({ kind: 'text', text: ' ' });
          break;
        case 'hardbreak':
          push({ kind: 'break' });
          break;
        case 'code_inline':
          push({ kind: 'code', text: c.content });
          break;
        case 'strong_open':
        case 'em_open':
        case 'link_open': {
          const node: Inline =
            c.type === 'strong_open'
              ? { kind: 'strong', children: [] }
              : c.type === 'em_open'
                ? { kind: 'em', children: [] }
                : { kind: 'link', href: String(c.attrGet('href') ?? ''), children: [] };
          push(node);
          open.push(node);
          stack.push((node as { children: Inline[] }).children);
          break;
        }
        case 'strong_close':
        case 'em_close':
        case 'link_close':
          stack.pop();
          open.pop();
          break;
        case 'image': {
          // Images inside running text are not supported; keep the alt text so nothing is lost.
          const src = String(c.attrGet('src') ?? '');
          if (pointsOutside(src)) {
            diagnostics.error({ code: 'bild', file, line, field: src, message: `Bilden "${src}" pekar utanför rapportmappen.`, hint: outsideImageHint });
          }
          push({ kind: 'text', text: c.content });
          break;
        }
          break;
        default:
          if (c.content) push({ kind: 'text', text: c.content });
      }
    }
    return mergeText(stack[0]!);
  }

  return blocks(null);
}

function mergeText(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (item.kind === 'text' && prev?.kind === 'text') prev.text += item.text;
    else out.push(item);
  }
  return out;
}

function isProse(b: BodyBlock): b is Exclude<ProseBlock, { kind: 'image' }> {
  return b.kind !== 'placement' && b.kind !== 'imageRef';
}

/**
 * Plain text of inline content, for headings in the contents, bookmarks and ids;
 * with linkAddresses, a web or mail link is followed by its address ("Kolada <https://…>").
 */
export function inlineText(content: readonly Inline[], options: { linkAddresses?: boolean } = {}): string {
  return content
    .map((i): string => {
      switch (i.kind) {
        case 'text':
        case 'code':
          return i.text;
        case 'break':
          return ' ';
        case 'link': {
          const text = inlineText(i.children, options);
          return options.linkAddresses && isSafeLink(i.href) ? `${text} <${i.href}>` : text;
        }
        default:
          return inlineText(i.children, options);
      }
    })
    .join('');
}
