/**
 * The preview reads a report as the build does, with the workbooks in its
 * folder: a table taken from Excel shows, not "Excel-filen lästes inte in".
 */
import { describe, expect, it } from 'vitest';
import { PreviewReports } from '../../src/preview/reports.ts';

describe('the preview of a report whose table comes from an .xlsx', () => {
  it('builds without problems and shows the imported figures', async () => {
    const state = await new PreviewReports('content').rebuild('katrineholm-von-arsredovisning-2024');
    expect(state.problems).toEqual([]);
    expect(state.html).toContain('Driftredovisning');
  });
});
