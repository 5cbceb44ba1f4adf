import type { Texts } from '../render';

/** A customer's accounts against its company's rule (src/domain/accounting.ts). */
export const accountingTexts = {
  accountCodeWithoutCharacters: {
    en: 'customer code "{code}" has no letter or digit to build a subledger account from',
    fr: 'le code client « {code} » ne contient ni lettre ni chiffre pour construire un compte auxiliaire',
  },
  accountCodeTooLong: {
    en: "customer code {code} is too long for a subledger account: prefix {prefix} + {count} characters exceed the company's account length of {length}",
    fr: 'le code client {code} est trop long pour un compte auxiliaire : le préfixe {prefix} et ses {count} caractères dépassent la longueur des comptes de la société, {length}',
  },
  accountNotBookedWithAccount: {
    en: 'the customer is marked not booked but has subledger account {account}',
    fr: 'le client est marqué non comptabilisé mais a le compte auxiliaire {account}',
  },
  accountMissing: {
    en: 'the customer has no subledger account',
    fr: 'le client n’a pas de compte auxiliaire',
  },
  accountMissingExpected: {
    en: 'the customer has no subledger account (expected {expected})',
    fr: 'le client n’a pas de compte auxiliaire (attendu : {expected})',
  },
  accountWrongPrefix: {
    en: "subledger account {account} does not start with the company's prefix {prefix}",
    fr: 'le compte auxiliaire {account} ne commence pas par le préfixe {prefix} de la société',
  },
  accountWrongLength: {
    en: "subledger account {account} has {count} characters, the company's rule requires {length}",
    fr: 'le compte auxiliaire {account} a {count} caractères, la règle de la société en demande {length}',
  },
  accountCodeMismatch: {
    en: 'subledger account {account} does not match customer code {code} (expected {expected})',
    fr: 'le compte auxiliaire {account} ne correspond pas au code client {code} (attendu : {expected})',
  },
  accountUsedByAnother: {
    en: 'subledger account {account} is also used by {holders}',
    fr: 'le compte auxiliaire {account} est aussi celui de {holders}',
  },
  accountGeneralOutsidePrefix: {
    en: 'general account {account} is not under the prefix {prefix}',
    fr: 'le compte général {account} ne relève pas du préfixe {prefix}',
  },
} satisfies Record<string, Texts>;
