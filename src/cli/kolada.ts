/**
 * npm run kolada: fetches the outcomes of every indicator with a Kolada id and
 * writes the snapshot kolada.yaml into each report folder (see README, "Utfall
 * från Kolada"). The only command that uses the network; builds read the snapshot.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { displayPath, findReportFolders } from '../content/load.ts';
import { Diagnostics, formatDiagnostic } from '../diagnostics.ts';
import { fetchKolada } from '../sources/kolada/fetch.ts';
import type { Fetcher } from '../sources/kolada/client.ts';

const usage = `Användning: npm run kolada -- [flaggor]

  --report <mapp>      hämta bara för den här rapporten (mappnamn under content/); kan upprepas
  --content <mapp>     mapp med rapporter och kommunprofiler (standard: content)
  --help               visa den här hjälpen

Slutkoder: 0 hämtat, 1 fel i innehållet eller okänt nyckeltal/kommun, 2 felaktigt kommando, 6 Kolada kunde inte nås.`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { report: { type: 'string', multiple: true }, content: { type: 'string', default: 'content' }, help: { type: 'boolean', default: false } }, allowPositionals: false }));
  } catch (err) {
    process.stderr.write(`fel: ${(err as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const folders = values.report?.length ? values.report.map((r) => r.replace(/^content\//, '').replace(/\/+$/, '')) : findReportFolders(values.content!);
  const fetcher: Fetcher = (url) => fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  const today = new Date().toISOString().slice(0, 10);
  const diagnostics = new Diagnostics();
  let network = false;
  const lines: string[] = [];
  for (const folder of folders) {
    const r = await fetchKolada(join(values.content!, folder), fetcher, today, diagnostics);
    network ||= !!r.networkFailure;
    if (r.written) {
      lines.push(`✓ ${r.id}: ${r.kpis} nyckeltal → ${displayPath(r.written)}${r.changed.length ? ` (ändrade utfall: ${r.changed.join(', ')})` : ''}`);
    } else if (r.kpis === 0 && !diagnostics.items.some((d) => d.file.includes(folder) && d.severity === 'fel')) {
      lines.push(`– ${r.id}: inget att hämta`);
    } else {
      lines.push(`✗ ${r.id}: inget skrevs; den tidigare ögonblicksbilden är orörd`);
    }
  }
  for (const d of diagnostics.items) process.stderr.write(`${formatDiagnostic(d)}\n`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  return network ? 6 : diagnostics.hasErrors ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`Oväntat fel i kommunrapport: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(4);
  },
);
