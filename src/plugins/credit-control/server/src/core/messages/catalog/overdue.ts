import type { Texts } from '../render';

/** The overdue rules (overdue.ts): their input problems, one code per problem. */
export const overdueTexts = {
  overdueRulesObject: {
    en: '{field} must be an object with oldestDays, amount and dunningLevel rules, or empty for none',
    fr: '{field} doit être un objet avec les règles oldestDays, amount et dunningLevel, ou vide pour aucune',
  },
  overdueRuleUnknown: {
    en: '{path} is not an overdue rule: use oldestDays, amount or dunningLevel',
    fr: '{path} n’est pas une règle de retard : utilisez oldestDays, amount ou dunningLevel',
  },
  overdueRuleObject: {
    en: '{path} must be an object with its limit and its action, or null to switch it off',
    fr: '{path} doit être un objet avec sa limite et son action, ou null pour la désactiver',
  },
  overdueAction: {
    en: '{path} must be alert or block',
    fr: '{path} doit valoir alert (alerte) ou block (blocage)',
  },
  overdueDays: {
    en: '{path} must be a whole number of days from 0 to 3650',
    fr: '{path} doit être un nombre entier de jours de 0 à 3650',
  },
  overdueAmount: {
    en: '{path} must be an amount with at most 2 decimals, as a string, e.g. "5000.00"',
    fr: '{path} doit être un montant d’au plus 2 décimales, en texte, par exemple "5000.00"',
  },
  overdueLevel: {
    en: '{path} must be a dunning level from 1 to 99',
    fr: '{path} doit être un niveau de relance de 1 à 99',
  },
} satisfies Record<string, Texts>;
