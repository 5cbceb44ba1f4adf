import type { Texts } from '../render';

/** Who is billed and at which site (src/domain/billing-resolution.ts). */
export const billingTexts = {
  billingDefaultLinksOfProject: {
    en: '{count} default TO_BILL links for this project: the oldest one is used',
    fr: '{count} liens TO_BILL par défaut pour ce projet : le plus ancien est retenu',
  },
  billingDefaultLinksWithoutProject: {
    en: '{count} default TO_BILL links without a project: the oldest one is used',
    fr: '{count} liens TO_BILL par défaut sans projet : le plus ancien est retenu',
  },
  billingLinkSiteClosed: {
    en: "the business link's billing site {site} is closed",
    fr: 'le site de facturation {site} du lien commercial est fermé',
  },
  billingNoOpenSite: {
    en: 'the customer to bill has no open billing site: mark one of its sites as a billing site',
    fr: 'le client à facturer n’a aucun site de facturation ouvert : cochez « Site de facturation » sur l’un de ses sites',
  },
} satisfies Record<string, Texts>;
