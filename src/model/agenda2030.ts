/**
 * The 17 global goals of the UN's Agenda 2030: official numbers, Swedish names
 * (as used by the Swedish government and globalamalen.se) and the official
 * colours. The colour is decoration; the number and the name are the meaning.
 */
export interface GlobalGoal {
  nummer: number;
  namn: string;
  färg: string;
}

const goals: readonly [string, string][] = [
  ['Ingen fattigdom', '#E5243B'],
  ['Ingen hunger', '#DDA63A'],
  ['Hälsa och välbefinnande', '#4C9F38'],
  ['God utbildning för alla', '#C5192D'],
  ['Jämställdhet', '#FF3A21'],
  ['Rent vatten och sanitet för alla', '#26BDE2'],
  ['Hållbar energi för alla', '#FCC30B'],
  ['Anständiga arbetsvillkor och ekonomisk tillväxt', '#A21942'],
  ['Hållbar industri, innovationer och infrastruktur', '#FD6925'],
  ['Minskad ojämlikhet', '#DD1367'],
  ['Hållbara städer och samhällen', '#FD9D24'],
  ['Hållbar konsumtion och produktion', '#BF8B2E'],
  ['Bekämpa klimatförändringarna', '#3F7E44'],
  ['Hav och marina resurser', '#0A97D9'],
  ['Ekosystem och biologisk mångfald', '#56C02B'],
  ['Fredliga och inkluderande samhällen', '#00689D'],
  ['Genomförande och globalt partnerskap', '#19486A'],
];

export const globalGoals: readonly GlobalGoal[] = goals.map(([namn, färg], i) => ({ nummer: i + 1, namn, färg }));

/** The goal with this number (1–17); the schema has checked the range. */
export function globalGoal(nummer: number): GlobalGoal {
  return globalGoals[nummer - 1]!;
}

/** "03. Hälsa och välbefinnande": number and name, as printed next to the coloured tag. */
export function globalGoalLabel(nummer: number): string {
  return `${String(nummer).padStart(2, '0')}. ${globalGoal(nummer).namn}`;
}
