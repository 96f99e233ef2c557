/**
 * What the print blocked, told to the author: the page may load nothing but the
 * document itself, so an address it asks for is a resource that is missing
 * from the PDF. The address is shortened (no query, fragment or user name).
 */
import type { Diagnostic } from '../../diagnostics.ts';

const MAX = 80;

/** "example.org/bilder/karta.png", "/home/anna/hemlig.html", "ftp://…": readable and without secrets in a query. */
export function shortAddress(address: string): string {
  let text: string;
  try {
    const url = new URL(address);
    if (url.protocol === 'file:') text = decodeURIComponent(url.pathname);
    else if (url.protocol === 'http:' || url.protocol === 'https:') text = `${url.host}${decodeURIComponent(url.pathname)}`;
    else text = `${url.protocol}${url.host ? `//${url.host}` : ''}${url.pathname}`;
  } catch {
    text = address.split(/[?#]/)[0]!;
  }
  text = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/** A warning for one blocked address; `file` is the report (or document) it belongs to. */
export function blockedWarning(file: string, address: string): Omit<Diagnostic, 'severity'> {
  return {
    code: 'blockerad-resurs',
    file,
    message: `PDF:en hämtade inte ${shortAddress(address)}: utskriften får bara läsa rapporten själv, så det som adressen pekar på saknas i PDF:en.`,
    hint: 'Lägg bilden eller filen i rapportmappen och hänvisa till den med en relativ sökväg, t.ex. "bilder/karta.png".',
  };
}
