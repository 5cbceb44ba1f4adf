import type { Texts } from '../render';

/** The decision log's entries that are not a write's decision: policy changes, blocks and unblocks. */
export const logTexts = {
  logPolicyCreated: {
    en: 'Blocking rules created: {mode}, threshold {threshold}',
    fr: 'Règles de blocage créées : {mode}, seuil {threshold}',
  },
  logPolicyChanged: {
    en: 'Blocking rules changed: {mode}, threshold {threshold}',
    fr: 'Règles de blocage modifiées : {mode}, seuil {threshold}',
  },
  logPolicyDeleted: {
    en: 'Blocking rules deleted',
    fr: 'Règles de blocage supprimées',
  },
  logPolicyDeletedWithParty: {
    en: 'Blocking rules deleted with the customer',
    fr: 'Règles de blocage supprimées avec le client',
  },
  // beside the record's own "Customer blocked for total receivables" banner: the entry says what happened, not who
  logBlocked: {
    en: 'Blocked for total receivables: {reason}',
    fr: 'Bloqué sur l’encours total : {reason}',
  },
  logUnblocked: {
    en: 'Unblocked: {reason}',
    fr: 'Débloqué : {reason}',
  },
  logUnblockedNoReason: {
    en: 'Unblocked',
    fr: 'Débloqué',
  },
  // the modes, as a policy entry names them
  modeWordNone: { en: 'no blocking', fr: 'pas de blocage' },
  modeWordAlert: { en: 'alert', fr: 'alerte' },
  modeWordBlock: { en: 'block', fr: 'blocage' },
  modeWordBlockAll: { en: 'block every write', fr: 'blocage de toute action' },
} satisfies Record<string, Texts>;
