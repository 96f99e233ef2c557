/**
 * The DOCX and XLSX made on a thread of their own (src/render/office/thread.ts):
 * the same bytes as on the build's thread, imported rows still named; a
 * failure comes back as the report's failure and the thread goes on; a thread
 * ended with files unmade fails them instead of leaving them waiting.
 *
 * The thread runs compiled JavaScript (dist/, compiled by the global setup);
 * the examples the global setup builds from the TypeScript sources make their
 * files on the build's thread, so comparing the two compares the two ways.
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OfficeThread as SourceOfficeThread } from '../../src/render/office/thread.ts';
import { builtExample } from '../helpers/examples.ts';
import { kommunrapport } from '../helpers/kommunrapport.ts';

type Module = typeof import('../../src/render/office/thread.ts');
const compiled = () => import('../../dist/render/office/thread.js' as string) as Promise<Module>;

// The årsredovisning has tables read from a spreadsheet: its workbook names the file under "Källa".
const id = 'katrineholm-von-arsredovisning-2024';

/** The report and its views, computed by the compiled code: the imported rows are remembered where the compiled thread looks for them. */
async function exampleReport() {
  const [{ Diagnostics }, { loadAndCompute }, { readSpreadsheets }, { reportView }] = (await Promise.all([
    import('../../dist/diagnostics.js' as string),
    import('../../dist/model/build-model.js' as string),
    import('../../dist/sources/files.js' as string),
    import('../../dist/render/views/blocks.js' as string),
  ])) as [typeof import('../../src/diagnostics.ts'), typeof import('../../src/model/build-model.ts'), typeof import('../../src/sources/files.ts'), typeof import('../../src/render/views/blocks.ts')];
  const dir = join('content', id);
  const report = loadAndCompute(dir, new Diagnostics(), await readSpreadsheets(dir))!;
  return { report, views: reportView(report) };
}

/** The example's file of this kind as the global setup made it, on the build's thread. */
const inThread = (ext: string) => readFileSync(builtExample(id).written.find((p) => p.endsWith(`.${ext}`))!);

/** A compiled thread and the example report, the thread ended afterwards. */
async function withThread(work: (thread: InstanceType<Module['OfficeThread']>, example: Awaited<ReturnType<typeof exampleReport>>) => Promise<void>): Promise<void> {
  const { OfficeThread } = await compiled();
  const thread = new OfficeThread();
  try {
    await work(thread, await exampleReport());
  } finally {
    await thread.close();
  }
}

describe('the thread for the Word and Excel files', () => {
  it('is wanted for a single report, or for a batch on more than two cores', () => {
    expect(SourceOfficeThread.wanted(1, 2)).toBe(true);
    expect(SourceOfficeThread.wanted(4, 2)).toBe(false);
    expect(SourceOfficeThread.wanted(100, 1)).toBe(false);
    expect(SourceOfficeThread.wanted(4, 3)).toBe(true);
    expect(SourceOfficeThread.wanted(100, 16)).toBe(true);
  });

  it('is used by the command, and gives the same bytes as the build thread', async () => {
    expect(SourceOfficeThread.available()).toBe(false); // the examples' files were made on the build's thread
    expect((await compiled()).OfficeThread.available()).toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'kommunrapport-kontorstrad-'));
    const run = await kommunrapport(['build', '--report', id, '--format', 'docx,xlsx', '--out', out, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const ext of ['docx', 'xlsx']) expect(readFileSync(join(out, `${id}.${ext}`)).equals(inThread(ext)), ext).toBe(true);
    const workbook = readFileSync(join(out, `${id}.xlsx`));
    expect(workbook.length).toBeGreaterThan(0);
  }, 120_000);

  it('answers a failure as the failure of that report, and goes on with the next', () =>
    withThread(async (thread, { report, views }) => {
      const broken = thread.render(report, { ...views, facts: null as never }, ['docx', 'xlsx']);
      await Promise.all([expect(broken.get('docx')).rejects.toThrow(/null/), expect(broken.get('xlsx')).rejects.toThrow(/null/)]);
      const xlsx = await thread.render(report, views, ['xlsx']).get('xlsx')!;
      expect(Buffer.from(xlsx).equals(inThread('xlsx'))).toBe(true);
    }), 60_000);

  it('fails the files still being made when it is ended, and starts anew for the next', () =>
    withThread(async (thread, { report, views }) => {
      const pending = thread.render(report, views, ['docx']).get('docx')!;
      const failed = expect(pending).rejects.toThrow('Tråden som skapar Word- och Excel-filerna avbröts: bygget avslutades.');
      await thread.close();
      await failed;
      const again = await thread.render(report, views, ['docx']).get('docx')!;
      expect(Buffer.from(again).equals(inThread('docx'))).toBe(true);
    }), 60_000);
});
