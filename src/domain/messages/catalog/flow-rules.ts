import type { Texts } from '../render';

/**
 * The sales flow's checks on every write (src/flow): documents made from documents, items billed
 * once, line keys, revisions, contracts, allocations, derived figures. {source}: a document and its
 * number ("order ORD-1", "la commande ORD-1"); {state}: a state as stored, « its label » in French;
 * {step}: the flow step ("delivered"), in French in the form the sentence needs ("livraison",
 * "livrée", "livrés"); {link}, {field}: a field's API name, « its label » in French.
 */
export const flowRulesTexts = {
  sourceOtherCurrency: { en: '{source} is in another currency', fr: '{source} est dans une autre devise' },
  sourceOtherCustomer: { en: '{source} is for another customer', fr: '{source} concerne un autre client' },
  sourceStateBlocks: { en: '{source} is {state}: it cannot be {step}', fr: '{source} est à l’état {state} : {step} impossible' },
  sourceKeyNoLine: {
    en: 'sourceKey {sourceKey} names no line of the linked {link}',
    fr: 'la ligne d’origine {sourceKey} ne correspond à aucune ligne de la pièce liée ({link})',
  },
  severalSourcesNeedSourceKey: {
    en: 'a document made from several {link} names the line each of its lines comes from',
    fr: 'une pièce établie à partir de plusieurs pièces ({link}) indique la ligne d’origine de chacune de ses lignes',
  },
  madeFromThis: {
    en: 'documents were made from this {type} ({step}): cancel them first',
    fr: 'des pièces ont été établies à partir de {type} ({step}) : annulez-les d’abord',
  },
  takenLineRemoved: { en: 'a line that was {step} cannot be removed', fr: 'une ligne déjà {step} ne peut pas être supprimée' },
  invoiceHasPayments: {
    en: 'payments are allocated to this invoice: un-allocate them first',
    fr: 'des encaissements sont affectés à cette facture : désaffectez-les d’abord',
  },
  sourceBilledOtherCustomer: { en: '{source} is billed to another customer', fr: '{source} est à facturer à un autre client' },
  sourceItemsStateBlocks: {
    en: '{source} is {state}: its items cannot be {step}',
    fr: '{source} est à l’état {state} : ses éléments ne peuvent pas être {step}',
  },
  sourceKeyNoItem: {
    en: 'sourceKey {sourceKey} names no item of the linked {link}',
    fr: 'la ligne d’origine {sourceKey} ne correspond à aucun élément des pièces liées ({link})',
  },
  itemsHeldCancelFirst: {
    en: 'its items are {step} by {numbers}: cancel them first',
    fr: 'ses éléments sont {step} par {numbers} : annulez d’abord ces pièces',
  },
  itemsHeldStateStays: {
    en: 'its items are {step} by {numbers}: it stays {states} until they are cancelled',
    fr: 'ses éléments sont {step} par {numbers} : la pièce reste à l’état {states} tant que celles-ci ne sont pas annulées',
  },
  lineKeyUnknown: {
    en: 'key {key} names no line of this document: leave it out for a new line',
    fr: 'l’identifiant de ligne {key} ne correspond à aucune ligne de cette pièce : ne l’indiquez pas pour une nouvelle ligne',
  },
  lineKeyTwice: { en: 'key {key} is on two lines', fr: 'l’identifiant de ligne {key} figure sur deux lignes' },
  quotationRevisesItself: { en: 'a quotation cannot revise itself', fr: 'un devis ne peut pas être la révision de lui-même' },
  revisedOtherCustomer: { en: 'quotation {quotation} is for another customer', fr: 'le devis {quotation} concerne un autre client' },
  quotationNotRevisable: {
    en: 'quotation {quotation} is {state}: only an open, latest version can be revised',
    fr: 'le devis {quotation} est à l’état {state} : seule la dernière version, encore ouverte, peut être révisée',
  },
  quotationAlreadyRevised: {
    en: 'quotation {quotation} already has a revision: revise the latest one',
    fr: 'le devis {quotation} a déjà une révision : révisez la plus récente',
  },
  contractOtherCustomer: { en: 'contract {contract} is for another customer', fr: 'le contrat {contract} concerne un autre client' },
  contractOtherCurrency: { en: 'contract {contract} is in another currency', fr: 'le contrat {contract} est dans une autre devise' },
  contractNotActive: {
    en: 'contract {contract} is {state}: only an active contract is billed',
    fr: 'le contrat {contract} est à l’état {state} : seul un contrat actif est facturé',
  },
  contractNoteNeedsPeriod: {
    en: 'a delivery note from contract {contract} names the period it bills',
    fr: 'un bon de livraison issu du contrat {contract} indique la période qu’il facture',
  },
  contractNoPeriodOn: {
    en: 'no billing period of contract {contract} starts on {start}',
    fr: 'aucune période de facturation du contrat {contract} ne commence le {start}',
  },
  contractPeriodEnds: {
    en: 'the period of contract {contract} that starts on {start} ends on {end}',
    fr: 'la période du contrat {contract} qui commence le {start} se termine le {end}',
  },
  contractPeriodBilledBy: {
    en: 'the period from {start} of contract {contract} is already billed by delivery {delivery}',
    fr: 'la période du {start} du contrat {contract} est déjà facturée par le bon de livraison {delivery}',
  },
  contractHasNotes: {
    en: 'delivery notes were made from contract {contract}: cancel them first',
    fr: 'des bons de livraison ont été établis à partir du contrat {contract} : annulez-les d’abord',
  },
  contractNoteOutOfTerms: {
    en: 'delivery {delivery} bills {start} to {end}, which would no longer be a period of this contract: cancel it first',
    fr: 'le bon de livraison {delivery} facture du {start} au {end}, qui ne serait plus une période de ce contrat : annulez-le d’abord',
  },
  invoiceAllocatedTwice: {
    en: 'invoice {invoice} is allocated twice on this receipt: one line per invoice',
    fr: 'la facture {invoice} est affectée deux fois sur cet encaissement : une ligne par facture',
  },
  allocatedCreditNote: { en: '{invoice} is a credit note: a receipt pays invoices', fr: '{invoice} est un avoir : un encaissement paie des factures' },
  invoiceNotPayable: {
    en: 'invoice {invoice} is {state}: only an issued invoice can be paid',
    fr: 'la facture {invoice} est à l’état {state} : seule une facture émise peut être réglée',
  },
  invoiceOtherCustomer: { en: 'invoice {invoice} is billed to another customer', fr: 'la facture {invoice} est adressée à un autre client' },
  invoiceOtherCurrency: { en: 'invoice {invoice} is in another currency', fr: 'la facture {invoice} est dans une autre devise' },
  invoiceOverpaid: {
    en: 'invoice {invoice} would be paid {allocated}, more than its total {total} (tax included)',
    fr: 'la facture {invoice} serait réglée à hauteur de {allocated}, plus que son total TTC de {total}',
  },
  derivedField: {
    en: '{field} is derived from the linked documents and cannot be set',
    fr: 'le champ {field} découle des pièces liées et ne peut pas être saisi',
  },
  derivedState: {
    en: 'state {state} follows from the linked documents and cannot be set',
    fr: 'l’état {state} découle des pièces liées et ne peut pas être saisi',
  },
  derivedStateOnlyCancel: {
    en: 'state {state} follows from the linked documents: it can only be cancelled',
    fr: 'l’état {state} découle des pièces liées : la pièce peut seulement être annulée',
  },
} satisfies Record<string, Texts>;
