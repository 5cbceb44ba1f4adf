import { word, type WordParam } from '../render';

/**
 * How a French clerk knows the fields and parameters the plugin's messages name: the labels the
 * plugin's admin shows beside them. English messages keep the API's own names (what a client sends).
 */
const FRENCH_LABELS: Record<string, string> = {
  // paging, searching, the decision log's filters
  page: 'page',
  pageSize: 'taille de page',
  q: 'recherche',
  // a limit change request
  id: 'numéro de la demande',
  partyName: 'Client (code ou nom)',
  outcome: 'Décision',
  actor: 'Utilisateur',
  from: 'Du',
  to: 'Au',
  // a policy (blocking rules)
  data: 'data',
  party: 'Client',
  mode: 'Blocage sur encours',
  threshold: 'Seuil',
  currency: 'Devise',
  gates: 'Bloquer la création / modification de',
  buckets: 'Calculer l’encours à partir de',
  callTaking: 'Blocage de la prise d’appel',
  blocked: 'Bloqué',
  blockedReason: 'Motif du blocage',
  blockedAt: 'Bloqué le',
  blockedBy: 'Bloqué par',
  group: 'Compter les filiales du groupe',
  overrideUntil: 'Forcé jusqu’au',
  overrideReason: 'Motif du forçage',
  reason: 'Motif',
  // temporary limits, credit insurance, default policies
  amount: 'Montant',
  insurer: 'Assureur',
  reference: 'Référence du contrat',
  insuredAmount: 'Montant assuré',
  expiresOn: 'Échéance',
  capAtInsured: 'Plafonner au montant assuré',
  horizonDays: 'Horizon (jours)',
  overdueRules: 'Règles de retard',
  key: 'Clé',
  value: 'Valeur',
  // report criteria
  company: 'Société',
  division: 'Division',
  entity: 'Établissement',
  codeFrom: 'Code client de',
  codeTo: 'Code client à',
  dueBy: 'Factures à échéance jusqu’au',
  dueBefore: 'Factures échues avant le',
  paymentsUntil: 'Règlements jusqu’au',
  asOf: 'Date d’échéancier (au)',
  sort: 'Tri',
  locale: 'Langue de l’état',
  format: 'Format',
  kind: 'Type',
  invoice: 'Facture',
  // a dunning email
  subject: 'Titre',
  level: 'Niveau',
  recipients: 'Destinataires',
  attachments: 'Autres pièces jointes',
  record: 'Enregistrer les niveaux atteints',
  letterPdf: 'La lettre de relance (PDF)',
};

/** A field or parameter as a message names it: its API name in English, its label between « » in French. */
export const fieldName = (key: string): WordParam => word({ en: key, fr: `« ${FRENCH_LABELS[key] ?? key} »` });
