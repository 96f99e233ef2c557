/** The model's prose blocks as Word paragraphs: built-in heading styles, lists through a numbering definition. */
import { ExternalHyperlink, HeadingLevel, ImageRun, Paragraph, TextRun, type ParagraphChild } from 'docx';
import type { Inline, ProseBlock } from '../../model/types.ts';

/** Usable text width in pixels at 96 dpi (A4 minus 2 × 20 mm margins), for scaling images. */
const TEXT_WIDTH_PX = 642;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

export const LIST_BULLET = 'punktlista';
export const LIST_NUMBERED = 'numrerad-lista';

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

export function inlineRuns(items: readonly Inline[], style: RunStyle = {}): ParagraphChild[] {
  return items.flatMap((i): ParagraphChild[] => {
    switch (i.kind) {
      case 'text':
        return [new TextRun({ text: i.text, ...style })];
      case 'code':
        return [new TextRun({ text: i.text, ...style, font: 'Consolas' })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'strong':
        return inlineRuns(i.children, { ...style, bold: true });
      case 'em':
        return inlineRuns(i.children, { ...style, italics: true });
      case 'link':
        return /^(https?:|mailto:)/i.test(i.href)
          ? [new ExternalHyperlink({ link: i.href, children: inlineRuns(i.children, style).map((r) => r) as TextRun[] })]
          : inlineRuns(i.children, style);
    }
  });
}

/** Converts prose blocks; `listDepth` and `counter` carry list nesting and numbering instances. */
export function proseParagraphs(blocks: readonly ProseBlock[], state = { instance: 0 }, listDepth = 0): Paragraph[] {
  return blocks.flatMap((b): Paragraph[] => {
    switch (b.kind) {
      case 'heading':
        return [new Paragraph({ heading: headingLevels[b.level], children: inlineRuns(b.content), keepNext: true })];
      case 'paragraph':
        return [new Paragraph({ children: inlineRuns(b.content) })];
      case 'quote':
        return proseParagraphs(b.children, state, listDepth).map((p) => p);
      case 'list': {
        const instance = ++state.instance;
        return b.items.flatMap((item) =>
          item.flatMap((child, index): Paragraph[] => {
            if (child.kind === 'paragraph' && index === 0) {
              return [
                new Paragraph({
                  children: inlineRuns(child.content),
                  numbering: { reference: b.ordered ? LIST_NUMBERED : LIST_BULLET, level: Math.min(listDepth, 2), instance },
                }),
              ];
            }
            return proseParagraphs([child], state, child.kind === 'list' ? listDepth + 1 : listDepth);
          }),
        );
      }
      case 'image': {
        const scale = Math.min(1, TEXT_WIDTH_PX / b.width);
        return [
          new Paragraph({
            children: [
              new ImageRun({
                type: b.mime === 'image/png' ? 'png' : 'jpg',
                data: b.data,
                transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) },
                altText: { name: b.alt.slice(0, 60), title: b.alt, description: b.alt },
              }),
            ],
          }),
        ];
      }
    }
  });
}
