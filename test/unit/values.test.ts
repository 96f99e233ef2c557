import { describe, expect, it } from 'vitest';
import { baselineNote, baselineReason, normalizePeriod, parseMeasured, parseTarget, targetNote, TARGET_FORMS } from '../../src/model/values.ts';
import type { Target } from '../../src/model/types.ts';
import { formatMeasured, formatTarget } from '../../src/format/values.ts';
import { defaultFormatOptions } from '../../src/format/swedish.ts';

const NBSP = '\u00a0';

describe('targets as authors type them', () => {
  it.each([
    [2, { kind: 'tal', value: 2 }, '2'],
    ['45 %', { kind: 'tal', value: 45, unit: '%' }, `45${NBSP}%`],
    ['45%', { kind: 'tal', value: 45, unit: '%' }, `45${NBSP}%`],
    ['89,88', { kind: 'tal', value: 89.88, decimals: 2 }, '89,88'],
    ['8,0 %', { kind: 'tal', value: 8, unit: '%', decimals: 1 }, `8,0${NBSP}%`],
    ['>25', { kind: 'gräns', op: '>', value: 25 }, '>25'],
    ['<176', { kind: 'gräns', op: '<', value: 176 }, '<176'],
    ['>= 90 %', { kind: 'gräns', op: '≥', value: 90, unit: '%' }, `minst 90${NBSP}%`],
    ['Öka', { kind: 'riktning', riktning: 'öka' }, 'Öka'],
    ['minska', { kind: 'riktning', riktning: 'minska' }, 'Minska'],
    ['Bibehålla', { kind: 'riktning', riktning: 'bibehålla' }, 'Bibehålla'],
    ['Minska / Bibehålla', { kind: 'riktning', riktning: 'minska/bibehålla' }, 'Minska/Bibehålla'],
    ['öka/BIBEHÅLLA', { kind: 'riktning', riktning: 'öka/bibehålla' }, 'Öka/Bibehålla'],
    ['Samtliga', { kind: 'samtliga' }, 'Samtliga'],
    ['JA', { kind: 'janej', value: true }, 'Ja'],
    ['Ja/Nej', { kind: 'janej', value: true, svarsform: true }, 'Ja/Nej'],
    ['samtliga', { kind: 'samtliga' }, 'Samtliga'],
    ['12 utvecklingsprojekt', { kind: 'tal', value: 12, words: { after: ' utvecklingsprojekt' } }, '12 utvecklingsprojekt'],
    ['1 utvecklingsprojekt per enhet', { kind: 'tal', value: 1, words: { after: ' utvecklingsprojekt per enhet' } }, '1 utvecklingsprojekt per enhet'],
    ['<8 anmälda våldsbrott', { kind: 'gräns', op: '<', value: 8, words: { after: ' anmälda våldsbrott' } }, '<8 anmälda våldsbrott'],
    ['25 % av kommuninvånare', { kind: 'tal', value: 25, unit: '%', words: { after: ' av kommuninvånare' } }, `25${NBSP}% av kommuninvånare`],
    ['Betyg 3,4 av 6', { kind: 'tal', value: 3.4, decimals: 1, words: { before: 'Betyg', scale: { value: 6 } } }, 'Betyg 3,4 av 6'],
    ['3,3 av 6', { kind: 'tal', value: 3.3, decimals: 1, words: { scale: { value: 6 } } }, '3,3 av 6'],
    ['800 kg/månad', { kind: 'tal', value: 800, words: { after: ' kg/månad' } }, '800 kg/månad'],
    ['50 % är positiva', { kind: 'tal', value: 50, unit: '%', words: { after: ' är positiva' } }, `50${NBSP}% är positiva`],
    ['3.0 %  Långtidssjukfrånvaro', { kind: 'tal', value: 3, unit: '%', decimals: 1, words: { after: ' Långtidssjukfrånvaro' } }, `3,0${NBSP}% Långtidssjukfrånvaro`],
    ['2 nya laddstolpar', { kind: 'tal', value: 2, words: { after: ' nya laddstolpar' } }, '2 nya laddstolpar'],
    ['8000 kg', { kind: 'tal', value: 8000, words: { after: ' kg' } }, `8${NBSP}000 kg`],
    ['10–15 %', { kind: 'intervall', from: 10, to: 15, unit: '%' }, `10–15${NBSP}%`],
    ['10-15%', { kind: 'intervall', from: 10, to: 15, unit: '%' }, `10–15${NBSP}%`],
    ['10 %-15 %', { kind: 'intervall', from: 10, to: 15, unit: '%' }, `10–15${NBSP}%`],
    ['2,5–3 besök', { kind: 'intervall', from: 2.5, to: 3, decimals: 1, words: { after: ' besök' } }, '2,5–3,0 besök'],
    ['enligt plan', { kind: 'text', text: 'enligt plan' }, 'enligt plan'],
    ['Öka med 5 %', { kind: 'text', text: 'Öka med 5 %' }, 'Öka med 5 %'],
    ['3/5', { kind: 'text', text: '3/5' }, '3/5'],
    ['Nej', { kind: 'janej', value: false }, 'Nej'],
    ['<= 3', { kind: 'gräns', op: '≤', value: 3 }, 'högst 3'],
    ['+/- 0,5 %', { kind: 'tolerans', value: 0.5, unit: '%', decimals: 1 }, `±0,5${NBSP}%`],
  ] as const)('%s', (input, parsed, shown) => {
    const target = parseTarget(input);
    expect(target).toEqual(parsed);
    expect(formatTarget(target as Exclude<typeof target, string>, defaultFormatOptions)).toEqual([shown]);
  });

  it('reads several values for sub-groups in one cell', () => {
    const target = parseTarget({ grupper: { 'Särskilt boende': '45 %', Hemtjänst: '60 %', LSS: 70 } });
    expect(target).toEqual({
      kind: 'grupper',
      groups: [
        { grupp: 'Särskilt boende', target: { kind: 'tal', value: 45, unit: '%' } },
        { grupp: 'Hemtjänst', target: { kind: 'tal', value: 60, unit: '%' } },
        { grupp: 'LSS', target: { kind: 'tal', value: 70 } },
      ],
    });
  });

  it.each([
    ['Bibehåll', 'Bibehålla'],
    ['Bibehala', 'Bibehålla'],
    ['Ökaa', 'Öka'],
    ['Minksa', 'Minska'],
    ['Minska/Bibehåll', 'Minska/Bibehålla'],
    ['Samtlig', 'Samtliga'],
    ['Jaa', 'Ja'],
  ] as const)('refuses the misspelt target word "%s", suggesting the nearest and listing the forms', (typed, suggestion) => {
    const result = parseTarget(typed);
    expect(result).toBe(`"${typed}" är inget tillåtet målvärde. Menade du "${suggestion}"?|${TARGET_FORMS}`);
    expect(TARGET_FORMS).toContain('"Öka/Bibehålla"');
  });

  it('keeps free text as a text target, with a note that it cannot be used for assessment', () => {
    const result = parseTarget('ungefär som förra året');
    expect(result).toEqual({ kind: 'text', text: 'ungefär som förra året' });
    expect(targetNote(result as Target)).toMatch(/^Målvärdet "ungefär som förra året" är inget tal och kan inte användas för bedömning.*\|Skriv ett tal/);
    expect(targetNote(parseTarget('3/5') as Target)).toContain('Skriv bråket som "3 av 5"');
    expect(targetNote(parseTarget('45 %') as Target)).toBeUndefined();
  });
});

describe('measured values', () => {
  it.each([
    [41, ['41']],
    ['Nytt värde', ['Nytt värde']],
    [{ värde: 41, period: 'jan-nov 2023' }, ['41 (jan–nov 2023)']],
    [{ värde: '60 %', period: '2023' }, [`60${NBSP}% (2023)`]],
    [{ värde: 176, enhet: 'ärenden', period: '1/12 2023' }, [`176${NBSP}ärenden (1/12 2023)`]],
    [{ värde: 35731, period: 'jan–okt 2023' }, [`35${NBSP}731 (jan–okt 2023)`]],
    [
      { grupper: [{ grupp: 'ÄO', värde: 89.88, period: 'delår 2023' }, { grupp: 'SO', värde: 91.32, period: 'delår 2023' }] },
      ['ÄO: 89,88 (delår 2023)', 'SO: 91,32 (delår 2023)'],
    ],
    ['Beslutad tid 8278:26', ['Beslutad tid 8278:26']],
    ['Ny indikator', ['Ny indikator']],
    ['Ny VP indikator', ['Ny VP indikator']],
    ['nytt värde', ['Nytt värde']],
    ['-', ['–']],
    ['–', ['–']],
    ['9 anmälda våldsbrott', ['9 anmälda våldsbrott']],
    ['91 % positiva', [`91${NBSP}% positiva`]],
    ['35 % (2020)', [`35${NBSP}% (2020)`]],
    ['41 (jan-nov 2023)', ['41 (jan–nov 2023)']],
    ['+1,4 %*', [`+1,4${NBSP}%*`]],
    ['Medel 83 % (samtliga insatser)', [`Medel 83${NBSP}% (samtliga insatser)`]],
    ['3/5', ['3/5']],
    ['10–15 %', [`10–15${NBSP}%`]],
    ['10-15% (2023)', [`10–15${NBSP}% (2023)`]],
  ] as const)('%j', (input, shown) => {
    expect(formatMeasured(parseMeasured(input as never), defaultFormatOptions)).toEqual(shown);
  });

  it.each([
    ['Ny indikator', { kind: 'nytt', text: 'Ny indikator' }],
    ['Ny VP indikator', { kind: 'nytt', text: 'Ny VP indikator' }],
    ['Nytt värde', { kind: 'nytt' }],
    ['–', { kind: 'ingen' }],
    ['9 anmälda våldsbrott', { kind: 'tal', value: 9, words: { after: ' anmälda våldsbrott' } }],
    ['35 % (2020)', { kind: 'tal', value: 35, unit: '%', period: '2020' }],
    ['+1,4 %*', { kind: 'tal', value: 1.4, unit: '%', decimals: 1, words: { after: '*', plus: true } }],
    ['Medel 83 % (samtliga insatser)', { kind: 'tal', value: 83, unit: '%', words: { before: 'Medel', after: ' (samtliga insatser)' } }],
    ['3/5', { kind: 'text', text: '3/5' }],
    ['10–15 %', { kind: 'intervall', from: 10, to: 15, unit: '%' }],
  ] as const)('reads the baseline "%s" by its number', (typed, parsed) => {
    expect(parseMeasured(typed)).toMatchObject(parsed);
  });

  it('notes a baseline that stays free text, and says why it cannot be compared', () => {
    expect(baselineNote(parseMeasured('3/5'))).toMatch(/^Ingångsvärdet "3\/5" är inget tal och kan inte användas för bedömning; det visas som det är skrivet\.\|Skriv bråket som "3 av 5"/);
    expect(baselineNote(parseMeasured('ca hälften'))).toMatch(/^Ingångsvärdet "ca hälften" är inget tal.*\|Skriv ett tal/);
    expect(baselineNote(parseMeasured('Ny indikator'))).toBeUndefined();
    expect(baselineNote(parseMeasured('9 anmälda våldsbrott'))).toBeUndefined();
    expect(baselineReason(parseMeasured('3/5'))).toBe('Ingångsvärdet "3/5" är inget tal');
    expect(baselineReason(parseMeasured('Ny VP indikator'))).toBe('Ingångsvärdet är "Ny VP indikator" och har inget tal att jämföra med');
    expect(baselineReason(parseMeasured('-'))).toBe('Ingångsvärde saknas ("–")');
    expect(baselineReason(parseMeasured('41'))).toBeUndefined();
  });

  it('writes ranges in periods with an en dash', () => {
    expect(normalizePeriod('jan-nov 2023')).toBe('jan–nov 2023');
    expect(normalizePeriod('2024 - 2026')).toBe('2024–2026');
  });
});
