/**
 * How to fix a date, a period or an id that could not be read: the value as
 * it should be written, worked out from what was written when possible
 * ("13/12 2023" → "2023-12-13", "2024-26" → "2024–2026", "Oxelösund" → "oxelosund").
 */
import { isIsoDate } from '../format/swedish.ts';

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const pad = (n: number | string) => String(n).padStart(2, '0');

/** A hint for the schema's own message about `input` in `field`, or undefined when there is none to give. */
export function fixHint(message: string, input: unknown, field: string): string | undefined {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : undefined;
  if (message.startsWith('Förväntade ett datum')) return dateHint(text);
  if (message.startsWith('Periodens slutår') && typeof input === 'object' && input !== null && 'från' in input && 'till' in input) {
    return `Skriv det tidigare året först: ${String(input.till)}–${String(input.från)}.`;
  }
  if (message.startsWith('Förväntade ett år eller en period') || message.startsWith('Periodens slutår')) return periodHint(text);
  if (message.startsWith('Förväntade ett id')) return idHint(text, field);
  return undefined;
}

function dateHint(text: string | undefined): string {
  const general = 'Skriv datumet som ÅÅÅÅ-MM-DD: år, månad och dag med bindestreck, t.ex. 2023-12-13.';
  if (!text) return general;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const candidate = `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`;
    if (isIsoDate(candidate)) return `Skriv ${candidate}: månad och dag med två siffror.`;
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return `Det finns ingen månad ${iso[2]}: månaden står i mitten och är 01–12. ${general}`;
    return `Det finns ingen dag ${iso[3]} i ${MONTHS[month - 1]} ${iso[1]}. ${general}`;
  }
  const dayFirst = /^(\d{1,2})[./ -](\d{1,2})[./ -](\d{4})$/.exec(text);
  if (dayFirst && isIsoDate(`${dayFirst[3]}-${pad(dayFirst[2]!)}-${pad(dayFirst[1]!)}`)) return `Skriv ${dayFirst[3]}-${pad(dayFirst[2]!)}-${pad(dayFirst[1]!)} (året först).`;
  const slashes = /^(\d{4})[./](\d{1,2})[./](\d{1,2})$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (slashes && isIsoDate(`${slashes[1]}-${pad(slashes[2]!)}-${pad(slashes[3]!)}`)) return `Skriv ${slashes[1]}-${pad(slashes[2]!)}-${pad(slashes[3]!)} (med bindestreck).`;
  const words = /^(\d{1,2})\s+([a-zåäö]+)\.?\s+(\d{4})$/i.exec(text);
  const month = words ? MONTHS.findIndex((m) => m.startsWith(words[2]!.toLowerCase().slice(0, 3))) : -1;
  if (words && month >= 0 && isIsoDate(`${words[3]}-${pad(month + 1)}-${pad(words[1]!)}`)) return `Skriv ${words[3]}-${pad(month + 1)}-${pad(words[1]!)}.`;
  return general;
}

function periodHint(text: string | undefined): string {
  const general = 'Skriv ett år ("2024") eller första och sista året med tankstreck eller bindestreck ("2024–2026").';
  if (!text) return general;
  const m = /^(\d{2,4})\s*[-–—/]\s*(\d{2,4})$/.exec(text);
  if (!m) return /^\d{2}$/.test(text) ? `Skriv året med fyra siffror: 20${text}.` : general;
  const full = (y: string, ref: string) => (y.length === 4 ? Number(y) : Number(ref.slice(0, 4 - y.length) + y));
  const from = full(m[1]!, m[1]!.length === 4 ? m[1]! : m[2]!);
  const to = full(m[2]!, String(from));
  if (from > to) return `Skriv det tidigare året först: ${to}–${from}.`;
  return `Skriv ${from}–${to}: båda åren med fyra siffror.`;
}

function idHint(text: string | undefined, field: string): string {
  const slug = (text ?? '')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  const example = slug ? `"${slug}"` : '"internbudget"';
  return field === 'kommun'
    ? `Skriv namnet på kommunprofilens mapp under kommuner/, med små bokstäver utan å, ä och ö, t.ex. ${example}.`
    : `Skriv id:t med små bokstäver, siffror och bindestreck, t.ex. ${example}.`;
}
