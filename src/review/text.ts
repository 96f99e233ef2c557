/**
 * The review text, output/<id>.granskning.txt: the report as plain lines that
 * are stable from build to build, so that "git diff" between two versions
 * shows exactly what changed. One line per paragraph, per table row (with its
 * label and every column's heading) and per goal or indicator (with targets,
 * outcomes and assessments as words). No page numbers, no layout.
 */
import type { Report } from '../model/types.ts';
import { reportView, type ReportView } from '../render/views/blocks.ts';
import { goalLevelNames, proseLine, snapshot, type GoalGroup, type GoalNode, type ReportSnapshot, type TableSnapshot } from './snapshot.ts';

export function reviewText(report: Report, view: ReportView = reportView(report)): string {
  return snapshotText(snapshot(report, view));
}

export function snapshotText(snap: ReportSnapshot): string {
  const out: string[] = [];
  out.push(`# ${snap.titel}`, `Granskningstext för ${snap.id}: en rad per stycke, tabellrad och mål.`, '');
  for (const f of snap.meta) out.push(`${f.label}: ${f.value}`);
  for (const section of snap.sections) {
    out.push('', `== ${section.rubrik} [${section.id}]`);
    for (const item of section.items) {
      switch (item.kind) {
        case 'prose':
          out.push(proseLine(item.prose));
          break;
        case 'table':
          out.push('', ...tableLines(item.table), '');
          break;
        case 'goals':
          out.push('', ...goalLines(item.goals), '');
          break;
        case 'chart':
          out.push('', `-- diagram ${item.chart.id}: ${item.chart.rubrik}`, ...(item.chart.alt ? [`Alternativtext: ${item.chart.alt}`] : []), '');
          break;
      }
    }
  }
  return normalise(out);
}

export function tableLines(t: TableSnapshot): string[] {
  const out = [`-- tabell ${t.id}: ${t.caption}`, ...(t.tecken ? [`${t.id} | tecken: ${t.tecken}`] : []), `${t.id} | kolumner: ${t.columns.join(' | ')}`];
  for (const row of t.rows) {
    if (row.kind === 'group') {
      out.push(`${t.id} | ${row.label}`);
      continue;
    }
    const cells = row.cells
      .map((c, i) => (c === '' || i < row.labelColumns ? '' : `${t.columns[i] || `kolumn ${i + 1}`}: ${c}`))
      .filter(Boolean);
    out.push([`${t.id}`, row.kind === 'total' ? `${row.label} (summa)` : row.kind === 'subtotal' ? `${row.label} (delsumma)` : row.label, ...cells].join(' | '));
  }
  if (t.note) out.push(`${t.id} | not: ${t.note}`);
  return out;
}

export function goalLines(g: GoalGroup): string[] {
  const out = [`-- mål ${g.blockId}: ${g.rubrik}`];
  const visit = (n: GoalNode, depth: number) => {
    const indent = '  '.repeat(depth);
    out.push([`${indent}${goalLevelNames[n.level]} [${n.id}]: ${n.text}`, ...n.fields.map((f) => `${f.label}: ${f.value}`)].join(' | '));
    for (const k of n.kommentar) out.push(`${indent}  kommentar: ${k}`);
    for (const c of n.children) visit(c, depth + 1);
  };
  for (const n of g.nodes) visit(n, 0);
  return out;
}

/** Plain spaces for non-breaking ones, NFC, no trailing blanks, at most one empty line in a row, a final newline. */
function normalise(lines: string[]): string {
  const text = lines
    .map((l) => l.normalize('NFC').replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return `${text}\n`;
}
