/**
 * Valid business identifiers from a seeded stream: SIREN/SIRET (Luhn), French VAT numbers
 * (frVatKey), DE/BE/IT VAT numbers with their national check digits, French IBANs.
 * Every French identifier is re-checked with the app's own validators.
 */
import { isValidSiren, isValidSiret, luhnIsValid } from '../../src/domain/siret';
import { checkEuVatNumber, frVatKey } from '../../src/domain/vat';
import type { Rng } from './prng';

/** The digit that makes `payload + digit` pass Luhn. */
const luhnDigit = (payload: string): string => {
  for (let d = 0; d <= 9; d += 1) if (luhnIsValid(`${payload}${d}`)) return String(d);
  throw new Error(`no Luhn digit for ${payload}`); // unreachable: one digit always works
};

/** 8 random digits (no leading zero, never La Poste's 356…) + the Luhn check digit. */
export function randomSiren(rng: Rng): string {
  for (;;) {
    const body = `${rng.int(1, 9)}${rng.digits(7)}`;
    const candidate = `${body}${luhnDigit(body)}`;
    if (!candidate.startsWith('356') && isValidSiren(candidate)) return candidate;
  }
}

/** SIREN + a 4-digit establishment number (NIC) + the digit that makes all 14 digits pass Luhn. */
export function siretOf(siren: string, establishment: number): string {
  const nic = String(establishment).padStart(4, '0').slice(-4);
  const siret = `${siren}${nic}${luhnDigit(`${siren}${nic}`)}`;
  if (!isValidSiret(siret)) throw new Error(`generated an invalid SIRET ${siret}`);
  return siret;
}

export const frVatNumber = (siren: string): string => `FR${frVatKey(siren)}${siren}`;

/** DE: 9 digits, the last one the ISO 7064 MOD 11,10 check digit. */
function deVat(rng: Rng): string {
  const body = `${rng.int(1, 9)}${rng.digits(7)}`;
  let product = 10;
  for (const ch of body) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const check = (11 - product) % 10;
  return `DE${body}${check}`;
}

/** BE: 0 + 7 digits + (97 − the first 8 digits mod 97). */
function beVat(rng: Rng): string {
  const body = `0${rng.int(2, 9)}${rng.digits(6)}`;
  const check = 97 - (Number(body) % 97);
  return `BE${body}${String(check).padStart(2, '0')}`;
}

/** IT (partita IVA): 7-digit company number, 3-digit office code, Luhn check digit. */
function itVat(rng: Rng): string {
  const body = `${rng.int(0, 9)}${rng.digits(6)}${String(rng.int(1, 100)).padStart(3, '0')}`;
  return `IT${body}${luhnDigit(body)}`;
}

/** An EU VAT number for DE, BE or IT; checked against the app's VIES format rules. */
export function euVatNumber(rng: Rng, country: 'DE' | 'BE' | 'IT'): string {
  const vat = country === 'DE' ? deVat(rng) : country === 'BE' ? beVat(rng) : itVat(rng);
  const check = checkEuVatNumber(vat);
  if (!check.ok) throw new Error(`generated an invalid VAT number ${vat}: ${check.reason}`);
  return vat;
}

const mod97 = (digits: string): number => Number(BigInt(digits) % BigInt(97));

/** A French IBAN (27 characters, no spaces) with a correct RIB key and IBAN check digits. */
export function frIban(rng: Rng, bankCode: string): string {
  const branch = rng.digits(5);
  const account = rng.digits(11);
  const key = 97 - ((89 * Number(bankCode) + 15 * Number(branch) + 3 * Number(account)) % 97);
  const bban = `${bankCode}${branch}${account}${String(key).padStart(2, '0')}`;
  // FR = 15 27; the check digits make (bban + "FR00") ≡ 1 mod 97
  const check = 98 - mod97(`${bban}152700`);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

/** "01 42 68 53 09" (landline) or "06 …"/"07 …" (mobile). */
export function frPhone(rng: Rng, mobile = false): string {
  const first = mobile ? rng.pick(['06', '07']) : `0${rng.int(1, 5)}`;
  const rest = rng.digits(8);
  return `${first} ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4, 6)} ${rest.slice(6, 8)}`;
}

const DIAL_CODES: Readonly<Record<string, string>> = { DE: '+49', BE: '+32', IT: '+39', CH: '+41', US: '+1', GB: '+44' };

export function phoneFor(rng: Rng, country: string, mobile = false): string {
  if (country === 'FR') return frPhone(rng, mobile);
  return `${DIAL_CODES[country] ?? '+33'} ${rng.int(10, 99)} ${rng.digits(3)} ${rng.digits(4)}`;
}

/** ASCII slug for e-mail addresses and web domains: "Lefèvre & Fils" → "lefevre-fils". */
export function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
