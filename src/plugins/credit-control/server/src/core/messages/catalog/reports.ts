import type { Texts } from '../render';

/** Report criteria (statements, dunning letters, runs) and the report runs themselves. */
export const reportTexts = {
  criteriaNotObject: {
    en: 'the criteria must be an object',
    fr: 'les critères doivent être un objet',
  },
  notCriterion: {
    en: '{field} is not a criterion: use {allowed}',
    fr: '{field} n’est pas un critère : utilisez {allowed}',
  },
  criterionText: {
    en: '{field} must be a text of at most {max} characters',
    fr: '{field} doit être un texte d’au plus {max} caractères',
  },
  dayRequired: {
    en: '{field} is required (a date YYYY-MM-DD)',
    fr: '{field} est obligatoire (une date AAAA-MM-JJ)',
  },
  dayInvalid: {
    en: '{field} must be a date YYYY-MM-DD, got "{got}"',
    fr: '{field} doit être une date AAAA-MM-JJ (reçu « {got} »)',
  },
  notOneOfGot: {
    en: '{field} must be one of {allowed}, got "{got}"',
    fr: '{field} doit valoir l’une de ces valeurs : {allowed} (reçu « {got} »)',
  },
  dunningRunAsOf: {
    en: '{field} is required for a dunning run: the day the letters are dated (YYYY-MM-DD)',
    fr: '{field} est obligatoire pour un traitement de relance : le jour dont les lettres sont datées (AAAA-MM-JJ)',
  },
  reportsNotConfigured: {
    en: 'reports are not configured (credit-control mapping has no "reports" section)',
    fr: 'les états ne sont pas configurés (la correspondance du contrôle des encours n’a pas de section « reports »)',
  },
  criterionNotMapped: {
    en: '{field} is not a criterion of this app',
    fr: '{field} n’est pas un critère de cette application',
  },
  criterionNotFound: {
    en: '{field} "{id}" does not exist',
    fr: '{field} : « {id} » n’existe pas',
  },
  runNotFound: {
    en: 'no report run {id}',
    fr: 'aucun traitement d’états {id}',
  },
  runFileNotReady: {
    en: 'report run {id} is {state}: its file is not ready',
    fr: 'le traitement d’états {id} est {state} : son fichier n’est pas prêt',
  },
  runQueued: { en: 'queued', fr: 'en attente' },
  runRunning: { en: 'running', fr: 'en cours' },
  runFailed: { en: 'failed', fr: 'en échec' },
  runDone: { en: 'done', fr: 'terminé' },
} satisfies Record<string, Texts>;
