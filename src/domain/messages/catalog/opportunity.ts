import type { Texts } from '../render';

/** Turning an opportunity into an order (src/api/opportunity/services/to-order.ts). */
export const opportunityTexts = {
  opportunityNotOpen: {
    en: 'opportunity {opportunity} is {state}: only an open opportunity can be turned into an order',
    fr: 'l’affaire {opportunity} est à l’état {state} : seule une affaire ouverte peut être transformée en commande',
  },
  opportunityHasOrder: { en: 'opportunity {opportunity} already has order {order}', fr: 'l’affaire {opportunity} a déjà la commande {order}' },
  opportunityNoCustomer: { en: 'opportunity {opportunity} has no customer', fr: 'l’affaire {opportunity} n’a pas de client' },
  orderForOpportunityCustomer: { en: "the order is for the opportunity's customer", fr: 'la commande est pour le client de l’affaire' },
  notOrderField: { en: '{field} is not an order field', fr: 'le champ {field} n’est pas un champ de la commande' },
  orderNumberRequired: { en: 'an order number is required', fr: 'un numéro de commande est obligatoire' },
  alreadyCustomerNoCode: { en: '{name} is already a customer: no customer code to give', fr: '{name} est déjà un client : aucun code client à indiquer' },
  opportunityNoCurrency: {
    en: 'opportunity {opportunity} has no currency (nor its customer or company): give the order currency',
    fr: 'l’affaire {opportunity} n’a pas de devise (ni son client, ni sa société) : indiquez la devise de la commande',
  },
} satisfies Record<string, Texts>;
