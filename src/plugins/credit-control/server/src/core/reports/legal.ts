import type { ReportLocale } from './format';
import { formatRate } from './format';

/**
 * Mentions French law requires on dunning letters to professional customers (art. L441-10 du Code
 * de commerce): the late-payment penalty rate and the €40 fixed recovery indemnity per invoice.
 * Private customers and English letters carry none.
 */
export function legalMentions(input: { locale: ReportLocale; professional: boolean; lateRatePercent: number | string }): string[] {
  if (input.locale !== 'fr' || !input.professional) return [];
  return [
    `Tout retard de paiement entraîne de plein droit des pénalités de retard au taux annuel de ${formatRate(input.lateRatePercent, 'fr')}.`,
    'Une indemnité forfaitaire pour frais de recouvrement de 40\u00a0€ par facture (art. L441-10 du Code de commerce) est due en sus.',
  ];
}
