/**
 * Domain validation of business identifiers (SIREN/SIRET, VAT numbers, country codes).
 *
 * Pure TypeScript: no Strapi imports. This module is the public entry point and
 * re-exports the implementation split across siret.ts, vat.ts and countries.ts.
 */
export {
  LA_POSTE_SIREN,
  LA_POSTE_HEAD_OFFICE_SIRET,
  normalizeIdentifier,
  luhnIsValid,
  isValidSiren,
  isValidSiret,
} from './siret';

export {
  frVatKey,
  isValidFrVat,
  checkEuVatNumber,
  normalizeVatNumber,
  EU_VAT_PREFIXES,
} from './vat';
export type { VatCheckResult } from './vat';

export {
  EU_COUNTRIES,
  ISO_COUNTRY_CODES,
  isEuCountry,
  isCountryCode,
  vatPrefixForCountry,
  countryForVatPrefix,
} from './countries';
export type { EuCountry } from './countries';

export { isValidBic, isValidIban, normalizeBankId } from './iban';
