/**
 * One browser for a build, a diff or a test run: the owner makes a session,
 * hands it to whatever prints, and closes it; nobody else launches or closes a
 * browser. The browser starts only when something is actually printed, and the
 * browser library is loaded only then (so --check and --help start without it).
 */
import type { Browser } from 'puppeteer';

export class BrowserSession {
  private started: Promise<Browser> | undefined;
  private current: Browser | undefined;
  // A replaced browser that still answers may be printing other documents: it is closed with the session.
  private readonly retired: Browser[] = [];

  /** handleSignals false: the owner closes the browser on Ctrl+C itself (the preview server does). */
  constructor(private readonly options: { handleSignals?: boolean } = {}) {}

  get(): Promise<Browser> {
    return (this.started ??= import('./browser.ts')
      .then((m) => m.launchBrowser(this.options))
      .then((b) => (this.current = b)));
  }

  /**
   * A browser that crashed is replaced once by whichever job notices first; the
   * others get the new one. Forgets `crashed` (if it is still the current
   * browser) so that the next get() starts a fresh one.
   */
  replace(crashed: Browser): void {
    if (this.current !== crashed) return;
    this.started = undefined;
    this.current = undefined;
    if (crashed.connected) this.retired.push(crashed);
    else void crashed.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    this.current = undefined;
    await Promise.all(this.retired.splice(0).map((b) => b.close().catch(() => undefined)));
    if (started) await (await started.catch(() => undefined))?.close();
  }
}

/** Runs `work` with a session of its own, closed afterwards whatever happens. */
export async function withBrowser<T>(work: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = new BrowserSession();
  try {
    return await work(session);
  } finally {
    await session.close().catch(() => undefined);
  }
}
