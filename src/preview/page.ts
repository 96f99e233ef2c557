/**
 * What the preview adds to a report's HTML, and only in the preview: a script
 * that reloads the page when the server says the report was rebuilt (keeping
 * the scroll position), a small bar with the PDF link, and the content errors
 * shown over the page. Built outputs never contain any of this.
 */
import type { Diagnostic } from '../diagnostics.ts';

export const EVENTS_PATH = '/_kommunrapport/händelser';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function where(d: Diagnostic): string {
  return [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((p) => p !== undefined).join(':');
}

/** The errors and warnings of the latest attempt, as a panel at the top of the page. */
export function problemPanel(problems: readonly Diagnostic[], hasEarlierPage: boolean): string {
  if (problems.length === 0) return '';
  const errors = problems.filter((d) => d.severity === 'fel').length;
  const head = errors > 0
    ? `${errors} fel i innehållet. ${hasEarlierPage ? 'Sidan nedan är den senaste som gick att bygga.' : 'Rapporten kan inte visas förrän felen är rättade.'} Spara filen igen när du har rättat, så uppdateras sidan.`
    : `${problems.length} ${problems.length === 1 ? 'varning' : 'varningar'}.`;
  const items = problems
    .map((d) => `<li class="kr-${d.severity === 'fel' ? 'fel' : 'varning'}"><code>${escapeHtml(where(d))}</code> <strong>${d.severity}:</strong> ${escapeHtml(d.message)}${d.hint ? `<br><span class="kr-hint">→ ${escapeHtml(d.hint)}</span>` : ''}</li>`)
    .join('');
  return `<section id="kr-problem" role="alert" aria-label="Fel i innehållet"><p>${escapeHtml(head)}</p><ul>${items}</ul></section>`;
}

const style = `<style id="kr-preview-style">
#kr-problem{position:sticky;top:0;z-index:1000;max-height:45vh;overflow:auto;margin:0;padding:.8em 1.2em;background:#fff4f2;border-bottom:3px solid #b3261e;font:15px/1.45 system-ui,sans-serif;color:#1f1f1f}
#kr-problem ul{margin:.4em 0 0;padding-left:1.2em}#kr-problem li{margin:.3em 0}#kr-problem code{font-size:13px;background:#fff;padding:0 .3em}
#kr-problem .kr-varning{color:#5c4500}.kr-hint{color:#333}
#kr-bar{position:fixed;right:12px;bottom:12px;z-index:1001;display:flex;gap:.6em;align-items:center;padding:.35em .7em;border-radius:6px;background:#1f1f1f;color:#fff;font:13px/1.3 system-ui,sans-serif;opacity:.9}
#kr-bar a{color:#fff}
@media print{#kr-problem,#kr-bar{display:none}}
</style>`;

/** The reload script: the page's version is compared with the server's on every (re)connection. */
function script(report: string, version: number): string {
  const source = `${EVENTS_PATH}?rapport=${encodeURIComponent(report)}`;
  return `<script id="kr-preview-script">(()=>{const key='kommunrapport-scroll:'+location.pathname;const v=${version};
const saved=sessionStorage.getItem(key);if(saved!==null){sessionStorage.removeItem(key);const y=Number(saved);const go=()=>window.scrollTo(0,y);go();addEventListener('load',go);}
const es=new EventSource(${JSON.stringify(source)});
es.addEventListener('version',(e)=>{if(Number(e.data)!==v){sessionStorage.setItem(key,String(scrollY));es.close();location.reload();}});
})();</script>`;
}

/** The report's HTML with the preview's additions; a page of its own when there is no HTML yet. */
export function previewPage(report: string, html: string | undefined, problems: readonly Diagnostic[], version: number): string {
  const bar = `<div id="kr-bar">Förhandsvisning <a href="./pdf" target="_blank" rel="noopener">Öppna PDF</a> <a href="/">Alla rapporter</a></div>`;
  const additions = `${style}${problemPanel(problems, html !== undefined)}${bar}${script(report, version)}`;
  if (html === undefined) {
    return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(report)} – fel i innehållet</title></head><body><h1 style="font:600 20px system-ui;margin:1em">${escapeHtml(report)}</h1>${additions}</body></html>`;
  }
  // Right after <body …>: the problems stand above the report's title page.
  return html.replace(/<body[^>]*>/, (tag) => `${tag}${additions}`);
}

export function indexPage(reports: readonly { id: string; title?: string; errors: number }[]): string {
  const items = reports
    .map((r) => `<li><a href="/${encodeURIComponent(r.id)}/">${escapeHtml(r.title ?? r.id)}</a> <small>(${escapeHtml(r.id)})</small>${r.errors ? ` – <strong>${r.errors} fel</strong>` : ''}</li>`)
    .join('');
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>kommunrapport – förhandsvisning</title></head><body style="font:16px/1.5 system-ui,sans-serif;max-width:50em;margin:2em auto"><h1>Rapporter</h1><ul>${items}</ul><p>Sidorna uppdateras av sig själva när du sparar en fil.</p></body></html>`;
}
