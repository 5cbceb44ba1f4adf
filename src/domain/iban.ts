/**
 * Bank details' identifiers: IBAN (ISO 13616, mod-97 check digits) and BIC (ISO 9362). Pure.
 */

/** Without spaces, upper case. */
export const normalizeBankId = (value: string): string => value.replace(/\s+/g, '').toUpperCase();

/** A country code, two check digits, up to 30 letters or digits, and (letters as 10..35) ≡ 1 mod 97. */
export function isValidIban(value: string): boolean {
  if (typeof value !== 'string' || !/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(value)) return false;
  const digits = (value.slice(4) + value.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return BigInt(digits) % BigInt(97) === BigInt(1);
}

/** 4 letters (bank), 2 letters (country), 2 letters or digits (location), optionally 3 for the branch. */
export const isValidBic = (value: string): boolean => typeof value === 'string' && /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(value);
