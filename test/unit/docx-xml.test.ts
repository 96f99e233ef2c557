/** The small XML reader the DOCX page estimate reads document.xml with (src/render/docx/layout/xml.ts). */
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/render/docx/layout/xml.ts';

describe('XML reader for WordprocessingML', () => {
  it('reads elements, attributes and the text of w:t, and skips declarations and comments', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- a <comment> -->' +
      '<w:document xmlns:w="ns"><w:body><w:p><w:pPr><w:jc w:val="right"/></w:pPr>' +
      '<w:r><w:t xml:space="preserve">Intäkter &amp; kostnader </w:t><w:t>&lt;100&gt;</w:t></w:r></w:p>' +
      '<w:p><w:r><w:instrText> TOC \\o "1-2" </w:instrText></w:r></w:p></w:body></w:document>';
    const root = parseXml(xml);
    expect(root.children.map((c) => c.name)).toEqual(['w:document']);
    const body = root.children[0]!.children[0]!;
    const [p1, p2] = body.children;
    expect(p1!.children[0]!.children[0]).toEqual({ name: 'w:jc', attrs: { 'w:val': 'right' }, children: [] });
    const runs = p1!.children[1]!.children;
    expect(runs.map((t) => t.text)).toEqual(['Intäkter & kostnader ', '<100>']);
    expect(runs[0]!.attrs).toEqual({ 'xml:space': 'preserve' });
    // Only w:t keeps its text.
    expect(p2!.children[0]!.children[0]!.text).toBeUndefined();
  });

  it('finds the end of a tag past a ">" inside an attribute value', () => {
    const root = parseXml('<w:p><w:hyperlink w:tooltip="a > b" w:history="1"><w:r><w:t>länk</w:t></w:r></w:hyperlink></w:p>');
    const link = root.children[0]!.children[0]!;
    expect(link.attrs).toEqual({ 'w:tooltip': 'a > b', 'w:history': '1' });
    expect(link.children[0]!.children[0]!.text).toBe('länk');
  });
});
