/** Prose (the model's Markdown blocks) as HTML. Every text goes through Handlebars' escaping. */
import Handlebars from 'handlebars';
import { isSafeLink, type Inline, type ProseBlock } from '../../model/types.ts';

const esc = (s: string) => Handlebars.escapeExpression(s);

export function inlineHtml(items: readonly Inline[]): string {
  return items
    .map((i) => {
      switch (i.kind) {
        case 'text':
          return esc(i.text);
        case 'strong':
          return `<strong>${inlineHtml(i.children)}</strong>`;
        case 'em':
          return `<em>${inlineHtml(i.children)}</em>`;
        case 'code':
          return `<code>${esc(i.text)}</code>`;
        case 'break':
          return '<br>';
        case 'link':
          return isSafeLink(i.href) ? `<a href="${esc(i.href)}">${inlineHtml(i.children)}</a>` : inlineHtml(i.children);
      }
    })
    .join('');
}

export function proseHtml(blocks: readonly ProseBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `<h${b.level} id="${esc(b.id)}">${b.nummer ? `${esc(b.nummer)} ` : ''}${inlineHtml(b.content)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${inlineHtml(b.content)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((item) => `<li>${listItemHtml(item)}</li>`).join('')}</${tag}>`;
        }
        case 'quote':
          return `<blockquote>${proseHtml(b.children)}</blockquote>`;
        case 'image':
          return `<figure class="bild"><img src="data:${b.mime};base64,${Buffer.from(b.data).toString('base64')}" alt="${esc(b.alt)}" width="${b.width}" height="${b.height}"></figure>`;
      }
    })
    .join('\n');
}

/** Tight list items hold a single paragraph: print it without <p>. */
function listItemHtml(item: readonly ProseBlock[]): string {
  if (item.length === 1 && item[0]!.kind === 'paragraph') return inlineHtml(item[0]!.content);
  return proseHtml(item);
}
