/**
 * npm run kolada: fetches the outcomes of every indicator with a Kolada id and
 * writes the snapshot kolada.yaml into each report folder (see README, "Utfall
 * från Kolada"). The only command that uses the network; builds read the snapshot.
 */
import { join } from 'node:path';
import { displayPath, findReportFolders } from '../content/load.ts';
import { Diagnostics, formatDiagnostic } from '../diagnostics.ts';
import { fetchKolada } from '../sources/kolada/fetch.ts';
import type { Fetcher } from '../sources/kolada/client.ts';
import { commonFlags, flagHelp, parseFlags, type FlagSpecs } from './args.ts';

const koladaFlags = {
  report: { type: 'string', multiple: true, value: '<mapp>', description: 'hämta bara för den här rapporten (mappnamn under content/); kan upprepas' },
  content: { type: 'string', default: 'content', value: '<mapp>', description: 'mapp med rapporter och kommunprofiler (standard: content)' },
  ...commonFlags,
} as const satisfies FlagSpecs;

export const koladaUsage = `Användning: kommunrapport kolada [flaggor]   (eller npm run kolada -- [flaggor])

Hämtar utfallen för varje indikator med ett Kolada-id till kolada.yaml i rapportmappen.

${flagHelp(koladaFlags)}

Slutkoder: 0 hämtat, 1 fel i innehållet eller okänt nyckeltal/kommun, 2 felaktigt kommando, 6 Kolada kunde inte nås.`;

/** The kolada command; resolves to its exit code. */
export async function runKolada(argv: readonly string[]): Promise<number> {
  const { values } = parseFlags(argv, koladaFlags);
  if (values.help) {
    process.stdout.write(`${koladaUsage}\n`);
    return 0;
  }
  const content = values.content as string;
  const reports = values.report as string[] | undefined;
  const folders = reports?.length ? reports.map((r) => r.replace(/^content\//, '').replace(/\/+$/, '')) : findReportFolders(content);
  const fetcher: Fetcher = (url) => fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
  const today = new Date().toISOString().slice(0, 10);
  const diagnostics = new Diagnostics();
  let network = false;
  const lines: string[] = [];
  for (const folder of folders) {
    const r = await fetchKolada(join(content, folder), fetcher, today, diagnostics);
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
