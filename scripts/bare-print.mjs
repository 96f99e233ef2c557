// The bare print the benchmark compares against: one browser, each HTML file
// printed to PDF in turn, nothing else. Plain JavaScript, so that it starts
// as fast as node can: node scripts/bare-print.mjs <chromium> <file.html>…
import puppeteer from 'puppeteer';
import { pathToFileURL } from 'node:url';

const [executablePath, ...files] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath,
  // The build starts a headless shell as one (isHeadlessShell in src/render/pdf/browser.ts); so does this print.
  headless: /headless[-_]shell(\.exe)?$/i.test(executablePath) ? 'shell' : true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
});
try {
  for (const file of files) {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
