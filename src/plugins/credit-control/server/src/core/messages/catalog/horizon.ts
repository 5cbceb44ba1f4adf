import type { Texts } from '../render';

/** The horizon (a policy leaves out what delivers more than N days away): its input problems. */
export const horizonTexts = {
  horizonDaysFormat: {
    en: '{field} must be a whole number of days from 0 to {max}, or empty for no horizon',
    fr: '{field} doit être un nombre entier de jours de 0 à {max}, ou vide pour aucun horizon',
  },
} satisfies Record<string, Texts>;
