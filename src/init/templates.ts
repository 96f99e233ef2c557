/**
 * The files `kommunrapport init` writes: a report folder per report type that
 * builds at once, with Swedish comments and example content that show where
 * each kind of content goes, and a municipality profile when there is none.
 */
export const reportTypes = ['verksamhetsplan', 'uppföljning', 'årsredovisning'] as const;
export type ReportType = (typeof reportTypes)[number];

export interface InitAnswers {
  typ: ReportType;
  /** The municipality's name as written, e.g. "Ängsbro kommun". */
  kommun: string;
  /** The profile folder under content/kommuner/. */
  kommunId: string;
  nämnd: string;
  år: number;
  /** ÅÅÅÅ-MM-DD: the draft's date. */
  datum: string;
}

/** A folder or id name: lower case a–z, digits and hyphens. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[åä]/g, 'a')
    .replace(/ö/g, 'o')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const typeSlug: Record<ReportType, string> = { verksamhetsplan: 'verksamhetsplan', uppföljning: 'uppfoljning', årsredovisning: 'arsredovisning' };

export function period(a: InitAnswers): string {
  return a.typ === 'verksamhetsplan' ? `${a.år}–${a.år + 2}` : String(a.år);
}

export function reportFolderName(a: InitAnswers): string {
  return [a.kommunId, slug(a.nämnd), typeSlug[a.typ], slug(period(a))].filter(Boolean).join('-');
}

/** YAML-safe scalar: quoted when it could be read as something else. */
function q(text: string): string {
  return /^[\p{L}][\p{L}\p{N} .,()/–-]*$/u.test(text) && !/[:#]/.test(text) ? text : JSON.stringify(text);
}

export function profileYaml(a: InitAnswers): string {
  return `# Kommunprofil för ${a.kommun}: gäller alla kommunens rapporter.
# Editorn kan föreslå nycklar och värden: se README, "Komplettering i editorn".
namn: ${q(a.kommun)}
# Logotypen är en SVG-fil i den här mappen. Byt logotyp.svg mot kommunens egen.
logotyp: logotyp.svg
färger:
  primär: "#00507A"      # rubriker och linjer
  sekundär: "#00766C"    # diagram och detaljer
  text: "#1A1A1A"
  tabellhuvud: "#E3EEF4" # bakgrund i tabellernas rubrikrad
typsnitt: Source Sans 3
minustecken: "−"
bedömning:
  # kvot: utfall i förhållande till målvärdet; poäng: 1/0,5/0; uppfyllt: uppfyllt eller inte.
  regel: kvot
  grön: 100   # procent av målvärdet som ger grönt
  gul: 95     # procent av målvärdet som ger gult
`;
}

export function logoSvg(a: InitAnswers): string {
  const letter = (a.kommun.trim()[0] ?? 'K').toUpperCase().replace(/[<&>"]/g, '');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120"><circle cx="60" cy="60" r="56" fill="#00507A"/><text x="60" y="78" text-anchor="middle" font-family="sans-serif" font-size="52" font-weight="700" fill="#FFFFFF">${letter}</text></svg>\n`;
}

const titles: Record<ReportType, (a: InitAnswers) => string> = {
  verksamhetsplan: (a) => `${a.nämnd}s verksamhetsplan ${period(a)}`,
  uppföljning: (a) => `Uppföljning ${a.år} – ${a.nämnd}`,
  årsredovisning: (a) => `Årsredovisning ${a.år}`,
};

function indexMd(a: InitAnswers): string {
  return `---
# Rapportens uppgifter. Varje avsnitt är en egen fil i mappen (01-…, 02-…), i filnamnsordning.
typ: ${a.typ}
kommun: ${a.kommunId}            # mappen under content/kommuner/
nämnd: ${q(a.nämnd)}
titel: ${q(titles[a.typ](a))}
period: "${period(a)}"
status: utkast                    # utkast ger "UTKAST" i sidhuvudet; antagen kräver beslutet nedan
datum: ${a.datum}
# När nämnden har beslutat: status: antagen och
# antagen: { organ: ${a.nämnd}, datum: ÅÅÅÅ-MM-DD, paragraf: 12 }
# ordförande: Förnamn Efternamn
# ansvarig_chef: Förnamn Efternamn
---

Texten här blir förordet, före första avsnittet. Skriv vanlig text i Markdown: **fetstil**, *kursiv*, punktlistor och länkar fungerar.
`;
}

const introMd = (a: InitAnswers) => `---
rubrik: Inledning
---

Ett avsnitt är en fil med en rubrik överst (mellan strecken) och text under. Skriv om ${a.nämnd.toLowerCase()}s uppdrag och vad ${a.typ === 'verksamhetsplan' ? 'planen' : 'rapporten'} handlar om.

## Underrubrik

Underrubriker skrivs med ## och ###. Bilder läggs i rapportmappen och skrivs som \`![Beskrivning av bilden](bild.png)\`; beskrivningen krävs.
`;

const goalsMd = (a: InitAnswers, withOutcome: boolean) => `---
rubrik: Mål
# Tabeller, mål och diagram står under data. Varje post har en typ och ett id.
data:
  - typ: målområde
    id: malomrade-1
    namn: Trygg och säker uppväxt              # målområdets namn
    kf_mål:                                     # kommunfullmäktiges mål
      - text: Barn och unga ska känna sig trygga i kommunen.
        nämndmål:                               # nämndens egna mål under KF-målet
          - text: Fler elever känner sig trygga i skolan.
            indikatorer:                        # hur målet mäts
              - mått: Andel elever som känner sig trygga
                datakälla: Elevenkät
                riktning: högre                 # högre eller lägre är bättre
                ingångsvärde: { värde: "80 %", period: ${a.år - 1} }
                målvärden: { ${a.typ === 'verksamhetsplan' ? `${a.år}: "82 %", ${a.år + 1}: "84 %", ${a.år + 2}: "86 %"` : `${a.år}: "82 %"`} }${withOutcome ? `\n                utfall: { ${a.år}: "83 %" }            # bedömningen räknas ut av utfall och målvärde` : ''}
---

Text om målområdet. Tabellen med målen står där raden \`[[malomrade-1]]\` står; utan en sådan rad hamnar den efter texten.

[[malomrade-1]]
`;

const budgetMd = (a: InitAnswers) => `---
rubrik: Ekonomi
data:
  - typ: internbudget
    id: internbudget
    rubrik: Internbudget ${a.år}
    enhet: tkr                                  # tkr (heltal) eller mnkr
    kolumner:
      - { id: budget-${a.år - 1}, rubrik: Budget ${a.år - 1} }
      - { id: forandring, rubrik: Förändring, förändring: { från: budget-${a.år - 1}, till: budget-${a.år} } }
      - { id: budget-${a.år}, rubrik: Budget ${a.år} }
    # Summor, förändringar och nettokostnad räknas ut; ett angivet värde som inte stämmer är ett fel.
    intäkter:
      rader:
        - { namn: Verksamhet A, budget-${a.år - 1}: 1200, budget-${a.år}: 1300 }
        - { namn: Verksamhet B, budget-${a.år - 1}: 400, budget-${a.år}: 450 }
    kostnader:
      rader:
        - { namn: Verksamhet A, budget-${a.år - 1}: -15000, budget-${a.år}: -15600 }
        - { namn: Verksamhet B, budget-${a.år - 1}: -8200, budget-${a.år}: -8500 }
---

Kommentera budgeten här. Kostnader skrivs negativa. Byt exemplets verksamheter och belopp mot nämndens.

[[internbudget]]
`;

const accountsMd = (a: InitAnswers) => `---
rubrik: Ekonomisk ställning
data:
  - typ: driftredovisning
    id: driftredovisning
    enhet: tkr
    # Avvikelse = utfall − budget och summaraden räknas ut.
    rader:
      - { verksamhet: Verksamhet A, föregående_år: -14800, utfall: -15400, budget: -15600 }
      - { verksamhet: Verksamhet B, föregående_år: -8100, utfall: -8650, budget: -8500 }
  - typ: investeringsredovisning
    id: investeringsredovisning
    enhet: tkr
    projekt:
      - { nummer: 1001, namn: Inventarier, utfall: 420, budget: 500, färdigställs: "${a.år + 1}/06" }
---

Kommentera resultatet mot budget här.

[[driftredovisning]]

Investeringarna:

[[investeringsredovisning]]
`;

const summaryMd = () => `---
rubrik: Samlad bedömning
data:
  - typ: bedömningar                            # räknar målens bedömningar per målområde
    id: samlad-bedomning
    rubrik: Måluppfyllelse per målområde
    nivå: nämndmål
---

Sammanfatta måluppfyllelsen här.

[[samlad-bedomning]]
`;

/** The report folder's files, by name. */
export function reportFiles(a: InitAnswers): Record<string, string> {
  const files: Record<string, string> = { 'index.md': indexMd(a), '01-inledning.md': introMd(a) };
  if (a.typ === 'verksamhetsplan') {
    files['02-ekonomi.md'] = budgetMd(a);
    files['03-mal.md'] = goalsMd(a, false);
  } else if (a.typ === 'uppföljning') {
    files['02-mal.md'] = goalsMd(a, true);
    files['03-samlad-bedomning.md'] = summaryMd();
  } else {
    files['02-ekonomisk-stallning.md'] = accountsMd(a);
    files['03-mal.md'] = goalsMd(a, true);
  }
  return files;
}
