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
