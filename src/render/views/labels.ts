/**
 * The fixed words the views print around the municipality's own, each once:
 * every output labels a field with the word given here. The words a
 * municipality may change come from its vocabulary (src/model/vocabulary.ts).
 */
export const fieldLabels = {
  legend: 'Teckenförklaring',
  huvudansvar: 'Huvudansvar',
  medansvarig: 'Medansvarig',
  medansvariga: 'Medansvariga',
  slutdatum: 'Slutdatum',
  status: 'Status',
  område: 'Område',
  målområde: 'Målområde',
  övergripandeMål: 'Övergripande mål',
  beslutatAv: 'Beslutat av',
  agenda2030: 'Agenda 2030',
  kommentar: 'Kommentar',
  totalt: 'Totalt',
} as const;
