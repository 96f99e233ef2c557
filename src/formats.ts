/** granskning: the review text <id>.granskning.txt; json: the computed model <id>.modell.json (see src/review/). */
export const allFormats = ['pdf', 'docx', 'html', 'granskning', 'json'] as const;
export type Format = (typeof allFormats)[number];
