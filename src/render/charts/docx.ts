/** A chart in the DOCX: its title, the PNG with the alt text as the drawing's description (descr), and the reference to the appendix. */
import { AlignmentType, ImageRun, Paragraph, TextRun } from 'docx';
import type { Diagram, Profile } from '../../model/types.ts';
import { STYLE } from '../docx/styles.ts';
import { chartStyle, drawChart } from './draw.ts';

export function chartParagraphs(d: Diagram, profile: Profile): Paragraph[] {
  const png = drawChart(d, chartStyle(profile), 'png');
  const out = [
    new Paragraph({ style: STYLE.caption, keepNext: true, children: [new TextRun(d.rubrik)] }),
    new Paragraph({
      alignment: AlignmentType.LEFT,
      keepNext: d.visa === 'båda',
      children: [
        new ImageRun({
          type: 'png',
          data: png.data,
          // Shown at its CSS size (96 dpi): 640 px is the text width; the PNG holds 2,5 times as many pixels.
          transformation: { width: png.width, height: png.height },
          // Word reads the description as the alternative text (wp:docPr descr).
          altText: { name: `Diagram: ${d.rubrik}`.slice(0, 120), title: d.rubrik, description: d.alt },
        }),
      ],
    }),
  ];
  if (d.visa === 'diagram' && d.bilaga) {
    out.push(new Paragraph({ style: STYLE.tableNote, children: [new TextRun(`Diagrammets data finns i tabellform i Bilaga ${d.bilaga.nummer}. ${d.bilaga.rubrik}.`)] }));
  }
  if (d.visa === 'diagram' && d.not) out.push(new Paragraph({ style: STYLE.tableNote, children: [new TextRun(d.not)] }));
  return out;
}
