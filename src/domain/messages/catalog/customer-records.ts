import type { Texts } from '../render';

/**
 * The customer record's actions (src/rules/customer.ts codes, src/api/customer: conversion,
 * accounting, linked supplier, transfer, management objects, identification). {customer},
 * {record}, {holder}, {supplier}: a record's code and call name.
 */
export const customerRecordsTexts = {
  companyMissing: { en: 'company does not exist', fr: 'la société n’existe pas' },
  customerCodeCannotBeRemoved: { en: 'the customer code cannot be removed', fr: 'le code client ne peut pas être supprimé' },
  customerCodeRequiredManual: {
    en: 'a customer code is required: {company} numbers its customers manually',
    fr: 'un code client est obligatoire : {company} numérote ses clients manuellement',
  },
  customerCodeUsedIn: { en: 'customer code {code} is already used in {company}', fr: 'le code client {code} est déjà utilisé dans {company}' },
  customerCodeUsed: { en: 'customer code {code} is already used', fr: 'le code client {code} est déjà utilisé' },
  customerOrProspectNotFound: { en: 'customer or prospect {documentId} not found', fr: 'client ou prospect {documentId} introuvable' },
  noCustomerOrProspect: { en: 'no customer or prospect {documentId}', fr: 'aucun client ni prospect {documentId}' },
  noCustomerWithDocumentId: { en: 'no customer with documentId {documentId}', fr: 'aucun client avec le documentId {documentId}' },
  companyNotFound: { en: 'company {company} not found', fr: 'société {company} introuvable' },
  companyDocumentIdRequired: { en: 'company (a company documentId) is required', fr: 'la société (le documentId d’une société) est obligatoire' },
  accountingProspect: {
    en: '{customer} is a prospect: convert it into a customer before managing it in accounting',
    fr: '{customer} est un prospect : transformez-le en client avant de le gérer en comptabilité',
  },
  accountingNotBooked: {
    en: '{customer} is marked not booked: untick "not booked" first',
    fr: '{customer} est marqué « Non comptabilisé » : décochez d’abord « Non comptabilisé »',
  },
  subledgerAccountHeld: {
    en: '{customer} already holds subledger account {current}, not {expected} (built from its code): replacing it must be confirmed (replace: true)',
    fr: '{customer} a déjà le compte auxiliaire {current}, et non {expected} (construit à partir de son code) : le remplacement doit être confirmé (replace: true)',
  },
  subledgerAccountUsedBy: { en: 'subledger account {account} is already used by {holders}', fr: 'le compte auxiliaire {account} est déjà utilisé par {holders}' },
  alreadyCustomer: { en: '{customer} is already a customer', fr: '{customer} est déjà un client' },
  fieldNotString: { en: '{field} must be a string', fr: 'le champ {field} doit être un texte' },
  fieldTooLong: { en: '{field} must be at most {max} characters', fr: 'le champ {field} doit faire au plus {max} caractères' },
  customerCodesAutomaticIn: {
    en: "customer codes are assigned automatically in {company}: the customer keeps the prospect's code {code}",
    fr: 'les codes clients sont attribués automatiquement dans {company} : le client garde le code du prospect {code}',
  },
  customerCodesAutomatic: {
    en: "customer codes are assigned automatically: the customer keeps the prospect's code {code}",
    fr: 'les codes clients sont attribués automatiquement : le client garde le code du prospect {code}',
  },
  customerCodeSameAsProspect: {
    en: "the customer code must differ from the prospect's code {code}",
    fr: 'le code client doit être différent du code du prospect {code}',
  },
  customerCodeTakenByCustomer: {
    en: 'customer code {code} is already taken in {company} by customer {holder}',
    fr: 'le code client {code} est déjà pris dans {company} par le client {holder}',
  },
  customerCodeTakenByProspect: {
    en: 'customer code {code} is already taken in {company} by prospect {holder}',
    fr: 'le code client {code} est déjà pris dans {company} par le prospect {holder}',
  },
  linkedSupplierFixedLink: {
    en: 'the linked supplier is always linked to the record it is created from',
    fr: 'le fournisseur lié est toujours rattaché à la fiche à partir de laquelle il est créé',
  },
  notSupplierField: { en: '{field} is not a supplier field that can be given here', fr: 'le champ {field} n’est pas un champ fournisseur qui peut être indiqué ici' },
  alreadyLinkedSupplier: { en: '{record} already has a linked supplier: {supplier}', fr: '{record} a déjà un fournisseur lié : {supplier}' },
  noCodeToReuse: { en: '{record} has no code to reuse: give a supplier code', fr: '{record} n’a pas de code à reprendre : indiquez un code fournisseur' },
  supplierCodeUsed: { en: 'supplier code {code} is already used by supplier {supplier}', fr: 'le code fournisseur {code} est déjà utilisé par le fournisseur {supplier}' },
  supplierCodeFromRecordUsed: {
    en: "supplier code {code} (the record's code) is already used by supplier {supplier}: give a supplier code",
    fr: 'le code fournisseur {code} (le code de la fiche) est déjà utilisé par le fournisseur {supplier} : indiquez un code fournisseur',
  },
  transferTargetRequired: {
    en: 'target is required: the documentId of the customer or prospect that receives the prospect',
    fr: 'la cible est obligatoire : le documentId du client ou du prospect qui reçoit le prospect',
  },
  transferComponentRelations: {
    en: 'transfer cannot move relations held in components: {relations}',
    fr: 'le transfert ne peut pas déplacer des relations portées par des composants : {relations}',
  },
  transferSourceNotFound: { en: 'customer/prospect {documentId} not found', fr: 'client ou prospect {documentId} introuvable' },
  transferOnlyProspect: {
    en: 'only a prospect can be transferred: {name} is a {kind}',
    fr: 'seul un prospect peut être transféré : {name} est de type {kind}',
  },
  transferIntoItself: { en: 'a prospect cannot be transferred into itself', fr: 'un prospect ne peut pas être transféré sur lui-même' },
  transferTargetMissing: { en: 'target {target} is not an existing customer or prospect', fr: 'la cible {target} n’est pas un client ou un prospect existant' },
  unknownManagementType: {
    en: 'unknown management object type {type}: use one of {known}',
    fr: 'type d’objet de gestion {type} inconnu : utilisez l’un de ceux-ci : {known}',
  },
  prospectOnlyOpportunities: {
    en: '{name} is a prospect: only opportunities are created from a prospect; convert it into a customer first',
    fr: '{name} est un prospect : seules des affaires se créent à partir d’un prospect ; transformez-le d’abord en client',
  },
  soldToRequired: { en: 'customer (the sold-to party) is required', fr: 'le client (donneur d’ordre) est obligatoire' },
  noProject: { en: 'no project {project}', fr: 'aucun projet {project}' },
  customerIsTheRecord: {
    en: 'customer is the record the object is created from: {documentId} or left out',
    fr: 'le client est la fiche à partir de laquelle l’objet est créé : {documentId}, ou ne l’indiquez pas',
  },
  typeHasNoState: { en: '{type} have no state', fr: 'le type {type} n’a pas d’état' },
  mayNotRead: { en: 'you may not read {type}', fr: 'vous n’avez pas le droit de consulter le type {type}' },
  mayNotCreate: { en: 'you may not create {type}', fr: 'vous n’avez pas le droit de créer le type {type}' },
  siretOrSirenNotBoth: { en: 'give either a SIRET or a SIREN, not both', fr: 'indiquez soit un SIRET, soit un SIREN, pas les deux' },
  identifyNeedsSiretOrSiren: {
    en: 'the customer has no SIRET or SIREN: give one to identify it',
    fr: 'le client n’a ni SIRET ni SIREN : indiquez-en un pour l’identifier',
  },
} satisfies Record<string, Texts>;
