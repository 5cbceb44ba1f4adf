import type { Texts } from '../render';

/** An invoice's holdback (retenue de garantie, src/domain/holdback.ts). */
export const holdbackTexts = {
  holdbackRateOutOfRange: {
    en: 'holdbackRate is a percentage between 0 and 100 (got {rate})',
    fr: 'le taux de retenue de garantie est un pourcentage entre 0 et 100 (reçu {rate})',
  },
  holdbackRateNeedsTotal: {
    en: 'a holdback rate needs the invoice amount including tax',
    fr: 'un taux de retenue de garantie demande le montant TTC de la facture',
  },
  holdbackAmountNotRate: {
    en: 'holdbackAmount must be {rate}% of {total}, that is {amount}',
    fr: 'le montant de la retenue de garantie doit valoir {rate} % de {total}, soit {amount}',
  },
  holdbackAboveTotal: {
    en: 'the holdback ({amount}) must not exceed the amount including tax ({total})',
    fr: 'la retenue de garantie ({amount}) ne doit pas dépasser le montant TTC ({total})',
  },
  holdbackDueDateComputed: {
    en: 'holdbackDueDate is computed: invoice date + {days} holdback days = {due}',
    fr: 'l’échéance de la retenue de garantie est calculée : date de facture + {days} jours de retenue = {due}',
  },
  holdbackDueDateNeedsAmount: {
    en: 'holdbackDueDate is computed and needs a holdback amount',
    fr: 'l’échéance de la retenue de garantie est calculée et demande un montant de retenue',
  },
} satisfies Record<string, Texts>;
