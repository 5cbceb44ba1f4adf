import type { Texts } from '../render';

/** The record sheet's reads (a customer's links). */
export const recordsTexts = {
  linksCustomerNotFound: {
    en: 'no customer or prospect {documentId}',
    fr: 'aucun client ni prospect {documentId}',
  },
} satisfies Record<string, Texts>;
