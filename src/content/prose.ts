/**
 * Prose as the Markdown body parses into it (markdown.ts): headings,
 * paragraphs, lists, quotes and images, with their inline text. The model
 * carries it unchanged and every renderer prints it.
 */

export type ProseBlock =
  | {
      kind: 'heading';
      level: 2 | 3 | 4;
      content: Inline[];
      id: string;
      /** "3.1.2" when numbered headings are on; set only on the headings of a numbered section (not appendices, not the förord). */
      nummer?: string;
    }
  | { kind: 'paragraph'; content: Inline[] }
  | { kind: 'list'; ordered: boolean; items: ProseBlock[][] }
  | { kind: 'quote'; children: ProseBlock[] }
  | { kind: 'image'; alt: string; mime: 'image/png' | 'image/jpeg'; data: Uint8Array; width: number; height: number };

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }
  | { kind: 'break' };

/** Only web and mail links are printed as links; any other target (relative, file:, javascript:) as its text. */
export function isSafeLink(href: string): boolean {
  return /^(https?:|mailto:)/i.test(href);
}
