import type { Texts } from '../render';

/**
 * Documents made from documents (src/domain/flow/): taking more than the source holds, splitting a
 * source, billing an item once. `{source}` names a document ("devis D-12"), `{verb}` what making it
 * is called (flowWords.verbs), `{holder}` the number of the document that holds an item.
 */
export const flowTexts = {
  flowLineOverTaken: {
    en: 'line {line}{name} of {source}: {taken} {verb}, more than its quantity {quantity}',
    fr: '{source}, ligne {line}{name} : quantité {verb} {taken}, supérieure à sa quantité {quantity}',
  },
  flowAmountOverTaken: {
    en: '{source}: {amount} {verb}, more than its pre-tax amount {whole}',
    fr: '{source} : montant {verb} {amount}, supérieur à son montant HT {whole}',
  },
  flowSplitNoSourceLine: {
    en: 'no line of the source has key {key}',
    fr: 'aucune ligne du document d’origine n’a l’identifiant {key}',
  },
  flowSplitQuantity: {
    en: 'quantity must be a number above 0 with at most 3 decimals',
    fr: 'la quantité doit être un nombre supérieur à 0, avec au plus 3 décimales',
  },
  flowSplitPercentage: {
    en: 'percentage must be above 0 and at most 100',
    fr: 'le pourcentage doit être supérieur à 0 et au plus égal à 100',
  },
  flowSplitAmount: {
    en: 'amount must be above 0 with at most 2 decimals',
    fr: 'le montant doit être supérieur à 0, avec au plus 2 décimales',
  },
  flowSplitAmountAboveFree: {
    en: 'amount {amount} is more than the {free} left (pre-tax)',
    fr: 'le montant {amount} dépasse les {free} HT qui restent',
  },
  flowSplitBy: {
    en: 'by must be quantity, percentage or amount',
    fr: 'by (la façon de reprendre) doit valoir quantity, percentage ou amount',
  },
  flowSplitNothingLeft: {
    en: 'nothing is left to pass on from the source',
    fr: 'il ne reste rien à reprendre du document d’origine',
  },
  flowItemNotBillable: {
    en: 'this item of {source} cannot be {verb} ({field} is not {values})',
    fr: '{source} : cet élément ne peut pas être {verb} ({field} n’est pas {values})',
  },
  flowItemAlreadyHeld: {
    en: 'this item of {source} is already {verb} by {holder}',
    fr: '{source} : cet élément est déjà {verb} dans {holder}',
  },
  flowItemTwice: {
    en: 'two lines bill the same item of {source}',
    fr: '{source} : deux lignes facturent le même élément',
  },
  flowHeldItemRemoved: {
    en: 'an item {verb} by {holder} cannot be removed: cancel {holder} first',
    fr: 'un élément {verb} dans {holder} ne peut pas être supprimé : annulez d’abord {holder}',
  },
  flowHeldItemMustStay: {
    en: 'an item {verb} by {holder} must stay {field}: cancel {holder} first',
    fr: 'un élément {verb} dans {holder} doit garder {field} coché : annulez d’abord {holder}',
  },
} satisfies Record<string, Texts>;

/**
 * French words the flow's messages are built of (src/domain/flow/wording.ts). A document type and
 * a step are named by the type's label (src/labels, src/domain/flow/steps.ts), not here.
 */
export const flowWords = {
  /** an item's checkbox that lets it be billed (a declaration's `itemWhen.field`), by its label */
  itemFields: {
    rebillable: '« Refacturable »',
    held: '« Session réalisée »',
  } as Record<string, string | undefined>,
  checked: 'coché',
  unchecked: 'décoché',
};
