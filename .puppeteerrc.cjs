// Puppeteer settings for kommunrapport.
// When a system browser (Chromium, Chrome or Edge) is installed, puppeteer's own
// Chrome download is skipped: machines without internet can still install, and the
// build uses the system browser (see findBrowser in src/render/pdf/browser.ts, which checks the
// same list).
const { existsSync } = require('node:fs');
const { systemBrowserCandidates } = require('./browser-candidates.cjs');

const found = systemBrowserCandidates().some((path) => existsSync(path));

/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: found || process.env.PUPPETEER_SKIP_DOWNLOAD === 'true',
};
