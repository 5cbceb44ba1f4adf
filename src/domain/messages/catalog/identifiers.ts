import type { Texts } from '../render';

/** A VAT number whose form is wrong (src/domain/vat.ts). */
export const identifiersTexts = {
  vatNotText: {
    en: 'VAT number must be text',
    fr: 'le numéro de TVA doit être du texte',
  },
  vatEmpty: {
    en: 'VAT number is empty',
    fr: 'le numéro de TVA est vide',
  },
  vatNoCountryPrefix: {
    en: 'VAT number {vat} must start with a two-letter country prefix such as FR or DE',
    fr: 'le numéro de TVA {vat} doit commencer par le préfixe de deux lettres d’un pays, comme FR ou DE',
  },
  vatGreekPrefix: {
    en: 'VAT number {vat} starts with GR, but Greek VAT numbers use the prefix EL ({suggested})',
    fr: 'le numéro de TVA {vat} commence par GR, mais les numéros de TVA grecs ont le préfixe EL ({suggested})',
  },
  vatNotEuPrefix: {
    en: 'VAT number {vat} has prefix {prefix}, which is not an EU VAT prefix',
    fr: 'le numéro de TVA {vat} a le préfixe {prefix}, qui n’est pas un préfixe de TVA de l’Union européenne',
  },
  vatFormat: {
    en: 'VAT number {vat} does not match the {prefix} format: {prefix} followed by {expected}',
    fr: 'le numéro de TVA {vat} ne suit pas le format {prefix} : {prefix} suivi de {expected}',
  },
  vatFrenchFormat: {
    en: 'VAT number {vat} does not match the French format: FR, a 2-character key, then the 9-digit SIREN',
    fr: 'le numéro de TVA {vat} ne suit pas le format français : FR, une clé de 2 caractères, puis le SIREN à 9 chiffres',
  },
  vatFrenchSirenChecksum: {
    en: 'VAT number {vat} contains SIREN {siren}, which fails the SIREN checksum; check the last 9 digits',
    fr: 'le numéro de TVA {vat} contient le SIREN {siren}, dont la clé de contrôle est fausse ; vérifiez les 9 derniers chiffres',
  },
  vatFrenchKey: {
    en: 'VAT number {vat} has key {key}, expected {expected} for SIREN {siren}',
    fr: 'le numéro de TVA {vat} a la clé {key}, alors que celle du SIREN {siren} est {expected}',
  },
} satisfies Record<string, Texts>;
