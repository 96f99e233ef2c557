/**
 * The only module that launches a browser (session.ts decides when). Pages
 * open and close in try/finally; a print page may be opened ahead of its
 * document and is then closed by the print that takes it (or by
 * closeSparePrintPage).
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { BuildError, ExitCode } from '../../diagnostics.ts';
import { packagePath } from '../../package-root.ts';

const require = createRequire(import.meta.url);
const { systemBrowserCandidates } = require(packagePath('browser-candidates.cjs')) as {
  systemBrowserCandidates: (env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform) => string[];
};

/** Flags for a headless print on a machine without network access. */
const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-gpu',
  // The (software) GPU work in the browser process: one process and its copy of the shared libraries fewer.
  '--in-process-gpu',
  '--disable-quic',
  '--font-render-hinting=none',
  '--hide-scrollbars',
  '--mute-audio',
  // No renderer process kept in reserve for the next page: a batch holds only the pages it prints.
  // Audio (muted anyway) in the browser process, not a process of its own.
  '--disable-features=SpareRendererForSitePerProcess,AudioServiceOutOfProcess',
];

/** The tab a browser started with, until a print takes it: a page the browser has already made. */
const blankTabs = new WeakMap<Browser, Page>();

/** A system Chromium, Chrome or Edge if one is installed, else puppeteer's own download, else undefined. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  // A browser named by the user is used or the build stops: another one must not be used without a word.
  const named = env.KOMMUNRAPPORT_BROWSER;
  if (named) {
    if (!isFile(named)) {
      throw new BuildError(
        `KOMMUNRAPPORT_BROWSER pekar på ${named}, men där finns ingen ${existsSync(named) ? 'fil (det är en mapp)' : 'fil'}.`,
        ExitCode.browserMissing,
        'Ange hela sökvägen till webbläsarens programfil, t.ex. KOMMUNRAPPORT_BROWSER=/usr/bin/chromium, eller ta bort variabeln så letar kommunrapport själv upp en installerad webbläsare.',
      );
    }
    return named;
  }
  const system = systemBrowserCandidates(env, platform).find((p) => existsSync(p));
  if (system) return system;
  // puppeteer's own downloads: its headless shell first, like the system's.
  for (const bundled of [() => puppeteer.executablePath({ headless: 'shell' }), () => puppeteer.executablePath()]) {
    try {
      const path = bundled();
      if (path && existsSync(path)) return path;
    } catch {
      // puppeteer has no such browser of its own
    }
  }
  return undefined;
}

/**
 * Whether a browser program is a headless shell (chromium-headless-shell,
 * chrome-headless-shell): it is started as one (puppeteer's headless "shell").
 */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(executablePath);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export const missingBrowserHint =
  'Installera Chromium eller Google Chrome. Debian/Ubuntu: "sudo apt-get install chromium". ' +
  'Windows/macOS: installera Google Chrome eller Microsoft Edge. ' +
  'Ligger webbläsaren på en annan plats, ange den med miljövariabeln KOMMUNRAPPORT_BROWSER=/sökväg/till/chrome.';

/** handleSignals false: the caller closes the browser on Ctrl+C itself (the preview server does). */
export async function launchBrowser(options: { handleSignals?: boolean } = {}): Promise<Browser> {
  const executablePath = findBrowser();
  if (!executablePath) {
    throw new BuildError('Ingen webbläsare hittades för att skapa PDF.', ExitCode.browserMissing, missingBrowserHint);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  try {
    const browser = await puppeteer.launch({
      executablePath,
      headless: isHeadlessShell(executablePath) ? 'shell' : true,
      ...(options.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
      args: [...CHROMIUM_ARGS, ...(isRoot || process.env.CI ? ['--no-sandbox'] : [])],
    });
    // The blank tab the browser opens with becomes the first print page (openPrintPage); any other is closed.
    const [first, ...others] = await browser.pages();
    for (const page of others) await page.close();
    if (first) blankTabs.set(browser, first);
    return browser;
  } catch (err) {
    throw new BuildError(`Webbläsaren ${executablePath} kunde inte startas: ${(err as Error).message}`, ExitCode.browserMissing, missingBrowserHint);
  }
}

export async function withPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const page = await browser.newPage();
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}

/**
 * A page to print in: JavaScript off and every request held for the printer
 * to allow or refuse (render-pdf.ts decides which).
 */
async function openPrintPage(browser: Browser): Promise<Page> {
  const blank = blankTabs.get(browser);
  blankTabs.delete(browser);
  const page = blank && !blank.isClosed() ? blank : await browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    return page;
  } catch (err) {
    await page.close().catch(() => undefined);
    throw err;
  }
}

/** Print pages opened ahead of their document, per browser (see openSparePrintPage). */
const spares = new WeakMap<Browser, Promise<Page>[]>();

/**
 * Opens a print page before its document is ready: the browser starts the
 * page's process while the report is still being computed, and the print
 * begins as soon as the HTML is there. The next withPrintPage takes it.
 */
export function openSparePrintPage(browser: Browser): void {
  const page = openPrintPage(browser);
  page.catch(() => undefined);
  if (!spares.has(browser)) spares.set(browser, []);
  spares.get(browser)!.push(page);
}

/** Closes a page opened ahead when its report will not be printed after all (it failed, or its PDF was reused). */
export async function closeSparePrintPage(browser: Browser): Promise<void> {
  const page = spares.get(browser)?.pop();
  if (page) await (await page.catch(() => undefined))?.close().catch(() => undefined);
}

/** Runs `work` in a print page, one opened ahead if there is one, and closes the page afterwards. */
export async function withPrintPage<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const spare = spares.get(browser)?.shift();
  const page = (spare && (await spare.catch(() => undefined))) || (await openPrintPage(browser));
  try {
    return await work(page);
  } finally {
    await page.close();
  }
}

