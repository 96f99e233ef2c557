/**
 * Page geometry, styles and list numbering of the DOCX. Headings, title and
 * contents use Word's built-in style ids (Title, Heading1…4, TOCHeading,
 * TOC1/TOC2, Caption, Quote, Hyperlink) so Word and LibreOffice treat them as
 * their own: the navigator, the contents field and "Update table" all work.
 */
import { AlignmentType, BorderStyle, LevelFormat, LineRuleType, type INumberingOptions, type IStylesOptions } from 'docx';
import type { Profile } from '../../model/types.ts';

/** A profile colour as Word writes it: "#00507a" → "00507A". */
export const hex = (color: string) => color.replace('#', '').toUpperCase();

/** A4 in twentieths of a point, and ~20 mm margins (22 mm at the top for the running header). */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: 1247, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 };

export type Orientation = 'portrait' | 'landscape';

/** The text width of a page, in twips. */
export function textWidth(orientation: Orientation): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - MARGIN.left - MARGIN.right;
}

/** Font sizes in half-points. */
export const SIZE = { body: 21, table: 18, small: 17, title: 56, h1: 36, h2: 28, h3: 24, h4: 21 } as const;

/**
 * Line heights are "at least" a fixed height, in twips, never "auto": Word
 * takes a font's line height from its Windows metrics (Source Sans 3: 1.222 em),
 * LibreOffice from its typographic ones (1.424 em), so auto spacing sets the same
 * text looser in LibreOffice. A minimum above both gives the same lines in
 * both, which the contents' page numbers rely on (layout.ts); a larger picture
 * still makes its line taller.
 */
export const LINE_EM = 1.43;
/** The line height of text of a size (half-points), at least LINE_EM. */
export const lineFor = (halfPoints: number, em = LINE_EM) => Math.ceil(halfPoints * 10 * em);
/** Body text: 10.5 pt on 1.45 lines, as in the PDF. */
export const BODY_LINE = lineFor(SIZE.body, 1.45);

/** Style ids of the paragraph styles defined here besides the defaults. */
export const STYLE = {
  tocHeading: 'TOCHeading',
  caption: 'Caption',
  quote: 'Quote',
  tableText: 'Tabelltext',
  tableNote: 'Tabellnot',
  header: 'Header',
  footer: 'Footer',
} as const;

export const LIST_BULLET = 'punktlista';
export const LIST_NUMBERED = 'numrerad-lista';
/** List levels defined; deeper Markdown nesting is shown at the deepest level. */
export const LIST_LEVELS = 5;
/** Indentation of list level n's text, in twips. */
export const listIndent = (level: number) => 360 * (level + 1);

export function documentStyles(profile: Profile): IStylesOptions {
  const { färger, typsnitt } = profile;
  const primär = hex(färger.primär);
  const heading = (size: number, level: number, before: number) => ({
    run: { font: typsnitt, size, bold: true, color: primär },
    paragraph: { spacing: { before, after: 120, line: lineFor(size), lineRule: LineRuleType.AT_LEAST }, keepNext: true, keepLines: true, outlineLevel: level },
  });
  return {
    default: {
      document: {
        run: { font: typsnitt, size: SIZE.body, color: hex(färger.text), language: { value: 'sv-SE' } },
        paragraph: { spacing: { after: 120, line: BODY_LINE, lineRule: LineRuleType.AT_LEAST } },
      },
      title: {
        run: { font: typsnitt, size: SIZE.title, bold: true, color: primär },
        paragraph: { spacing: { before: 400, after: 200, line: lineFor(SIZE.title), lineRule: LineRuleType.AT_LEAST } },
      },
      heading1: heading(SIZE.h1, 0, 0),
      heading2: heading(SIZE.h2, 1, 280),
      heading3: heading(SIZE.h3, 2, 240),
      heading4: heading(SIZE.h4, 3, 200),
      hyperlink: { run: { color: primär, underline: {} } },
    },
    paragraphStyles: [
      {
        // Looks like Heading 1 but is body text, so "Innehåll" is not itself listed in the contents.
        id: STYLE.tocHeading,
        name: 'TOC Heading',
        next: 'Normal',
        run: { size: SIZE.h1, bold: true, color: primär },
        paragraph: { spacing: { after: 240, line: lineFor(SIZE.h1), lineRule: LineRuleType.AT_LEAST }, keepNext: true },
      },
      {
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        run: { bold: true },
        // Tighter than body text, so that a long contents (the årsredovisning's 45 entries) fits one page.
        paragraph: { spacing: { before: 80, after: 0, line: lineFor(SIZE.body, 1.3), lineRule: LineRuleType.AT_LEAST }, rightTabStop: textWidth('portrait') },
      },
      {
        id: 'TOC2',
        name: 'toc 2',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { spacing: { after: 0, line: lineFor(SIZE.body, 1.3), lineRule: LineRuleType.AT_LEAST }, indent: { left: 340 }, rightTabStop: textWidth('portrait') },
      },
      {
        id: STYLE.caption,
        name: 'caption',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true, color: primär },
        paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, keepLines: true },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        paragraph: {
          indent: { left: 284 },
          border: { left: { style: BorderStyle.SINGLE, size: 18, space: 8, color: hex(färger.sekundär) } },
        },
      },
      {
        id: STYLE.tableText,
        name: 'Tabelltext',
        basedOn: 'Normal',
        run: { size: SIZE.table },
        paragraph: { spacing: { before: 0, after: 0, line: lineFor(SIZE.table), lineRule: LineRuleType.AT_LEAST } },
      },
      {
        id: STYLE.tableNote,
        name: 'Tabellnot',
        basedOn: 'Normal',
        run: { size: SIZE.small },
        paragraph: { spacing: { before: 60, after: 0, line: lineFor(SIZE.small), lineRule: LineRuleType.AT_LEAST } },
      },
      { id: STYLE.header, name: 'header', basedOn: 'Normal', run: { size: SIZE.small, color: '444444' }, paragraph: { spacing: { after: 0 } } },
      { id: STYLE.footer, name: 'footer', basedOn: 'Normal', run: { size: SIZE.small, color: '444444' }, paragraph: { spacing: { after: 0 }, alignment: AlignmentType.RIGHT } },
    ],
  };
}

export function listNumbering(): INumberingOptions {
  const levels = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (n: number) => string) =>
    Array.from({ length: LIST_LEVELS }, (_, n) => ({
      level: n,
      format,
      text: text(n),
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: listIndent(n), hanging: 280 }, spacing: { after: 60 } } },
    }));
  return {
    config: [
      { reference: LIST_BULLET, levels: levels(LevelFormat.BULLET, (n) => ['•', '–', '▪'][n % 3]!) },
      { reference: LIST_NUMBERED, levels: levels(LevelFormat.DECIMAL, (n) => `%${n + 1}.`) },
    ],
  };
}
