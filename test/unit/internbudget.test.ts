import { describe, expect, it } from 'vitest';
import { compute, plain, section } from '../helpers/fixture.ts';
import type { Internbudget, Investeringsbudget } from '../../src/model/types.ts';

const columns = `
    kolumner:
      - { id: prognos, rubrik: Årsprognos 2023 }
      - { id: b23, rubrik: Budget 2023 }
      - { id: f, rubrik: Förändr mot budg 2023, förändring: { från: b23, till: b24 } }
      - { id: b24, rubrik: M & B 2024 }`;

function budget(parts: string) {
  const { report, errors } = compute({
    '01-ekonomi.md': section(`
rubrik: Ekonomi
data:
  - typ: internbudget
    id: ib
    enhet: tkr${columns}
${parts}`),
  });
  const block = report?.sections[0]?.blocks[0] as Internbudget | undefined;
  return { block, errors };
}

const value = (b: Internbudget | undefined, part: string, row: number | 'summa', col: string) => {
  const p = b!.parts.find((x) => x.kind === part)!;
  return (row === 'summa' ? p.summa : p.rows[row]!).values[col]!;
};

describe('internbudget', () => {
  it('computes förändring, sums and nettokostnad when the content omits them', () => {
    const { block, errors } = budget(`
    intäkter:
      rader:
        - { kod: 54, namn: Individ och familjeomsorg, prognos: 4065, b23: 1431, b24: 1851 }
        - { kod: 62, namn: Integration, prognos: 2986, b23: 2986, b24: 2703 }
    kostnader:
      rader:
        - { kod: 54, namn: Individ och familjeomsorg, prognos: -65260, b23: -62129, b24: -66119 }
        - { kod: 62, namn: Integration, prognos: -2363, b23: -2986, b24: -2703 }`);
    expect(errors).toEqual([]);
    expect(value(block, 'intäkter', 0, 'f')).toEqual({ value: 420, computed: true });
    expect(value(block, 'kostnader', 'summa', 'b24')).toEqual({ value: -68822, computed: true });
    expect(value(block, 'kostnader', 'summa', 'f')).toEqual({ value: -3707, computed: true });
    // nettokostnad = intäkter + kostnader, per verksamhet
    expect(block!.parts.map((p) => p.kind)).toEqual(['nettokostnad', 'intäkter', 'kostnader']);
    expect(value(block, 'nettokostnad', 0, 'b24')).toEqual({ value: -64268, computed: true });
    expect(value(block, 'nettokostnad', 1, 'prognos')).toEqual({ value: 623, computed: true });
    expect(value(block, 'nettokostnad', 1, 'f')).toEqual({ value: 0, computed: true });
    expect(value(block, 'nettokostnad', 'summa', 'b24')).toEqual({ value: -64268, computed: true });
  });

  it('keeps stated values that agree and marks them as stated', () => {
    const { block, errors } = budget(`
    kostnader:
      rader:
        - { kod: 11, namn: Nämndverksamhet, prognos: -1020, b23: -1008, f: -44, b24: -1052 }
      summa: { rubrik: S:a Kostnader, prognos: -1020, b23: -1008, f: -44, b24: -1052 }`);
    expect(errors).toEqual([]);
    expect(value(block, 'kostnader', 'summa', 'b24')).toEqual({ value: -1052, computed: false });
  });

  it('reports a sum that does not add up, with both values and the difference', () => {
    const { errors } = budget(`
    kostnader:
      rader:
        - { kod: 11, namn: Nämndverksamhet, b23: -1008, b24: -1052 }
        - { kod: 27, namn: Miljö, b23: -312, b24: -340 }
      summa: { b24: -1393 }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('summa-stämmer-inte');
    expect(plain(errors[0]!.message)).toBe('Summaraden "S:a Kostnader", kolumn "M & B 2024": angivet −1 393 men raderna summerar till −1 392 (skillnad −1).');
    expect(errors[0]!.field).toBe('data[0].kostnader.summa.b24');
    expect(errors[0]!.line).toBe(17);
  });

  it('reports a förändring that is not new − old', () => {
    const { errors } = budget(`
    kostnader:
      rader:
        - { kod: 11, namn: Nämndverksamhet, b23: -1008, f: 44, b24: -1052 }`);
    expect(errors[0]!.code).toBe('förändring-stämmer-inte');
    expect(plain(errors[0]!.message)).toBe('Raden "11 Nämndverksamhet", kolumn "Förändr mot budg 2023": angivet 44 men "M & B 2024" − "Budget 2023" blir −44 (skillnad 88).');
  });

  it('reports a nettokostnad that is not intäkter + kostnader', () => {
    const { errors } = budget(`
    nettokostnad:
      rader:
        - { kod: 54, namn: IFO, b23: -60698, b24: -64268 }
    intäkter:
      rader:
        - { kod: 54, namn: IFO, b23: 1431, b24: 1851 }
    kostnader:
      rader:
        - { kod: 54, namn: IFO, b23: -62129, b24: -66118 }`);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('netto-stämmer-inte');
    expect(plain(errors[0]!.message)).toMatch(/angivet −64 268 men intäkter \+ kostnader för samma verksamhet blir −64 267 \(skillnad −1\)/);
  });

  it('sums sub-totals ("Dels:a") over the rows since the previous one', () => {
    const { block, errors } = budget(`
    kostnader:
      rader:
        - { namn: A, b23: -1, b24: -2 }
        - { namn: B, b23: -3, b24: -4 }
        - { delsumma: "Dels:a administration", b24: -6 }
        - { namn: C, b23: -10, b24: -20 }
        - { delsumma: "Dels:a vård" }`);
    expect(errors).toEqual([]);
    expect(value(block, 'kostnader', 2, 'b23')).toEqual({ value: -4, computed: true });
    expect(value(block, 'kostnader', 4, 'b24')).toEqual({ value: -20, computed: true });
    // the part's sum counts ordinary rows only, not the sub-sums
    expect(value(block, 'kostnader', 'summa', 'b24')).toEqual({ value: -26, computed: true });
  });

  it('leaves a blank cell blank', () => {
    const { block } = budget(`
    intäkter:
      rader:
        - { kod: 11, namn: Nämndverksamhet, f: 0 }
        - { kod: 27, namn: Miljö, prognos: 144, b23: 144, b24: 120 }`);
    expect(value(block, 'intäkter', 0, 'b24')).toEqual({ value: null, computed: false });
    expect(value(block, 'intäkter', 0, 'f')).toEqual({ value: 0, computed: false });
  });
});

describe('investeringsbudget', () => {
  const invest = (totalt: string) => {
    const { report, errors } = compute({
      '01-inv.md': section(`
rubrik: Investeringar
data:
  - typ: investeringsbudget
    id: inv
    enhet: tkr
    kategorisummor: true
    kolumner: [{ id: a, rubrik: "2024" }, { id: b, rubrik: "2025" }]
    kategorier:
      - namn: Inventarier
        projekt:
          - { namn: Madrasser, a: 142, b: 150 }
          - { namn: Inventarier äldreomsorg, a: 600, b: 1000 }
      - namn: Utrustning
        projekt:
          - { namn: Elcyklar, a: 45 }
${totalt}`),
    });
    return { block: report?.sections[0]?.blocks[0] as Investeringsbudget | undefined, errors };
  };

  it('computes category sums and the total', () => {
    const { block, errors } = invest('');
    expect(errors).toEqual([]);
    expect(block!.categories[0]!.summa!.a).toEqual({ value: 742, computed: true });
    expect(block!.totalt.values.a).toEqual({ value: 787, computed: true });
    expect(block!.totalt.values.b).toEqual({ value: 1150, computed: true });
  });

  it('checks a stated total', () => {
    const { errors } = invest('    totalt: { rubrik: Totalt, a: 787, b: 1200 }');
    expect(errors).toHaveLength(1);
    expect(plain(errors[0]!.message)).toBe('Raden "Totalt", kolumn "2025": angivet 1 200 men projekten summerar till 1 150 (skillnad 50).');
  });
});
