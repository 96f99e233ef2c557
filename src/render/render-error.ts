/**
 * What went wrong while a report was being made, in Swedish: the browser that
 * closed or crashed during printing, a print that timed out, or an error in
 * kommunrapport itself. Never a stack trace for the user.
 */
import { BuildError, ExitCode } from '../diagnostics.ts';

/** The browser closed, crashed or lost its connection (as opposed to an error in the report or in kommunrapport). */
export function isBrowserCrash(err: unknown): boolean {
  if (err instanceof BuildError) return false;
  const e = err as Error;
  const name = e?.name ?? '';
  const message = String(e?.message ?? err);
  return /ConnectionClosed|TargetClose|ProtocolError/.test(name) || /(Connection|Target|Session|Browser)( has been)? closed|frame was detached|browser has disconnected/i.test(message);
}

export function renderError(err: unknown, reportId: string): BuildError {
  if (err instanceof BuildError) return err;
  const e = err as Error;
  const name = e?.name ?? '';
  const message = String(e?.message ?? err);
  if (isBrowserCrash(err)) {
    return new BuildError(
      `Webbläsaren stängdes eller kraschade medan rapporten ${reportId} skrevs ut som PDF. Inga filer för rapporten ändrades.`,
      ExitCode.renderFailed,
      'Bygg igen. Händer det igen: stäng andra program som använder mycket minne, eller bygg bara en rapport i taget med --report.',
    );
  }
  if (name === 'TimeoutError') {
    return new BuildError(
      `Utskriften av rapporten ${reportId} till PDF tog för lång tid och avbröts. Inga filer för rapporten ändrades.`,
      ExitCode.renderFailed,
      'Bygg igen när datorn är mindre belastad, eller bygg bara en rapport i taget med --report.',
    );
  }
  return new BuildError(
    `Oväntat fel när rapporten ${reportId} skapades: ${message}. Inga filer för rapporten ändrades.`,
    ExitCode.renderFailed,
    'Det här är ett fel i kommunrapport. Rapportera det gärna, med meddelandet och rapportmappen bifogade.',
  );
}
