import type { Texts } from '../render';

/** The customer insights' query (src/domain/insights.ts). `{field}` is the query parameter. */
export const insightsTexts = {
  insightsYearsNotText: {
    en: '{field} must be a comma-separated list of years',
    fr: '{field} : une liste d’années séparées par des virgules est attendue',
  },
  insightsYearsOutOfRange: {
    en: '{field} must be years between {min} and {max} separated by commas (got "{part}")',
    fr: '{field} : des années entre {min} et {max} séparées par des virgules sont attendues (reçu « {part} »)',
  },
  insightsSectionValues: {
    en: 'section must be one of {values} (got "{got}")',
    fr: '« section » doit valoir l’une de ces valeurs : {values} (reçu « {got} »)',
  },
} satisfies Record<string, Texts>;

/** The `years` parameter, by its name in each language. */
export const insightsWords = { years: { en: 'years', fr: 'Années' } } satisfies Record<string, Texts>;
