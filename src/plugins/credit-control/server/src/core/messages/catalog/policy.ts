import type { Texts } from '../render';

/** A policy (blocking rules) as written through any API: what is refused, and why. */
export const policyTexts = {
  policyDataObject: {
    en: 'data must be an object of policy fields',
    fr: '« data » doit être un objet des champs des règles de blocage',
  },
  policyPartyFromPath: {
    en: 'party is the one in the path: a policy cannot move to another party',
    fr: 'le client est celui du chemin : des règles de blocage ne passent pas à un autre client',
  },
  fieldSetByPlugin: {
    en: '{field} is set by the plugin',
    fr: '{field} est renseigné par le plugin',
  },
  fieldSetOnBlock: {
    en: '{field} is set by the plugin when a party is blocked',
    fr: '{field} est renseigné par le plugin quand un client est bloqué',
  },
  notPolicyField: {
    en: '{field} is not a policy field (fields: {fields})',
    fr: '{field} n’est pas un champ des règles de blocage (champs : {fields})',
  },
  listAmong: {
    en: '{field} must be a list among: {allowed}',
    fr: '{field} doit être une liste parmi : {allowed}',
  },
  thresholdFormat: {
    en: '{field} must be a non-negative amount with at most 2 decimals and 13 digits',
    fr: '{field} doit être un montant positif ou nul, d’au plus 13 chiffres et 2 décimales',
  },
  policyPartyMissing: {
    en: 'party must be the documentId of an existing {uid}',
    fr: 'le client doit être le documentId d’une fiche {uid} existante',
  },
  policyExists: {
    en: 'party {party} already has a policy: change it with PUT /parties/{party}/policy',
    fr: 'le client {party} a déjà des règles de blocage : modifiez-les avec PUT /parties/{party}/policy',
  },
  policyNoMove: {
    en: 'a policy cannot move to another party',
    fr: 'des règles de blocage ne passent pas à un autre client',
  },
  policyNotOfferedIn: {
    en: 'blocking rules are not offered on this party: its {field} must be {values}',
    fr: 'les règles de blocage ne s’appliquent pas à cette fiche : son champ {field} doit valoir {values}',
  },
  policyNotOfferedNotIn: {
    en: 'blocking rules are not offered on this party: its {field} must be other than {values}',
    fr: 'les règles de blocage ne s’appliquent pas à cette fiche : son champ {field} ne doit pas valoir {values}',
  },
  overrideGrantForbidden: {
    en: 'Granting an override needs the credit-control override permission',
    fr: 'Accorder un forçage demande la permission de forçage du contrôle des encours',
  },
  overrideNeedsReason: {
    en: 'an override needs a reason',
    fr: 'un forçage demande un motif',
  },
  blockNeedsReason: {
    en: 'blocking a customer needs a reason',
    fr: 'bloquer un client demande un motif',
  },
  policyNotFound: {
    en: 'party {party} has no policy (mode none applies)',
    fr: 'le client {party} n’a pas de règles de blocage (aucun blocage ne s’applique)',
  },
  // limit history and four-eyes approval: why a request cannot be decided, or a change is held
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
