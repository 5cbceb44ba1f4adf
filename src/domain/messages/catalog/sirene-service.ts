import type { Texts } from '../render';

/** The SIRENE and VIES look-ups (src/api/identification): the registries' failures, as the clerk reads them. */
export const sireneServiceTexts = {
  sireneNotConfigured: { en: 'SIRENE is not configured', fr: 'SIRENE n’est pas configuré' },
  sireneTimeout: { en: 'SIRENE did not answer within {ms} ms', fr: 'SIRENE n’a pas répondu dans le délai de {ms} ms' },
  sireneUnreachable: { en: 'SIRENE cannot be reached ({cause})', fr: 'SIRENE est injoignable ({cause})' },
  sireneUnknownSiret: { en: 'no unit with SIRET {siret}', fr: 'SIRENE ne connaît aucun établissement de SIRET {siret}' },
  sireneUnknownSiren: { en: 'no unit with SIREN {siren}', fr: 'SIRENE ne connaît aucune unité légale de SIREN {siren}' },
  sireneQuotaRetryLater: { en: 'SIRENE request quota exceeded; retry later', fr: 'quota de requêtes SIRENE dépassé ; réessayez plus tard' },
  sireneQuotaRetryIn: { en: 'SIRENE request quota exceeded; retry in {seconds} s', fr: 'quota de requêtes SIRENE dépassé ; réessayez dans {seconds} s' },
  sireneKeyRefused: { en: 'SIRENE refused the API key', fr: 'SIRENE a refusé la clé d’API' },
  sireneFailed: { en: 'SIRENE failed (HTTP {status})', fr: 'SIRENE a échoué (HTTP {status})' },
  sireneNotJson: { en: 'SIRENE sent an answer that is not JSON', fr: 'SIRENE a renvoyé une réponse qui n’est pas du JSON' },
  sireneUnexpected: { en: 'SIRENE sent an unexpected answer: {detail}', fr: 'SIRENE a renvoyé une réponse inattendue : {detail}' },
  viesNotEnabled: { en: 'VIES is not enabled', fr: 'VIES n’est pas activé' },
  viesServiceTimeout: { en: 'VIES did not answer within {ms} ms', fr: 'VIES n’a pas répondu dans le délai de {ms} ms' },
  viesUnreachable: { en: 'VIES cannot be reached ({cause})', fr: 'VIES est injoignable ({cause})' },
  viesFailed: { en: 'VIES failed (HTTP {status})', fr: 'VIES a échoué (HTTP {status})' },
} satisfies Record<string, Texts>;
