import type { Texts } from '../render';

/** What a customer-portal user may not do (src/security/portal-*.ts, src/graphql/portal-scope.ts). */
export const portalTexts = {
  portalCannot: {
    en: 'A customer-portal user cannot {action} {type}',
    fr: 'Un utilisateur du portail client ne peut pas {action} de fiche {type}',
  },
  portalNotLinked: { en: 'This portal account is not linked to a customer', fr: 'Ce compte du portail n’est rattaché à aucun client' },
  portalOwnCustomerOnly: {
    en: 'A customer-portal user files issues for their own customer only',
    fr: 'Un utilisateur du portail client ne déclare des tickets que pour son propre client',
  },
  portalFieldNotSettable: { en: '{field} cannot be set from the customer portal', fr: 'le champ {field} ne peut pas être renseigné depuis le portail client' },
  portalChannel: {
    en: 'the customer portal files issues through the {channel} channel',
    fr: 'le portail client déclare les tickets par le canal {channel}',
  },
  portalNotOwned: { en: 'no {field} {value} for your customer', fr: 'aucun enregistrement {field} {value} pour votre client' },
  portalSortRelation: { en: 'cannot sort through the relation "{field}"', fr: 'impossible de trier à travers la relation "{field}"' },
  portalSortHeadline: {
    en: 'sort: the customer portal sorts by the record\'s own fields only, not through the relation "{path}"',
    fr: 'sort : le portail client ne trie que sur les champs propres de la fiche, pas à travers la relation "{path}"',
  },
  unsupportedOperator: { en: 'unsupported operator {operator}', fr: 'opérateur {operator} non pris en charge' },
  filtersUnsupportedOperator: { en: 'filters: unsupported operator {operator}', fr: 'filters : opérateur {operator} non pris en charge' },
  relationOtherCustomer: { en: 'This relation leads to records of another customer', fr: 'Cette relation mène à des fiches d’un autre client' },
} satisfies Record<string, Texts>;
