import type { Texts } from '../render';

/**
 * An amount or quantity that cannot be read (src/domain/money.ts). `{field}` is the field's name
 * (its French label in French), `{got}` the value as sent.
 */
export const moneyTexts = {
  moneyNotFinite: {
    en: '{field} must be a finite number (got {got})',
    fr: '{field} : un nombre fini est attendu (reçu {got})',
  },
  moneyEmpty: {
    en: '{field} must be a number (got an empty string)',
    fr: '{field} : un nombre est attendu (reçu une valeur vide)',
  },
  moneyDecimalComma: {
    en: '{field} must use a dot as the decimal separator, not a comma (write {written} instead of {got})',
    fr: '{field} : le séparateur décimal est le point, pas la virgule (écrivez {written} au lieu de {got})',
  },
  moneyExponent: {
    en: '{field} must be written in plain digits without exponent notation (write {written} instead of {got})',
    fr: '{field} : écrivez le nombre en chiffres, sans notation exponentielle ({written} au lieu de {got})',
  },
  moneyNotDigits: {
    en: '{field} must be a number written with digits and an optional dot as the decimal separator (got {got})',
    fr: '{field} : un nombre écrit en chiffres est attendu, avec un point comme séparateur décimal s’il a des décimales (reçu {got})',
  },
  moneyNotNumber: {
    en: '{field} must be a number (got {type})',
    fr: '{field} : un nombre est attendu (reçu {type})',
  },
  moneyTooManyDecimals: {
    en: '{field} has more than {scale} decimals (got {got})',
    fr: '{field} : plus de {scale} décimales (reçu {got})',
  },
  moneyNegative: {
    en: '{field} must not be negative (got {got})',
    fr: '{field} : la valeur ne doit pas être négative (reçu {got})',
  },
  moneyBelowMinimum: {
    en: '{field} is below the minimum {minimum} (got {got})',
    fr: '{field} : la valeur est inférieure au minimum {minimum} (reçu {got})',
  },
  moneyAboveMaximum: {
    en: '{field} exceeds the maximum {maximum} (got {got})',
    fr: '{field} : la valeur dépasse le maximum {maximum} (reçu {got})',
  },
} satisfies Record<string, Texts>;

/** What was sent instead of a number, and the subject of a refusal that names no field. */
export const moneyWords = {
  types: {
    null: { en: 'null', fr: 'une valeur nulle' },
    undefined: { en: 'undefined', fr: 'aucune valeur' },
    array: { en: 'an array', fr: 'une liste' },
    object: { en: 'an object', fr: 'un objet' },
    boolean: { en: 'a boolean', fr: 'un booléen' },
    bigint: { en: 'a bigint', fr: 'un grand entier' },
    symbol: { en: 'a symbol', fr: 'un symbole' },
    function: { en: 'a function', fr: 'une fonction' },
  },
  value: { en: 'value', fr: 'Valeur' },
} satisfies { types: Record<string, Texts>; value: Texts };
