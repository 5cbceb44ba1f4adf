import type { Texts } from '../render';

/** Limit history and four-eyes approval: why a request cannot be decided, or a change is held. */
export const limitTexts = {
  limitApproveForbidden: {
    en: 'Approving or rejecting a limit change needs the credit-control "approve limit changes" permission (admin users only)',
    fr: 'Approuver ou refuser un changement de limite demande la permission « approuver les changements de limite » du contrôle des encours (utilisateurs de l’administration seulement)',
  },
  limitSelfApproval: {
    en: 'A limit change is approved or rejected by someone other than its requester (four eyes)',
    fr: 'Un changement de limite est approuvé ou refusé par une autre personne que son demandeur (double validation)',
  },
  limitRequestNotPending: {
    en: 'limit change request {id} is no longer pending (it is {status})',
    fr: 'la demande de changement de limite {id} n’est plus en attente (elle est {status})',
  },
  limitRequestNotFound: {
    en: 'there is no limit change request {id}',
    fr: 'il n’y a pas de demande de changement de limite {id}',
  },
  limitRequestStale: {
    en: 'the policy changed since limit change request {id} was made: it no longer applies',
    fr: 'les règles de blocage ont changé depuis la demande de changement de limite {id} : elle ne s’applique plus',
  },
  limitDeleteNeedsApproval: {
    en: 'Removing the blocking rules of a party lifts its limit: it needs the "approve limit changes" permission',
    fr: 'Supprimer les règles de blocage d’un client lève sa limite : cela demande la permission « approuver les changements de limite »',
  },
  limitCancelForbidden: {
    en: 'only its requester, or someone who may approve it, cancels limit change request {id}',
    fr: 'seul son demandeur, ou une personne qui peut l’approuver, annule la demande de changement de limite {id}',
  },
} satisfies Record<string, Texts>;
