import type { Texts } from '../render';

/** Temporary limits, credit insurance and default policies: bad input, and the decision log's entries. */
export const limitTexts = {
  limitAmountFormat: {
    en: '{field} must be a positive amount with at most 2 decimals and 13 digits',
    fr: '{field} doit être un montant strictement positif, d’au plus 13 chiffres et 2 décimales',
  },
  insuredAmountFormat: {
    en: '{field} must be a non-negative amount with at most 2 decimals and 13 digits',
    fr: '{field} doit être un montant positif ou nul, d’au plus 13 chiffres et 2 décimales',
  },
  isoDay: {
    en: '{field} must be a date (YYYY-MM-DD)',
    fr: '{field} doit être une date (AAAA-MM-JJ)',
  },
  unknownCurrency: {
    en: '{field} must be a known currency code ({known})',
    fr: '{field} doit être le code d’une devise connue ({known})',
  },
  limitInputObject: {
    en: 'data must be an object of {fields}',
    fr: '« data » doit être un objet des champs {fields}',
  },
  limitUnknownField: {
    en: '{field} is not accepted here (fields: {fields})',
    fr: '{field} n’est pas accepté ici (champs : {fields})',
  },
  temporaryLimitNotFound: {
    en: 'party {party} has no temporary limit {id}',
    fr: 'le client {party} n’a pas de limite temporaire {id}',
  },
  insuranceNotFound: {
    en: 'party {party} has no credit insurance',
    fr: 'le client {party} n’a pas d’assurance-crédit',
  },
  defaultKeyUnknown: {
    en: '{field} must be one of the keys of the mapping’s party.defaultPolicyBy ({keys})',
    fr: '{field} doit être l’une des clés de party.defaultPolicyBy dans la configuration ({keys})',
  },
  defaultKeyValue: {
    en: '{field} must be 1 to {max} characters',
    fr: '{field} doit compter de 1 à {max} caractères',
  },
  defaultPolicyNotFound: {
    en: 'there is no default policy for {key} {value}',
    fr: 'il n’y a pas de règles par défaut pour {key} {value}',
  },
  // the decision log
  logTemporaryLimitAdded: {
    en: 'Temporary limit {amount} from {from} to {to}',
    fr: 'Limite temporaire {amount} du {from} au {to}',
  },
  logTemporaryLimitRemoved: {
    en: 'Temporary limit {amount} from {from} to {to} removed',
    fr: 'Limite temporaire {amount} du {from} au {to} supprimée',
  },
  logInsuranceSet: {
    en: 'Credit insurance {insurer} ({reference}): {amount}, expires {expiresOn}',
    fr: 'Assurance-crédit {insurer} ({reference}) : {amount}, échéance {expiresOn}',
  },
  logInsuranceRemoved: {
    en: 'Credit insurance removed',
    fr: 'Assurance-crédit supprimée',
  },
} satisfies Record<string, Texts>;
