/**
 * What the user sees when kommunrapport itself fails: a Swedish sentence, never
 * a stack trace (KOMMUNRAPPORT_DEBUG=1 adds one for whoever fixes the bug).
 */
export function unexpectedErrorText(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  const stack = process.env.KOMMUNRAPPORT_DEBUG ? `${(err as Error)?.stack ?? ''}\n` : '';
  return `fel: oväntat fel i kommunrapport: ${message}\n    → Det här är ett fel i kommunrapport. Rapportera det gärna, med meddelandet och innehållsmappen bifogade.\n${stack}`;
}
