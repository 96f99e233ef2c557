/**
 * The build's progress on a terminal: one line per report, rewritten in place
 * as its steps finish; in a log (not a terminal) plain lines that are never
 * rewritten; nothing with --quiet.
 */
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.ts';

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  const out = { isTTY, columns: 60, write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream;
  return { out, text: () => chunks.join('') };
}

/** What a terminal shows after the escape codes: cursor-up moves back over the drawn lines. */
function screen(raw: string): string[] {
  const lines: string[] = [];
  let row = 0;
  for (const part of raw.split(/(\x1b\[\d+A|\x1b\[2K|\n)/)) {
    const up = /^\x1b\[(\d+)A$/.exec(part);
    if (up) row -= Number(up[1]);
    else if (part === '\n') row++;
    else if (part === '\x1b[2K') lines[row] = '';
    else if (part) lines[row] = (lines[row] ?? '') + part;
  }
  return lines.filter((l) => l !== undefined);
}

describe('Progress', () => {
  it('keeps one line per report on a terminal and rewrites it as steps finish', () => {
    const { out, text } = stream(true);
    const p = new Progress(out, 'normal', false, true);
    p.start(['plan-2024', 'arsredovisning-2024']);
    expect(screen(text())).toEqual(['… plan-2024: kontrolleras', '… arsredovisning-2024: kontrolleras']);
    p.listener({ kind: 'kontrollerad', report: 'plan-2024', ok: true });
    p.listener({ kind: 'kontrollerad', report: 'arsredovisning-2024', ok: false });
    p.listener({ kind: 'format', report: 'plan-2024', format: 'html', reused: false });
    expect(screen(text())).toEqual(['… plan-2024: byggs – klart: HTML', '✗ arsredovisning-2024: fel i innehållet, byggs inte']);
    p.listener({ kind: 'format', report: 'plan-2024', format: 'pdf', reused: true });
    p.listener({ kind: 'skriven', report: 'plan-2024' });
    const [first] = screen(text());
    expect(first).toMatch(/^✓ plan-2024: HTML, PDF \(\d+,\d s\)$/);
    expect(screen(text())).toHaveLength(2);
  });

  it('writes plain lines in a log, never escape codes', () => {
    const { out, text } = stream(false);
    const p = new Progress(out, 'normal', false, false);
    p.start(['plan-2024']);
    p.listener({ kind: 'kontrollerad', report: 'plan-2024', ok: true });
    p.listener({ kind: 'format', report: 'plan-2024', format: 'json', reused: false });
    p.listener({ kind: 'format', report: 'plan-2024', format: 'pdf', reused: true });
    p.listener({ kind: 'skriven', report: 'plan-2024' });
    const lines = text().trimEnd().split('\n');
    expect(lines.map((l) => l.replace(/\d+,\d s/g, 't'))).toEqual([
      'Bygger 1 rapport …',
      'plan-2024: innehållet kontrollerat (t)',
      'plan-2024: PDF klar (oförändrad) (t)',
      'plan-2024: klar på t, filerna skrivna (t)',
    ]);
    expect(text()).not.toContain('\x1b');
  });

  it('shows nothing with --quiet', () => {
    const { out, text } = stream(true);
    const p = new Progress(out, 'quiet', false, true);
    p.start(['plan-2024']);
    p.listener({ kind: 'kontrollerad', report: 'plan-2024', ok: true });
    expect(text()).toBe('');
  });
});
