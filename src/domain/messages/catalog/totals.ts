import type { Texts } from '../render';

/** A document's amounts against its lines (src/domain/document-totals.ts). */
export const totalsTexts = {
  totalsLineAmountNotProduct: {
    en: 'amountExclTax must be quantity × unit price = {amount}',
    fr: 'le montant HT doit valoir quantité × prix unitaire = {amount}',
  },
  totalsHeaderNotLineSum: {
    en: '{field} must equal the sum of the lines ({total})',
    fr: 'le {field} doit être égal à la somme des lignes ({total})',
  },
  totalsInclNotExclPlusTax: {
    en: 'amountInclTax must be amountExclTax + taxAmount = {amount}',
    fr: 'le montant TTC doit valoir montant HT + montant TVA = {amount}',
  },
  totalsInclBelowExcl: {
    en: 'amountInclTax must not be lower than amountExclTax',
    fr: 'le montant TTC ne doit pas être inférieur au montant HT',
  },
} satisfies Record<string, Texts>;

/** The amounts' names: the field in English, its label (after "le") in French. */
export const totalsWords = {
  amountExclTax: { en: 'amountExclTax', fr: 'montant HT' },
  taxAmount: { en: 'taxAmount', fr: 'montant TVA' },
  amountInclTax: { en: 'amountInclTax', fr: 'montant TTC' },
  quantity: { en: 'quantity', fr: 'Quantité' },
  unitPrice: { en: 'unitPrice', fr: 'Prix unitaire HT' },
} satisfies Record<string, Texts>;
