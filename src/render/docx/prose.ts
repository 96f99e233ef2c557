/** The model's prose blocks as Word paragraphs: built-in heading styles, lists through a numbering definition. */
import { Bookmark, ExternalHyperlink, HeadingLevel, ImageRun, Paragraph, ShadingType, TextRun, type ParagraphChild } from 'docx';
import { isSafeLink, type Inline, type ProseBlock } from '../../model/types.ts';
import { A4, LIST_BULLET, LIST_LEVELS, LIST_NUMBERED, MARGIN, STYLE, listIndent, textWidth } from './styles.ts';

/** Twips per pixel at 96 dpi. */
const TWIPS_PER_PX = 15;
/** The largest image: the text width, and a little less than the text height (room for the paragraph around it). */
const MAX_IMAGE_PX = {
  width: Math.floor(textWidth('portrait') / TWIPS_PER_PX),
  height: Math.floor((A4.height - MARGIN.top - MARGIN.bottom) / TWIPS_PER_PX) - 60,
};

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
}

/** Links Word may follow; anything else is printed as its text. */
/**
 * Inline content as runs. Inside a hyperlink (`inLink`) the runs take the
 * Hyperlink character style and code is not shaded; links do not nest.
 */
export function inlineRuns(items: readonly Inline[], style: RunStyle = {}, inLink = false): ParagraphChild[] {
  const run = (text: string) => new TextRun({ text, ...style, ...(inLink ? { style: 'Hyperlink' } : {}) });
  return items.flatMap((i): ParagraphChild[] => {
    switch (i.kind) {
      case 'text':
        return [run(i.text)];
      case 'code':
        // As in the HTML: the text font on a light grey ground.
        return inLink ? [run(i.text)] : [new TextRun({ text: i.text, ...style, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } })];
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'strong':
        return inlineRuns(i.children, { ...style, bold: true }, inLink);
      case 'em':
        return inlineRuns(i.children, { ...style, italics: true }, inLink);
      case 'link':
        return inLink || !isSafeLink(i.href)
          ? inlineRuns(i.children, style, inLink)
          : [new ExternalHyperlink({ link: i.href, children: inlineRuns(i.children, style, true) as TextRun[] })];
    }
  });
}

const headingLevels = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;

/**
 * The numbering instance every bullet list shares: bullets do not count, so no
 * bullet list needs a numbering of its own (and docx passes over the whole
 * document once per numbering instance when it writes it).
 */
export const BULLETS = 0;

export interface ProseState {
  /** Numbering instances handed out so far: every numbered list starts its own count. */
  instance: number;
  /** Bookmark names of the headings listed in the contents, by heading block. */
  bookmarks: ReadonlyMap<ProseBlock, string>;
}

interface Place {
  /** Nesting depth of the enclosing lists (0 outside lists). */
  listDepth: number;
  /** Inside a block quote. */
  quote: boolean;
}

/** A heading paragraph, wrapped in its contents bookmark when it has one. */
export function headingParagraph(heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], runs: ParagraphChild[], bookmark: string | undefined, extra: { pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({ heading, ...extra, children: bookmark ? [new Bookmark({ id: bookmark, children: runs })] : runs });
}

/** Converts prose blocks to paragraphs, in order. */
export function proseParagraphs(blocks: readonly ProseBlock[], state: ProseState, place: Place = { listDepth: 0, quote: false }): Paragraph[] {
  const style = place.quote ? STYLE.quote : undefined;
  // Paragraphs inside a list item but after its first line line up with the item's text.
  const indent = place.listDepth > 0 ? { left: listIndent(Math.min(place.listDepth, LIST_LEVELS) - 1) } : undefined;
  return blocks.flatMap((b): Paragraph[] => {
    switch (b.kind) {
      case 'heading':
        return [headingParagraph(headingLevels[b.level], [...(b.nummer ? [new TextRun(`${b.nummer} `)] : []), ...inlineRuns(b.content)], state.bookmarks.get(b))];
      case 'paragraph':
        return [new Paragraph({ style, indent, children: inlineRuns(b.content) })];
      case 'quote':
        return proseParagraphs(b.children, state, { ...place, quote: true });
      case 'list':
        return listParagraphs(b, state, place);
      case 'image':
        return [new Paragraph({ style, indent, children: [imageRun(b)] })];
    }
  });
}

function listParagraphs(list: Extract<ProseBlock, { kind: 'list' }>, state: ProseState, place: Place): Paragraph[] {
  const instance = list.ordered ? ++state.instance : BULLETS;
  const level = Math.min(place.listDepth, LIST_LEVELS - 1);
  const inner: Place = { ...place, listDepth: place.listDepth + 1 };
  return list.items.flatMap((item) => {
    const [first, ...rest] = item;
    // The item's first paragraph carries the bullet or number; an item that starts otherwise gets an empty numbered line.
    const lead = first?.kind === 'paragraph' ? first : undefined;
    const numbered = new Paragraph({
      style: place.quote ? STYLE.quote : undefined,
      numbering: { reference: list.ordered ? LIST_NUMBERED : LIST_BULLET, level, instance },
      children: lead ? inlineRuns(lead.content) : [],
    });
    return [numbered, ...proseParagraphs(lead ? rest : item, state, inner)];
  });
}

function imageRun(b: Extract<ProseBlock, { kind: 'image' }>): ImageRun {
  const scale = Math.min(1, MAX_IMAGE_PX.width / b.width, MAX_IMAGE_PX.height / b.height);
  return new ImageRun({
    type: b.mime === 'image/png' ? 'png' : 'jpg',
    data: b.data,
    transformation: { width: Math.max(1, Math.round(b.width * scale)), height: Math.max(1, Math.round(b.height * scale)) },
    // Word reads the description as the alternative text; the name is the drawing's name in the selection pane.
    altText: { name: b.alt ? b.alt.slice(0, 60) : 'Bild', title: b.alt, description: b.alt },
  });
}
