/**
 * EU VAT numbers: French key check and per-country FORMAT checks (VIES formats).
 *
 * Pure module: no Strapi imports, no I/O. A number that passes here is
 * well-formed; only a VIES lookup can tell whether it is actually registered.
 */
import { countryForVatPrefix } from './countries';
import { isValidSiren, normalizeIdentifier } from './siret';

export type VatCheckResult =
  | {
      ok: true;
      /** ISO 3166-1 alpha-2 country of the number: GR for 'EL', GB for 'XI', else the prefix. */
      country: string;
      /** VAT prefix as written on the number ('EL' for Greece, 'XI' for Northern Ireland). */
      prefix: string;
      /** Normalised number, prefix included, e.g. 'FR44732829320'. */
      normalized: string;
    }
  | { ok: false; reason: string };

/** Uppercases and strips spaces, dots and dashes: ' fr 44.732-829 320 ' → 'FR44732829320'. */
export function normalizeVatNumber(vat: string): string {
  return normalizeIdentifier(vat).toUpperCase();
}

/**
 * French VAT key for a SIREN: (12 + 3 × (SIREN mod 97)) mod 97, two digits.
 * Throws RangeError when `siren` is not 9 digits (a programming error, not user input).
 */
export function frVatKey(siren: string): string {
  if (typeof siren !== 'string' || !/^\d{9}$/.test(siren)) {
    throw new RangeError(`frVatKey expects a 9-digit SIREN, got "${String(siren)}"`);
  }
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, '0');
}

/**
 * Key characters allowed in French VAT numbers: digits and letters except I and O.
 * Two-digit keys are the norm; keys containing a letter belong to a small set of
 * numbers issued under an alternative key scheme.
 */
const FR_FORMAT = /^[0-9A-HJ-NP-Z]{2}\d{9}$/;

/** Checks the part after 'FR'. `full` is the normalised number, used in messages. */
function checkFrBody(body: string, full: string): string | null {
  if (!FR_FORMAT.test(body)) {
    return `VAT number ${full} does not match the French format: FR, a 2-character key, then the 9-digit SIREN`;
  }
  const key = body.slice(0, 2);
  const siren = body.slice(2);
  if (!/^\d{2}$/.test(key)) {
    // Deliberate choice: keys containing a letter (alphanumeric keys) are accepted on
    // FORMAT only. We do not implement a checksum for them because no official
    // specification of it is published; rejecting a genuine number is worse than
    // letting a rare malformed one through. A VIES lookup is the authority for those.
    return null;
  }
  // SIRENs starting with 000 are used for Monaco-registered businesses, which have a
  // French VAT number but no real SIREN: they do not follow Luhn (the key still does).
  if (!siren.startsWith('000') && !isValidSiren(siren)) {
    return `VAT number ${full} contains SIREN ${siren}, which fails the SIREN checksum; check the last 9 digits`;
  }
  const expected = frVatKey(siren);
  if (key !== expected) {
    return `VAT number ${full} has key ${key}, expected ${expected} for SIREN ${siren}`;
  }
  return null;
}

/**
 * French VAT number: 'FR' + 2 key characters + 9-digit SIREN. Normalises first
 * (case, spaces, dots, dashes). A two-digit key must equal frVatKey(siren) and the
 * SIREN must pass Luhn; keys containing letters are accepted by format only.
 */
export function isValidFrVat(vat: string): boolean {
  if (typeof vat !== 'string') return false;
  const n = normalizeVatNumber(vat);
  return n.startsWith('FR') && checkFrBody(n.slice(2), n) === null;
}

interface VatFormat {
  pattern: RegExp;
  /** Human description of what follows the prefix, used in error messages. */
  description: string;
}

/** Format of the part after the prefix, per VAT prefix (VIES formats). FR is handled separately. */
const VAT_FORMATS: Readonly<Record<string, VatFormat>> = {
  AT: { pattern: /^U\d{8}$/, description: 'the letter U followed by 8 digits' },
  BE: { pattern: /^[01]\d{9}$/, description: '10 digits starting with 0 or 1' },
  BG: { pattern: /^\d{9,10}$/, description: '9 or 10 digits' },
  CY: { pattern: /^\d{8}[A-Z]$/, description: '8 digits followed by a letter' },
  CZ: { pattern: /^\d{8,10}$/, description: '8 to 10 digits' },
  DE: { pattern: /^\d{9}$/, description: '9 digits' },
  DK: { pattern: /^\d{8}$/, description: '8 digits' },
  EE: { pattern: /^\d{9}$/, description: '9 digits' },
  EL: { pattern: /^\d{9}$/, description: '9 digits' },
  // A letter or digit, 7 digits, a letter or digit — but never 9 digits (NIF/NIE/CIF all carry a letter).
  ES: {
    pattern: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
    description: 'a letter or digit, 7 digits, then a letter or digit (at least one letter)',
  },
  FI: { pattern: /^\d{8}$/, description: '8 digits' },
  HR: { pattern: /^\d{11}$/, description: '11 digits' },
  HU: { pattern: /^\d{8}$/, description: '8 digits' },
  IE: {
    pattern: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
    description: '7 digits and 1 or 2 letters, or digit, letter/+/*, 5 digits, letter',
  },
  IT: { pattern: /^\d{11}$/, description: '11 digits' },
  LT: { pattern: /^(?:\d{9}|\d{12})$/, description: '9 or 12 digits' },
  LU: { pattern: /^\d{8}$/, description: '8 digits' },
  LV: { pattern: /^\d{11}$/, description: '11 digits' },
  MT: { pattern: /^\d{8}$/, description: '8 digits' },
  NL: { pattern: /^\d{9}B\d{2}$/, description: '9 digits, the letter B, then 2 digits' },
  PL: { pattern: /^\d{10}$/, description: '10 digits' },
  PT: { pattern: /^\d{9}$/, description: '9 digits' },
  RO: { pattern: /^\d{2,10}$/, description: '2 to 10 digits' },
  SE: { pattern: /^\d{12}$/, description: '12 digits' },
  SI: { pattern: /^\d{8}$/, description: '8 digits' },
  SK: { pattern: /^\d{10}$/, description: '10 digits' },
  // Northern Ireland (post-Brexit protocol): UK formats — 9 or 12 digits, or GD/HA + 3 digits.
  XI: {
    pattern: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
    description: '9 or 12 digits, or GD/HA followed by 3 digits',
  },
};

/** All VAT prefixes accepted by checkEuVatNumber (27 EU prefixes with EL for Greece, plus XI). */
export const EU_VAT_PREFIXES: readonly string[] = Object.freeze(['FR', ...Object.keys(VAT_FORMATS)].sort());

/**
 * Normalises (uppercase, strip spaces, dots, dashes) and checks the format of an EU
 * VAT number for its country prefix. French numbers also get the key/SIREN check.
 * On failure `reason` is an English sentence suitable for showing to a clerk.
 */
export function checkEuVatNumber(vat: string): VatCheckResult {
  if (typeof vat !== 'string') return { ok: false, reason: 'VAT number must be text' };
  const n = normalizeVatNumber(vat);
  if (n === '') return { ok: false, reason: 'VAT number is empty' };
  if (!/^[A-Z]{2}/.test(n)) {
    return {
      ok: false,
      reason: `VAT number ${n} must start with a two-letter country prefix such as FR or DE`,
    };
  }
  const prefix = n.slice(0, 2);
  const body = n.slice(2);
  if (prefix === 'GR') {
    return {
      ok: false,
      reason: `VAT number ${n} starts with GR, but Greek VAT numbers use the prefix EL (EL${body})`,
    };
  }
  const country = countryForVatPrefix(prefix);
  if (country === null) {
    return { ok: false, reason: `VAT number ${n} has prefix ${prefix}, which is not an EU VAT prefix` };
  }
  if (prefix === 'FR') {
    const problem = checkFrBody(body, n);
    return problem === null ? { ok: true, country, prefix, normalized: n } : { ok: false, reason: problem };
  }
  const format = VAT_FORMATS[prefix];
  if (format === undefined || !format.pattern.test(body)) {
    const expected = format === undefined ? 'a known format' : format.description;
    return {
      ok: false,
      reason: `VAT number ${n} does not match the ${prefix} format: ${prefix} followed by ${expected}`,
    };
  }
  return { ok: true, country, prefix, normalized: n };
}
