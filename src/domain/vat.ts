/**
 * EU VAT numbers: French key check and per-country FORMAT checks (VIES formats).
 *
 * Pure module: no Strapi imports, no I/O. A number that passes here is
 * well-formed; only a VIES lookup can tell whether it is actually registered.
 */
import { countryForVatPrefix } from './countries';
import { isValidSiren, normalizeIdentifier } from './siret';
import { say, text, type Said, type Texts } from './messages';

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
  /** `reason` in English, `said` the same coded for the reader's language */
  | { ok: false; reason: string; said: Said };

const refused = (said: Said): VatCheckResult => ({ ok: false, reason: said.message, said });

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
function checkFrBody(body: string, full: string): Said | null {
  if (!FR_FORMAT.test(body)) return say('vatFrenchFormat', { vat: full });
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
    return say('vatFrenchSirenChecksum', { vat: full, siren });
  }
  const expected = frVatKey(siren);
  if (key !== expected) return say('vatFrenchKey', { vat: full, key, expected, siren });
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
  description: Texts;
}

/** Format of the part after the prefix, per VAT prefix (VIES formats). FR is handled separately. */
const VAT_FORMATS: Readonly<Record<string, VatFormat>> = {
  AT: { pattern: /^U\d{8}$/, description: { en: 'the letter U followed by 8 digits', fr: 'la lettre U suivie de 8 chiffres' } },
  BE: { pattern: /^[01]\d{9}$/, description: { en: '10 digits starting with 0 or 1', fr: '10 chiffres commençant par 0 ou 1' } },
  BG: { pattern: /^\d{9,10}$/, description: { en: '9 or 10 digits', fr: '9 ou 10 chiffres' } },
  CY: { pattern: /^\d{8}[A-Z]$/, description: { en: '8 digits followed by a letter', fr: '8 chiffres suivis d’une lettre' } },
  CZ: { pattern: /^\d{8,10}$/, description: { en: '8 to 10 digits', fr: '8 à 10 chiffres' } },
  DE: { pattern: /^\d{9}$/, description: { en: '9 digits', fr: '9 chiffres' } },
  DK: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  EE: { pattern: /^\d{9}$/, description: { en: '9 digits', fr: '9 chiffres' } },
  EL: { pattern: /^\d{9}$/, description: { en: '9 digits', fr: '9 chiffres' } },
  // A letter or digit, 7 digits, a letter or digit — but never 9 digits (NIF/NIE/CIF all carry a letter).
  ES: {
    pattern: /^(?:[A-Z]\d{7}[A-Z0-9]|\d{8}[A-Z])$/,
    description: { en: 'a letter or digit, 7 digits, then a letter or digit (at least one letter)', fr: 'une lettre ou un chiffre, 7 chiffres, puis une lettre ou un chiffre (au moins une lettre)' },
  },
  FI: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  HR: { pattern: /^\d{11}$/, description: { en: '11 digits', fr: '11 chiffres' } },
  HU: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  IE: {
    pattern: /^(?:\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/,
    description: { en: '7 digits and 1 or 2 letters, or digit, letter/+/*, 5 digits, letter', fr: '7 chiffres et 1 ou 2 lettres, ou chiffre, lettre/+/*, 5 chiffres, lettre' },
  },
  IT: { pattern: /^\d{11}$/, description: { en: '11 digits', fr: '11 chiffres' } },
  LT: { pattern: /^(?:\d{9}|\d{12})$/, description: { en: '9 or 12 digits', fr: '9 ou 12 chiffres' } },
  LU: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  LV: { pattern: /^\d{11}$/, description: { en: '11 digits', fr: '11 chiffres' } },
  MT: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  NL: { pattern: /^\d{9}B\d{2}$/, description: { en: '9 digits, the letter B, then 2 digits', fr: '9 chiffres, la lettre B, puis 2 chiffres' } },
  PL: { pattern: /^\d{10}$/, description: { en: '10 digits', fr: '10 chiffres' } },
  PT: { pattern: /^\d{9}$/, description: { en: '9 digits', fr: '9 chiffres' } },
  RO: { pattern: /^\d{2,10}$/, description: { en: '2 to 10 digits', fr: '2 à 10 chiffres' } },
  SE: { pattern: /^\d{12}$/, description: { en: '12 digits', fr: '12 chiffres' } },
  SI: { pattern: /^\d{8}$/, description: { en: '8 digits', fr: '8 chiffres' } },
  SK: { pattern: /^\d{10}$/, description: { en: '10 digits', fr: '10 chiffres' } },
  // Northern Ireland (post-Brexit protocol): UK formats — 9 or 12 digits, or GD/HA + 3 digits.
  XI: {
    pattern: /^(?:\d{9}|\d{12}|GD[0-4]\d{2}|HA[5-9]\d{2})$/,
    description: { en: '9 or 12 digits, or GD/HA followed by 3 digits', fr: '9 ou 12 chiffres, ou GD/HA suivi de 3 chiffres' },
  },
};

/** All VAT prefixes accepted by checkEuVatNumber (27 EU prefixes with EL for Greece, plus XI). */
export const EU_VAT_PREFIXES: readonly string[] = Object.freeze(['FR', ...Object.keys(VAT_FORMATS)].sort());

/**
 * Normalises (uppercase, strip spaces, dots, dashes) and checks the format of an EU
 * VAT number for its country prefix. French numbers also get the key/SIREN check.
 * On failure `reason` is an English sentence suitable for showing to a clerk, `said` the same coded.
 */
export function checkEuVatNumber(vat: string): VatCheckResult {
  if (typeof vat !== 'string') return refused(say('vatNotText'));
  const n = normalizeVatNumber(vat);
  if (n === '') return refused(say('vatEmpty'));
  if (!/^[A-Z]{2}/.test(n)) return refused(say('vatNoCountryPrefix', { vat: n }));
  const prefix = n.slice(0, 2);
  const body = n.slice(2);
  if (prefix === 'GR') return refused(say('vatGreekPrefix', { vat: n, suggested: `EL${body}` }));
  const country = countryForVatPrefix(prefix);
  if (country === null) return refused(say('vatNotEuPrefix', { vat: n, prefix }));
  if (prefix === 'FR') {
    const problem = checkFrBody(body, n);
    return problem === null ? { ok: true, country, prefix, normalized: n } : refused(problem);
  }
  const format = VAT_FORMATS[prefix];
  if (format === undefined || !format.pattern.test(body)) {
    const expected = format === undefined ? { en: 'a known format', fr: 'un format connu' } : format.description;
    return refused(say('vatFormat', { vat: n, prefix, expected: text(expected) }));
  }
  return { ok: true, country, prefix, normalized: n };
}
