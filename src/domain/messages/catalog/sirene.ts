import type { Texts } from '../render';

/** What INSEE's SIRENE answer leaves out or says about a company (src/domain/sirene.ts). */
export const sireneTexts = {
  sireneApeTooLong: {
    en: 'activity code {naf} does not fit the APE code field (6 characters)',
    fr: 'le code d’activité {naf} ne tient pas dans le champ code APE (6 caractères)',
  },
  sireneAbroad: {
    en: 'the establishment is abroad ({country}): the address country is not filled',
    fr: 'l’établissement est à l’étranger ({country}) : le pays de l’adresse n’est pas renseigné',
  },
  sireneEstablishmentPartlyDiffusible: {
    en: 'the establishment {siret} is only partially diffusible (statut de diffusion {status}): withheld values are not copied',
    fr: 'l’établissement {siret} n’est que partiellement diffusible (statut de diffusion {status}) : les valeurs non diffusibles ne sont pas reprises',
  },
  sireneUnitPartlyDiffusible: {
    en: 'the legal unit {siren} is only partially diffusible (statut de diffusion {status}): withheld values are not copied',
    fr: 'l’unité légale {siren} n’est que partiellement diffusible (statut de diffusion {status}) : les valeurs non diffusibles ne sont pas reprises',
  },
  sireneEstablishmentClosed: {
    en: 'establishment {siret} is closed (since {since})',
    fr: 'l’établissement {siret} est fermé (depuis le {since})',
  },
  sireneEstablishmentClosedUndated: {
    en: 'establishment {siret} is closed (since an unknown date)',
    fr: 'l’établissement {siret} est fermé (depuis une date inconnue)',
  },
  sireneUnitCeased: {
    en: 'legal unit {siren} has ceased trading',
    fr: 'l’unité légale {siren} a cessé son activité',
  },
  sireneUnitCeasedSince: {
    en: 'legal unit {siren} has ceased trading (since {since})',
    fr: 'l’unité légale {siren} a cessé son activité (depuis le {since})',
  },
  sireneUnitCeasedUndated: {
    en: 'legal unit {siren} has ceased trading (since an unknown date)',
    fr: 'l’unité légale {siren} a cessé son activité (depuis une date inconnue)',
  },
  sireneNoHeadOffice: {
    en: 'legal unit {siren} has no head office establishment on record',
    fr: 'l’unité légale {siren} n’a pas d’établissement siège connu',
  },
  sireneNoEstablishment: {
    en: 'the SIRENE answer has no establishment',
    fr: 'la réponse de SIRENE ne contient pas d’établissement',
  },
  sireneNoLegalUnit: {
    en: 'the SIRENE answer has no legal unit',
    fr: 'la réponse de SIRENE ne contient pas d’unité légale',
  },
} satisfies Record<string, Texts>;
