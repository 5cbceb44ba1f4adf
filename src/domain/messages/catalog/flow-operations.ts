import type { Texts } from '../render';

/**
 * The sales-flow operations (src/flow/operations): making documents from documents, the billing
 * tool, allocations, contract billing, purchases and sub-contracts. {document}, {source}: a
 * document and its number ("order ORD-1", "la commande ORD-1", "de la commande ORD-1" where the
 * French says "of"); {state}, {step}: as in flow.ts; a body parameter's name stays as sent.
 */
export const flowOperationsTexts = {
  documentNotFound: { en: '{document} not found', fr: '{document} introuvable' },
  notOperationField: {
    en: '{field} is not a field of this operation (known: {known})',
    fr: '« {field} » n’est pas un paramètre de cette opération (paramètres connus : {known})',
  },
  articleNotDocumentId: { en: 'article must be the documentId of an article', fr: '« article » doit être le documentId d’un article' },
  articleNeeded: {
    en: 'give the article the lines are billed under (no article with the configured code "{code}")',
    fr: 'indiquez l’article sous lequel les lignes sont facturées (aucun article ne porte le code configuré "{code}")',
  },
  allocateInvoiceNeeded: { en: 'give the invoice (documentId) to allocate to', fr: 'indiquez la facture (documentId) à laquelle affecter l’encaissement' },
  amountAboveZero: { en: 'amount must be above 0', fr: 'le montant doit être supérieur à 0' },
  amountAboveZeroAtMost: { en: 'amount must be above 0 and at most {max}', fr: 'le montant doit être supérieur à 0 et au plus égal à {max}' },
  receiptFullyAllocated: { en: 'the receipt is fully allocated', fr: 'l’encaissement est entièrement affecté' },
  invoiceFullyPaid: { en: 'the invoice is fully paid', fr: 'la facture est entièrement réglée' },
  receiptNotAllocatedTo: { en: 'receipt {receipt} is not allocated to invoice {invoice}', fr: 'l’encaissement {receipt} n’est pas affecté à la facture {invoice}' },
  listOfDocumentIds: { en: '{field} must be a list of documentIds', fr: '« {field} » doit être une liste de documentId' },
  groupingValues: { en: 'grouping must be single or perSource', fr: '« grouping » doit valoir single ou perSource' },
  nothingToInvoice: {
    en: 'give the deliveries or billing tables to be invoiced',
    fr: 'indiquez les bons de livraison ou les tableaux de facturation à facturer',
  },
  sourceNoLinesAlone: { en: '{source} has no lines: invoice it on its own', fr: '{source} n’a pas de lignes : faites-en une facture à part' },
  sourceProblem: { en: '{source}: {problem}', fr: '{source} : {problem}' },
  billedOtherCustomerThan: {
    en: '{document} is billed to another customer than {first}: one invoice is for one customer to bill',
    fr: '{document} est à facturer à un autre client que {first} : une facture ne concerne qu’un seul client à facturer',
  },
  otherCurrencyThan: { en: '{document} is in another currency than {first}', fr: '{document} est dans une autre devise que {first}' },
  numberSeveralInvoices: {
    en: 'one number cannot name several invoices: leave it out with perSource',
    fr: 'un même numéro ne peut pas désigner plusieurs factures : ne l’indiquez pas avec perSource',
  },
  dueDateRequired: {
    en: 'dueDate is required: the day the periods are due (YYYY-MM-DD)',
    fr: '« dueDate » est obligatoire : le jour où les périodes sont dues (AAAA-MM-JJ)',
  },
  companyNotDocumentId: { en: 'company must be the documentId of a company', fr: '« company » doit être le documentId d’une société' },
  noCompany: { en: 'no company {company}', fr: 'aucune société {company}' },
  contractBillingRunNotFound: { en: 'contract billing run {run} not found', fr: 'traitement de facturation des contrats {run} introuvable' },
  notIsoDate: { en: '{field} must be a date YYYY-MM-DD', fr: '« {field} » doit être une date au format AAAA-MM-JJ' },
  contractNoArticle: {
    en: "contract {contract} names no article: the delivery note's VAT and accounts come from it",
    fr: 'le contrat {contract} n’indique pas d’article : la TVA et les comptes du bon de livraison en découlent',
  },
  contractBillsNothing: {
    en: 'contract {contract} bills nothing for {start} – {end}: give it an annual amount',
    fr: 'le contrat {contract} ne facture rien pour la période du {start} au {end} : indiquez-lui un montant annuel',
  },
  contractAllBilled: { en: 'every period of contract {contract} is billed', fr: 'toutes les périodes du contrat {contract} sont facturées' },
  contractPeriodBilled: { en: 'the period from {start} of contract {contract} is already billed', fr: 'la période du {start} du contrat {contract} est déjà facturée' },
  projectNoCustomerToRebill: { en: 'project {project} has no customer to rebill', fr: 'le projet {project} n’a pas de client à qui refacturer' },
  expenseReportNotApproved: {
    en: 'expense report {report} is not an approved report of project {project}',
    fr: 'la note de frais {report} n’est pas une note approuvée du projet {project}',
  },
  nothingToRebill: {
    en: 'no rebillable expense of project {project} is left to rebill',
    fr: 'il ne reste aucun frais refacturable à refacturer sur le projet {project}',
  },
  expensesSeveralCurrencies: {
    en: 'the expenses are in several currencies: rebill each currency on its own (expenseReports)',
    fr: 'les frais sont dans plusieurs devises : refacturez chaque devise à part (expenseReports)',
  },
  nothingLeftToPassOn: { en: 'nothing is left to pass on from the source', fr: 'il ne reste rien à reprendre de la pièce d’origine' },
  byValues: { en: 'by must be {values}', fr: '« by » doit valoir {values}' },
  pricePercentPositive: {
    en: 'pricePercent must be a percentage of the sale price above 0',
    fr: '« pricePercent » doit être un pourcentage du prix de vente supérieur à 0',
  },
  picksShape: { en: 'lines must be a list of { sourceKey, quantity?, unitPrice? }', fr: '« lines » doit être une liste de { sourceKey, quantity?, unitPrice? }' },
  pickNoLine: { en: 'sourceKey {sourceKey} names no line of {source}', fr: 'la ligne d’origine {sourceKey} ne correspond à aucune ligne {source}' },
  pickLineDone: { en: 'line {line} is already {step} in full', fr: 'la ligne {line} est déjà entièrement {step}' },
  quantityAboveZero: { en: 'quantity must be above 0', fr: 'la quantité doit être supérieure à 0' },
  pickTooMuch: {
    en: '{quantity} is more than the {left} left to be {step} of line {line}',
    fr: '{quantity} dépasse les {left} restant à {step} sur la ligne {line}',
  },
  pickPriceNeeded: {
    en: 'give the price: unitPrice on the line, or pricePercent of the sale price',
    fr: 'indiquez le prix : unitPrice sur la ligne, ou pricePercent du prix de vente',
  },
  unitPriceNotNegative: { en: 'unitPrice must be 0 or more', fr: 'le prix unitaire HT doit être positif ou nul' },
  itemsShape: { en: 'items must be a list of task or schedule line keys', fr: '« items » doit être une liste de clés de tâches ou de lignes d’échéancier' },
  projectTasksStateBlocks: {
    en: '{source} is {state}: its tasks cannot be {step}',
    fr: '{source} est à l’état {state} : ses tâches ne peuvent pas être {step}',
  },
  projectScheduleStateBlocks: {
    en: '{source} is {state}: its schedule cannot be {step}',
    fr: '{source} est à l’état {state} : son échéancier ne peut pas être {step}',
  },
  projectItemNotFreeTask: {
    en: 'item {key} of {source} is not one of its tasks left to be {step}',
    fr: 'l’élément {key} {source} ne fait pas partie de ses tâches pas encore {step}',
  },
  projectItemNotFreeSchedule: {
    en: 'item {key} of {source} is not one of its schedule lines left to be {step}',
    fr: 'l’élément {key} {source} ne fait pas partie de ses lignes d’échéancier pas encore {step}',
  },
  fromValues: { en: 'from must be tasks or schedule', fr: '« from » doit valoir tasks ou schedule' },
  projectNothingToQuote: { en: 'nothing of {source} is left to quote', fr: 'il ne reste rien {source} à reprendre en devis' },
  makeDeliveryOrBillingTable: { en: 'make must be delivery or billingTable', fr: '« make » doit valoir delivery ou billingTable' },
  scheduleLineDueAfter: {
    en: 'schedule line {key} of {source} is due on {dueDate}, after {at}',
    fr: 'la ligne d’échéancier {key} {source} est due le {dueDate}, après le {at}',
  },
  noScheduleLineDue: {
    en: 'no schedule line of {source} is due on {at} and left to bill',
    fr: 'aucune ligne d’échéancier {source} restant à facturer n’est échue au {at}',
  },
  supplierRequired: {
    en: 'supplier is required: the documentId of the supplier bought from',
    fr: 'le fournisseur est obligatoire : le documentId du fournisseur auprès duquel acheter',
  },
  purposeValues: { en: 'purpose must be {values}', fr: '« purpose » doit valoir {values}' },
  noSupplier: { en: 'no supplier {supplier}', fr: 'aucun fournisseur {supplier}' },
  orderNotBuyable: {
    en: 'order {order} is {state}: purchases are made for a confirmed order',
    fr: 'la commande {order} est à l’état {state} : les achats se font pour une commande confirmée',
  },
  linesNotList: { en: 'lines must be a list of lines', fr: '« lines » doit être une liste de lignes' },
  subcontractCompanyRequired: {
    en: 'company is required: the documentId of the group company that does the work',
    fr: 'la société est obligatoire : le documentId de la société du groupe qui réalise le travail',
  },
  makeQuotationOrOrder: { en: 'make must be quotation or order', fr: '« make » doit valoir quotation ou order' },
  orderNotSubcontractable: {
    en: 'order {order} is {state}: only a confirmed order still to deliver is sub-contracted',
    fr: 'la commande {order} est à l’état {state} : seule une commande confirmée encore à livrer peut être sous-traitée',
  },
  orderNoCompany: {
    en: 'order {order} names no company: the internal customer stands for the ordering company',
    fr: 'la commande {order} n’indique pas de société : le client interne représente la société qui commande',
  },
  noInternalCustomer: {
    en: '{company} has no internal customer standing for the ordering company: create one (customer type internal, represented company) first',
    fr: '{company} n’a pas de client interne qui représente la société qui commande : créez-en un d’abord (type de client interne, société représentée)',
  },
  sessionsShape: { en: 'sessions must be a list of session keys', fr: '« sessions » doit être une liste de clés de sessions' },
  trainingNotWon: {
    en: '{source} is {state}: only a won training opportunity delivers its sessions',
    fr: '{source} est à l’état {state} : seule une opportunité de formation gagnée livre ses sessions',
  },
  sessionNotDeliverable: { en: 'session {key} of {source} is not held, or already delivered', fr: 'la session {key} {source} n’a pas eu lieu, ou est déjà livrée' },
  noSessionToDeliver: { en: 'no held session of {source} is left to deliver', fr: 'aucune session réalisée {source} ne reste à livrer' },
  chainTypeValues: { en: 'type must be one of {values}', fr: '« type » doit valoir l’une de ces valeurs : {values}' },
  operationValues: { en: 'operation must be one of {values}', fr: '« operation » doit valoir l’une de ces valeurs : {values}' },
  sourceDocumentIdNeeded: { en: 'give the documentId of the source', fr: 'indiquez le documentId de la pièce d’origine' },
} satisfies Record<string, Texts>;
