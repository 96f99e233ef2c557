/** granskning: the review text <id>.granskning.txt; json: the computed model <id>.modell.json (see src/review/); xlsx: every table as data. */
export const allFormats = ['pdf', 'docx', 'html', 'granskning', 'json', 'xlsx'] as const;
export type Format = (typeof allFormats)[number];
