import type { Texts } from '../render';

/** Why VIES could not say whether a VAT number is registered (src/domain/vies.ts). */
export const viesTexts = {
  viesMemberStateUnavailable: {
    en: "MS_UNAVAILABLE: the member state's VAT service is not available",
    fr: 'MS_UNAVAILABLE : le service TVA de l’État membre n’est pas disponible',
  },
  viesServiceUnavailable: {
    en: 'SERVICE_UNAVAILABLE: the VIES service is not available',
    fr: 'SERVICE_UNAVAILABLE : le service VIES n’est pas disponible',
  },
  viesTimeout: {
    en: "TIMEOUT: the member state's VAT service did not answer in time",
    fr: 'TIMEOUT : le service TVA de l’État membre n’a pas répondu à temps',
  },
  viesMemberStateBusy: {
    en: "MS_MAX_CONCURRENT_REQ: too many requests to the member state's VAT service",
    fr: 'MS_MAX_CONCURRENT_REQ : trop de demandes en cours auprès du service TVA de l’État membre',
  },
  viesBusy: {
    en: 'GLOBAL_MAX_CONCURRENT_REQ: too many requests to VIES',
    fr: 'GLOBAL_MAX_CONCURRENT_REQ : trop de demandes en cours auprès de VIES',
  },
  viesCouldNotCheck: {
    en: '{code}: VIES could not check the number',
    fr: '{code} : VIES n’a pas pu vérifier le numéro',
  },
  viesUnreadable: {
    en: 'VIES sent an unreadable answer',
    fr: 'VIES a envoyé une réponse illisible',
  },
  viesNoVerdict: {
    en: 'VIES did not say whether the number is valid',
    fr: 'VIES n’a pas indiqué si le numéro est valide',
  },
  viesNotRegistered: {
    en: 'VIES does not know this VAT number',
    fr: 'VIES ne connaît pas ce numéro de TVA',
  },
} satisfies Record<string, Texts>;
