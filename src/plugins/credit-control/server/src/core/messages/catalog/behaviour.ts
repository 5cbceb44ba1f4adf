import type { Texts } from '../render';

/** Payment behaviour (payment-behaviour.ts) and accepting its suggested colour. */
export const behaviourTexts = {
  behaviourNotConfigured: {
    en: 'payment behaviour is not configured: map reports.invoices.paidOnField (the date an invoice was fully paid)',
    fr: 'le comportement de paiement n’est pas configuré : renseignez reports.invoices.paidOnField (la date de paiement complet d’une facture)',
  },
  colourFieldNotMapped: {
    en: 'accepting a colour needs behaviour.colourField: the party field that holds the reliability colour',
    fr: 'accepter une couleur demande behaviour.colourField : le champ du tiers qui porte la couleur de fiabilité',
  },
  colourExpected: {
    en: '{field} must be the suggested colour: green, amber or red',
    fr: '{field} doit être la couleur suggérée : green (vert), amber (orange) ou red (rouge)',
  },
  colourNoSuggestion: {
    en: 'no colour is suggested for {party}: none of its invoices of the last {months} months is paid or past due',
    fr: 'aucune couleur n’est suggérée pour {party} : aucune de ses factures des {months} derniers mois n’est payée ou échue',
  },
  colourSuggestionChanged: {
    en: 'the suggested colour is now {suggested}, not {colour}: read the figures again before accepting',
    fr: 'la couleur suggérée est maintenant {suggested}, et non {colour} : relisez les chiffres avant d’accepter',
  },
  logColourAccepted: {
    en: 'Reliability colour {colour} accepted (was {previous}): {lateShare} % of invoices paid late, {daysLate} days late on average, DSO {dso} days',
    fr: 'Couleur de fiabilité {colour} acceptée (avant : {previous}) : {lateShare} % des factures payées en retard, {daysLate} jours de retard en moyenne, DSO {dso} jours',
  },
  colourGreen: { en: 'green', fr: 'vert' },
  colourAmber: { en: 'amber', fr: 'orange' },
  colourRed: { en: 'red', fr: 'rouge' },
  colourNone: { en: 'none', fr: 'aucune' },
} satisfies Record<string, Texts>;
