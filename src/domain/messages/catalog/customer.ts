import type { Texts } from '../render';

/** A customer's or prospect's own fields (src/domain/customer-rules.ts). */
export const customerTexts = {
  countryNotIso: {
    en: 'country {country} is not an ISO 3166 alpha-2 code',
    fr: 'le pays {country} n’est pas un code ISO 3166 alpha-2',
  },
  siretInvalid: {
    en: 'SIRET {siret} is not valid: 14 digits with a correct check digit expected',
    fr: 'le SIRET {siret} n’est pas valide : 14 chiffres avec une clé de contrôle correcte sont attendus',
  },
  ibanInvalid: {
    en: 'IBAN {iban} is not valid: a country code, two check digits and the account number, with correct check digits, expected',
    fr: 'l’IBAN {iban} n’est pas valide : un code pays, deux chiffres de contrôle et le numéro de compte, avec des chiffres de contrôle corrects, sont attendus',
  },
  bicInvalid: {
    en: 'BIC {bic} is not valid: 8 or 11 letters and digits expected (bank, country, location, branch)',
    fr: 'le BIC {bic} n’est pas valide : 8 ou 11 lettres et chiffres sont attendus (banque, pays, localité, agence)',
  },
  sirenInvalid: {
    en: 'SIREN {siren} is not valid: 9 digits with a correct check digit expected',
    fr: 'le SIREN {siren} n’est pas valide : 9 chiffres avec une clé de contrôle correcte sont attendus',
  },
  sirenNotOfSiret: {
    en: 'SIREN {siren} does not match the SIRET {siret}, whose SIREN is {siretSiren}',
    fr: 'le SIREN {siren} ne correspond pas au SIRET {siret}, dont le SIREN est {siretSiren}',
  },
  vatNumberNotOfSiren: {
    en: 'VAT number {vatNumber} is not the one of SIREN {siren}',
    fr: 'le numéro de TVA {vatNumber} n’est pas celui du SIREN {siren}',
  },
  vatExemptOnlyFrance: {
    en: 'VAT exemption can only be set for customers in France; a customer in {country} is exempt',
    fr: 'l’exonération de TVA ne se saisit que pour un client en France ; un client situé en {country} est exonéré',
  },
  vatExemptOnlyFranceNot: {
    en: 'VAT exemption can only be set for customers in France; a customer in {country} is not exempt',
    fr: 'l’exonération de TVA ne se saisit que pour un client en France ; un client situé en {country} n’est pas exonéré',
  },
  reliabilityColourNeedsRule: {
    en: "the reliability colour needs the company's CLIPRO_COULEUR management rule to be enabled",
    fr: 'la couleur de fiabilité demande que la règle de gestion CLIPRO_COULEUR de la société soit activée',
  },
} satisfies Record<string, Texts>;
