/**
 * The three levels seeded at first boot, in French and English; editable afterwards (policy.edit).
 * The formal notice goes by registered letter and claims the recovery indemnity per invoice rather
 * than a fee of its own; a level follows the one below after its interval (days).
 */
export const DEFAULT_LEVELS = [
  {
    code: 'friendly', rank: 1, minDaysOverdue: 1, minDaysSincePrevious: 0, registeredMail: false, claimsIndemnity: false, fee: '0.00', interestRate: '0', language: 'fr', name: 'Relance amiable',
    subject: 'Relance : factures échues au {{asOf}}',
    body:
      'Madame, Monsieur,\n\nSauf erreur ou omission de notre part, les factures ci-dessous restent impayées à ce jour, pour un montant de {{total}}. ' +
      'Il s’agit probablement d’un oubli : nous vous remercions de bien vouloir procéder à leur règlement dans les meilleurs délais.\n\n' +
      'Si votre règlement a été émis entre-temps, nous vous prions de ne pas tenir compte de la présente.',
  },
  {
    code: 'firm', rank: 2, minDaysOverdue: 15, minDaysSincePrevious: 10, registeredMail: false, claimsIndemnity: false, fee: '15.00', interestRate: '0', language: 'fr', name: 'Seconde relance',
    subject: 'Seconde relance : factures impayées au {{asOf}}',
    body:
      'Madame, Monsieur,\n\nMalgré notre précédente relance, nous constatons que les factures ci-dessous, d’un montant de {{total}}, ne sont toujours pas réglées. ' +
      'Nous vous demandons de bien vouloir en effectuer le paiement sous quinze jours à compter de la réception de ce courrier.\n\n' +
      'Des frais de relance vous sont facturés conformément à nos conditions générales de vente.',
  },
  {
    code: 'formal', rank: 3, minDaysOverdue: 30, minDaysSincePrevious: 15, registeredMail: true, claimsIndemnity: true, fee: '0.00', interestRate: '12.15', language: 'fr', name: 'Mise en demeure',
    subject: 'Mise en demeure de payer',
    body:
      'Madame, Monsieur,\n\nLes factures ci-dessous restent impayées malgré leur échéance. Nous vous mettons en demeure de nous régler la somme de {{total}}, ' +
      'intérêts de retard compris, dans un délai de huit jours à compter de la réception de la présente.\n\n' +
      'À défaut de règlement dans ce délai, nous engagerons sans autre avis une procédure de recouvrement judiciaire, dont les frais resteront à votre charge.',
  },
  {
    code: 'friendly', rank: 1, minDaysOverdue: 1, minDaysSincePrevious: 0, registeredMail: false, claimsIndemnity: false, fee: '0.00', interestRate: '0', language: 'en', name: 'Friendly reminder',
    subject: 'Reminder: invoices overdue as of {{asOf}}',
    body:
      'Dear Sir or Madam,\n\nOur records show that the invoices below, totalling {{total}}, are still unpaid. ' +
      'This is probably an oversight: we would be grateful if you could settle them at your earliest convenience.\n\n' +
      'If you have already sent your payment, please disregard this letter.',
  },
  {
    code: 'firm', rank: 2, minDaysOverdue: 15, minDaysSincePrevious: 10, registeredMail: false, claimsIndemnity: false, fee: '15.00', interestRate: '0', language: 'en', name: 'Firm reminder',
    subject: 'Second reminder: invoices unpaid as of {{asOf}}',
    body:
      'Dear Sir or Madam,\n\nDespite our previous reminder, the invoices below, totalling {{total}}, remain unpaid. ' +
      'Please settle them within fifteen days of receiving this letter.\n\nA dunning fee is charged in accordance with our terms and conditions.',
  },
  {
    code: 'formal', rank: 3, minDaysOverdue: 30, minDaysSincePrevious: 15, registeredMail: true, claimsIndemnity: true, fee: '0.00', interestRate: '12.15', language: 'en', name: 'Formal notice',
    subject: 'Formal notice to pay',
    body:
      'Dear Sir or Madam,\n\nThe invoices below remain unpaid past their due date. We hereby give you formal notice to pay {{total}}, ' +
      'late-payment interest included, within eight days of receiving this letter.\n\n' +
      'Failing payment within that period, we will start legal recovery proceedings without further notice, at your expense.',
  },
] as const;
