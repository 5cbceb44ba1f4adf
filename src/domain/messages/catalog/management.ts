import type { Texts } from '../render';

/**
 * Management objects' own rules (src/rules/management.ts, management-prefill.ts, closing.ts,
 * holdback.ts, establishments.ts). {field}, {part}, {whole}, {later}, {earlier}: the field's API
 * name in English, « its label » in French.
 */
export const managementTexts = {
  amountNotSumOfLines: {
    en: 'amountExclTax must equal the sum of the lines ({total})',
    fr: 'le montant HT doit être égal à la somme des lignes ({total})',
  },
  allocatedNotSumOfAllocations: {
    en: 'allocatedAmount must equal the sum of the allocations ({total})',
    fr: 'le montant affecté doit être égal à la somme des affectations ({total})',
  },
  totalFromLines: {
    en: '{field} comes from the lines: change the lines instead',
    fr: 'le champ {field} découle des lignes : modifiez plutôt les lignes',
  },
  partExceedsWhole: {
    en: '{part} ({partAmount}) must not exceed {whole} ({wholeAmount})',
    fr: 'le champ {part} ({partAmount}) ne doit pas dépasser le champ {whole} ({wholeAmount})',
  },
  dateBeforeEarlier: {
    en: '{later} ({to}) must not be before {earlier} ({from})',
    fr: 'le champ {later} ({to}) ne doit pas précéder le champ {earlier} ({from})',
  },
  projectSeveralCustomers: {
    en: 'project {project} has several customers: give the customer (the sold-to party)',
    fr: 'le projet {project} a plusieurs clients : indiquez le client (le client donneur d’ordre)',
  },
  customerNotOfProject: {
    en: 'the customer is not one of the customers of project {project}',
    fr: 'le client ne fait pas partie des clients du projet {project}',
  },
  siteClosedSince: {
    en: 'site {site} is closed since {since}: it cannot be used on new management objects',
    fr: 'le site {site} est fermé depuis le {since} : il ne peut pas servir sur de nouveaux objets de gestion',
  },
  siteClosed: {
    en: 'site {site} is closed: it cannot be used on new management objects',
    fr: 'le site {site} est fermé : il ne peut pas servir sur de nouveaux objets de gestion',
  },
  customerClosedOn: {
    en: 'customer {customer} was closed on {closedOn}: it cannot get new management objects',
    fr: 'le client {customer} a été fermé le {closedOn} : il ne peut plus recevoir de nouveaux objets de gestion',
  },
  holdbackDueDateNeedsHoldback: {
    en: 'holdbackDueDate is computed and needs a holdback amount or rate',
    fr: 'l’échéance de la retenue de garantie est calculée : elle demande un montant ou un taux de retenue',
  },
  siretNotOfCustomer: {
    en: 'SIRET {siret} is not an establishment of {customer} (SIREN {siren})',
    fr: 'le SIRET {siret} n’est pas un établissement de {customer} (SIREN {siren})',
  },
} satisfies Record<string, Texts>;
