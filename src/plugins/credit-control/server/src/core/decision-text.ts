import { formatMinor, toMinor } from './money';
import type { Locale } from './locale';
import type { Reason, Outcome } from './decision';

/** What a decision's sentence needs beyond its figures. */
export interface DecisionFacts {
  /** judged on a group's limit rather than the party's own */
  group?: boolean;
  /** the party as a clerk knows it, when the sentence names it */
  party?: string;
  gate?: string;
  /** the credit controller's note on a manual block */
  blockedReason?: string | null;
  /** currencies with no rate to the policy currency */
  missingRates?: string[];
  deleting?: boolean;
  /** the overdue rule that fired: its limit and the party's figure (days, a decimal amount, a level) */
  overdue?: { limit: string; actual: string };
}

export interface TextInput {
  outcome: Outcome;
  reason: Reason;
  exposureAfter: bigint;
  threshold: bigint;
  currency: string;
  facts?: DecisionFacts;
}

/** Each reason's sentence, made only when asked for: a write needs one, and each formats its amounts. */
type Sentences = (money: (minor: bigint) => string, input: Required<TextInput>) => Record<Reason, () => string>;

const en: Sentences = (money, { outcome, exposureAfter, threshold, currency, facts }) => {
  const who = facts.group ? ' for the group' : facts.party ? ` for ${facts.party}` : '';
  const over = `outstanding ${money(exposureAfter)} exceeds the ${money(threshold)} threshold`;
  const late = facts.overdue ?? { limit: '', actual: '' };
  const amount = (decimal: string) => money(toMinor(decimal || '0', currency));
  return {
    notGated: () => 'not gated',
    modeNone: () => 'no blocking',
    manualBlock: () => `Credit blocked${who}: the customer is blocked for total receivables${facts.blockedReason ? ` (${facts.blockedReason})` : ''}`,
    blockAll: () => `Credit blocked${who}: every ${facts.gate ?? ''} write is blocked, whatever the outstanding amount`,
    withinThreshold: () => `outstanding ${money(exposureAfter)} within the ${money(threshold)} threshold`,
    overThreshold: () => outcome === 'warned' ? `Credit alert${who}: ${over}` : `Credit blocked${who}: ${over}`,
    lowersExposure: () => facts.deleting ? 'removal does not raise the outstanding amount' : `lowers the outstanding amount to ${money(exposureAfter)}`,
    missingRate: () => `Credit check impossible: no exchange rate from ${(facts.missingRates ?? []).join(', ')} to ${currency}. Add the rate before saving.`,
    overdueDays: () => `Credit ${outcome === 'warned' ? 'alert' : 'blocked'}${who}: the oldest unpaid invoice is ${late.actual} days past due (more than ${late.limit} days)`,
    overdueAmount: () => `Credit ${outcome === 'warned' ? 'alert' : 'blocked'}${who}: ${amount(late.actual)} is past due (more than ${amount(late.limit)})`,
    dunningLevel: () => `Credit ${outcome === 'warned' ? 'alert' : 'blocked'}${who}: the customer is at dunning level ${late.actual} (level ${late.limit} or above)`,
    callTakingClear: () => 'no call-taking rule stops this issue',
    callTakingUnpaidOnContract: () => outcome === 'refused' ? 'Call taking blocked: an invoice of this contract is not paid' : 'Call-taking alert: an invoice of this contract is not paid',
    callTakingUnpaidOnCustomer: () => outcome === 'refused' ? 'Call taking blocked: an invoice of this customer is not paid' : 'Call-taking alert: an invoice of this customer is not paid',
    callTakingUnderWatch: () => outcome === 'refused' ? 'Call taking blocked: no issue can be entered for this customer before a check is done' : 'Call-taking alert: this customer is under watch',
  };
};

const fr: Sentences = (money, { outcome, exposureAfter, threshold, currency, facts }) => {
  const who = facts.group ? ' pour le groupe' : facts.party ? ` pour ${facts.party}` : '';
  const over = `l’encours de ${money(exposureAfter)} dépasse le seuil de ${money(threshold)}`;
  const late = facts.overdue ?? { limit: '', actual: '' };
  const amount = (decimal: string) => money(toMinor(decimal || '0', currency));
  return {
    notGated: () => 'non contrôlé',
    modeNone: () => 'aucun blocage',
    manualBlock: () => `Crédit bloqué${who} : le client est bloqué sur l’encours total${facts.blockedReason ? ` (${facts.blockedReason})` : ''}`,
    blockAll: () => `Crédit bloqué${who} : toute création ou modification de ce type de pièce est bloquée, quel que soit l’encours`,
    withinThreshold: () => `encours de ${money(exposureAfter)} dans la limite du seuil de ${money(threshold)}`,
    overThreshold: () => outcome === 'warned' ? `Alerte crédit${who} : ${over}` : `Crédit bloqué${who} : ${over}`,
    lowersExposure: () => facts.deleting ? 'la suppression n’augmente pas l’encours' : `ramène l’encours à ${money(exposureAfter)}`,
    missingRate: () => `Contrôle du crédit impossible : aucun taux de change de ${(facts.missingRates ?? []).join(', ')} vers ${currency}. Ajoutez le taux avant d’enregistrer.`,
    overdueDays: () => `${outcome === 'warned' ? 'Alerte crédit' : 'Crédit bloqué'}${who} : la plus ancienne facture impayée est échue depuis ${late.actual} jours (plus de ${late.limit} jours)`,
    overdueAmount: () => `${outcome === 'warned' ? 'Alerte crédit' : 'Crédit bloqué'}${who} : ${amount(late.actual)} sont échus (plus de ${amount(late.limit)})`,
    dunningLevel: () => `${outcome === 'warned' ? 'Alerte crédit' : 'Crédit bloqué'}${who} : le client est au niveau de relance ${late.actual} (niveau ${late.limit} ou plus)`,
    callTakingClear: () => 'aucune règle de prise d’appel n’arrête cette demande',
    callTakingUnpaidOnContract: () => outcome === 'refused' ? 'Prise d’appel bloquée : une facture de ce contrat n’est pas réglée' : 'Alerte prise d’appel : une facture de ce contrat n’est pas réglée',
    callTakingUnpaidOnCustomer: () => outcome === 'refused' ? 'Prise d’appel bloquée : une facture de ce client n’est pas réglée' : 'Alerte prise d’appel : une facture de ce client n’est pas réglée',
    callTakingUnderWatch: () => outcome === 'refused' ? 'Prise d’appel bloquée : aucune demande ne peut être saisie pour ce client avant vérification' : 'Alerte prise d’appel : ce client est sous surveillance',
  };
};

const SENTENCES: Record<Locale, Sentences> = { en, fr };

/** A decision's sentence for people, in `locale`, with amounts written in its convention. */
export function decisionText(input: TextInput, locale: Locale): string {
  const money = (minor: bigint) => formatMinor(minor, input.currency, locale);
  // Object.assign, not a spread with a property after it: Node 20's V8 adds that property on a slow path (~1 µs each)
  return SENTENCES[locale](money, Object.assign({}, input, { facts: input.facts ?? {} }))[input.reason]();
}
