import type { ReportLocale } from './format';
import { formatRate } from './format';

/** The fixed recovery indemnity French law sets per invoice paid late by a professional (art. L441-10, D441-5). */
export const RECOVERY_INDEMNITY = { amount: '40.00', currency: 'EUR' } as const;

/**
 * Mentions French law requires on dunning letters to professional customers (art. L441-10 du Code
 * de commerce): the late-payment penalty rate and the €40 fixed recovery indemnity per invoice, in
 * the letter's language. Private customers get none. "Professional" is the mapping's
 * `party.professional` (a business customer, whatever its country's identifier).
 */
export function legalMentions(input: { locale: ReportLocale; professional: boolean; lateRatePercent: number | string }): string[] {
  if (!input.professional) return [];
  const rate = formatRate(input.lateRatePercent, input.locale);
  if (input.locale === 'fr') {
    return [
      `Tout retard de paiement entraîne de plein droit des pénalités de retard au taux annuel de ${rate}.`,
      'Une indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ par facture (art. L441-10 du Code de commerce) est due en sus.',
    ];
  }
  return [
    `Any late payment incurs, by operation of law, late-payment penalties at the annual rate of ${rate}.`,
    'A fixed recovery indemnity of €40 per invoice (art. L441-10 of the French Commercial Code) is due in addition.',
  ];
}
