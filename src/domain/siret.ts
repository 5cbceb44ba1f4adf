/**
 * French company identifiers: SIREN (9 digits) and SIRET (14 digits = SIREN + NIC).
 *
 * Pure module: no Strapi imports, no I/O. The validators are strict — they
 * expect an already normalised value (digits only); call normalizeIdentifier()
 * first on user input such as "732 829 320" or "732.829.320".
 */

/** SIREN of La Poste, whose SIRETs use a digit-sum rule instead of Luhn. */
export const LA_POSTE_SIREN = '356000000';

/** SIRET of La Poste's head office: the one La Poste SIRET that keeps the Luhn rule. */
export const LA_POSTE_HEAD_OFFICE_SIRET = '35600000000048';

/**
 * Removes spaces (any Unicode whitespace, incl. non-breaking spaces), dots and
 * dashes (ASCII '-' and Unicode hyphens/dashes U+2010–U+2015). Does not change case.
 */
export function normalizeIdentifier(value: string): string {
  return value.replace(/[\s.\-\u2010-\u2015]/g, '');
}

/** Luhn (mod 10) checksum over a string of ASCII digits. Returns false for anything else. */
export function luhnIsValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    // Walk from the right; every second digit (starting with the 2nd from the right) is doubled.
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) sum += digits.charCodeAt(i) - 48;
  return sum;
}

/** SIREN: exactly 9 ASCII digits with a valid Luhn checksum. */
export function isValidSiren(value: string): boolean {
  return typeof value === 'string' && /^\d{9}$/.test(value) && luhnIsValid(value);
}

/**
 * SIRET: exactly 14 ASCII digits with a valid Luhn checksum — except La Poste
 * (SIREN 356000000), whose establishments are numbered so that the sum of the
 * 14 digits is a multiple of 5 (their SIRETs generally fail Luhn). The head
 * office SIRET 35600000000048 is the exception to the exception: it follows Luhn.
 *
 * Both rules are applied on top of the SIREN rule: the first 9 digits must be
 * a valid SIREN (Luhn over 14 digits does not imply Luhn over the first 9, and
 * a real SIRET always starts with a real SIREN — same approach as python-stdnum).
 */
export function isValidSiret(value: string): boolean {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  if (!isValidSiren(value.slice(0, 9))) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE_SIRET) {
    return digitSum(value) % 5 === 0;
  }
  return luhnIsValid(value);
}
