import { describe, expect, it } from 'vitest';
import { normalizePeriod, parseMeasured, parseTarget } from '../../src/model/values.ts';
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
    ['Minska / Bibehålla', { kind: 'riktning', riktning: 'minska/bibehålla' }, 'Minska/bibehålla'],
    ['Samtliga', { kind: 'samtliga' }, 'Samtliga'],
    ['JA', { kind: 'janej', value: true }, 'Ja'],
    ['Ja/Nej', { kind: 'janej', value: true }, 'Ja'],
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

  it('refuses a target it cannot read, listing the forms it can', () => {
    const result = parseTarget('ungefär som förra året');
    expect(result).toMatch(/^"ungefär som förra året" kan inte tolkas som ett målvärde\.\|Tillåtna målvärden/);
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
  ] as const)('%j', (input, shown) => {
    expect(formatMeasured(parseMeasured(input as never), defaultFormatOptions)).toEqual(shown);
  });

  it('writes ranges in periods with an en dash', () => {
    expect(normalizePeriod('jan-nov 2023')).toBe('jan–nov 2023');
    expect(normalizePeriod('2024 - 2026')).toBe('2024–2026');
  });
});
