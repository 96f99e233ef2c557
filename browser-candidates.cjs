// The one list of places where a system browser is looked for. Shared by
// .puppeteerrc.cjs (install time) and src/render/pdf/browser.ts (build time, findBrowser).
// A headless shell (Debian: chromium-headless-shell) comes first: the same Blink
// prints the same PDF, without the full browser's start-up and processes, in about
// two thirds of the time.
const { join } = require('node:path');

function systemBrowserCandidates(env = process.env, platform = process.platform) {
  const fromEnv = [env.KOMMUNRAPPORT_BROWSER, env.PUPPETEER_EXECUTABLE_PATH].filter(Boolean);
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean);
    const rel = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return [...fromEnv, ...roots.flatMap((root) => rel.map((r) => join(root, r)))];
  }
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    ...fromEnv,
    // The program itself: /usr/bin/chromium-headless-shell is a shell script that stays as its parent.
    '/usr/lib/chromium/chromium-headless-shell',
    '/usr/bin/chromium-headless-shell',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

module.exports = { systemBrowserCandidates };
