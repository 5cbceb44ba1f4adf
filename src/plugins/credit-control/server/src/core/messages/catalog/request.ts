import type { Texts } from '../render';

/** A request's parameters, who may act, and the plugin's own state (paging, the decision log, hooks). */
export const requestTexts = {
  wholeNumberRange: {
    en: '{field} must be a whole number from 1 to {max}',
    fr: '{field} doit être un nombre entier de 1 à {max}',
  },
  textOnce: {
    en: '{field} must be given once, as text',
    fr: '{field} doit être donné une seule fois, sous forme de texte',
  },
  notOneOf: {
    en: '{field} must be one of {allowed}',
    fr: '{field} doit valoir l’une de ces valeurs : {allowed}',
  },
  isoDateTime: {
    en: '{field} must be an ISO 8601 date or date-time',
    fr: '{field} doit être une date ou une date et heure ISO 8601',
  },
  textTooLong: {
    en: '{field} must be at most {max} characters',
    fr: '{field} doit faire au plus {max} caractères',
  },
  requiredText: {
    en: '{field} is required (1 to {max} characters)',
    fr: '{field} est obligatoire (1 à {max} caractères)',
  },
  partyNameOrQ: {
    en: 'give partyName or q, not both',
    fr: 'indiquez le client (partyName) ou la recherche (q), pas les deux',
  },
  notBefore: {
    en: '{field} must not be before {other}',
    fr: '{field} ne doit pas précéder {other}',
  },
  documentIdExpected: {
    en: '{field} must be a documentId',
    fr: '{field} doit être un identifiant de document (documentId)',
  },
  partyNotFound: {
    en: 'no {uid} {party}',
    fr: 'le tiers {party} n’existe pas ({uid})',
  },
  overrideHeaderNotText: {
    en: '{header} must be URI-encoded text',
    fr: 'l’en-tête {header} doit être un texte encodé pour une URI',
  },
  overrideForbidden: {
    en: 'Overriding a credit refusal needs the credit-control override permission',
    fr: 'Forcer un refus de crédit demande la permission de forçage du contrôle des encours',
  },
  figuresHidden: {
    en: 'Credit figures are not shown to this requester',
    fr: 'Les chiffres d’encours ne sont pas montrés à ce demandeur',
  },
  figuresHiddenRefusal: {
    en: 'Credit control: please contact our accounts department',
    fr: 'Contrôle du crédit : merci de contacter notre service comptabilité',
  },
  partyScopeMany: {
    en: 'This requester may act on its own parties only, and this route covers many',
    fr: 'Ce demandeur ne peut agir que sur ses propres tiers, et cette route en couvre plusieurs',
  },
  partyScopeForeign: {
    en: 'This requester may not act on this party',
    fr: 'Ce demandeur ne peut pas agir sur ce tiers',
  },
  notConfigured: {
    en: 'credit-control is not configured: add its mapping to {file} (see the plugin README)',
    fr: 'le contrôle des encours n’est pas configuré : ajoutez sa correspondance dans {file} (voir le README du plugin)',
  },
} satisfies Record<string, Texts>;
