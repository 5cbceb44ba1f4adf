import type { Texts } from '../render';

/** The customer insights' query (src/domain/insights.ts). `{field}` is the query parameter. */
export const insightsTexts = {
  insightsYearsNotText: {
    en: '{field} must be a comma-separated list of years',
    fr: '{field} : une liste d’années séparées par des virgules est attendue',
  },
  insightsYearsOutOfRange: {
    en: '{field} must be years between 1900 and 2200 separated by commas (got "{part}")',
    fr: '{field} : des années entre 1900 et 2200 séparées par des virgules sont attendues (reçu « {part} »)',
  },
} satisfies Record<string, Texts>;

/** The `years` parameter, by its name in each language. */
export const insightsWords = { years: { en: 'years', fr: 'Années' } } satisfies Record<string, Texts>;
