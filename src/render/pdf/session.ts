/**
 * One browser for a build, a diff or a test run: the owner makes a session,
 * hands it to whatever prints, and closes it; nobody else launches or closes a
 * browser. The browser starts only when something will be printed (startSoon,
 * as soon as that is known, or the first get()), and the browser library is
 * loaded only then (so --check and --help start without it). Print pages can
 * be opened ahead of their documents (openSparePage).
 */
import type { Browser } from 'puppeteer';

export class BrowserSession {
  private loaded: Promise<typeof import('./browser.ts')> | undefined;
  private started: Promise<Browser> | undefined;
  /** Pages asked for ahead (openSparePage) and not yet opened. */
  private wanted = 0;
  private current: Browser | undefined;
  // A replaced browser that still answers may be printing other documents: it is closed with the session.
  private readonly retired: Browser[] = [];

  /** handleSignals false: the owner closes the browser on Ctrl+C itself (the preview server does). */
  constructor(private readonly options: { handleSignals?: boolean } = {}) {}

  private library(): Promise<typeof import('./browser.ts')> {
    return (this.loaded ??= import('./browser.ts'));
  }

  get(): Promise<Browser> {
    return (this.started ??= this.library()
      .then((m) => m.launchBrowser(this.options))
      .then((b) => (this.current = b)));
  }

  /**
   * Starts the browser without waiting for it to be up: returns once the
   * browser library is loaded and the launch is under way, so the caller's own
   * work overlaps with the browser's start (another process). A failed launch
   * is reported by the next get().
   */
  async startSoon(): Promise<void> {
    this.get().catch(() => undefined);
    await this.library();
  }

  /**
   * Opens a print page ahead of a document that is on its way (browser.ts,
   * openSparePrintPage), once the browser is up. Each call is matched by a
   * print or by closeSparePage.
   */
  openSparePage(): void {
    this.wanted++;
    this.get()
      .then(async (browser) => {
        const library = await this.library();
        if (this.wanted === 0) return;
        this.wanted--;
        // A browser replaced meanwhile (it crashed) gets no page: the print opens one in the new browser.
        if (browser === this.current) library.openSparePrintPage(browser);
      })
      .catch(() => undefined);
  }

  /** Its document will not be printed after all (it failed, or its PDF was reused): the page opened ahead is closed, or never opened. */
  async closeSparePage(): Promise<void> {
    if (this.wanted > 0) {
      this.wanted--;
      return;
    }
    const browser = this.current;
    if (browser) await (await this.library()).closeSparePrintPage(browser);
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
