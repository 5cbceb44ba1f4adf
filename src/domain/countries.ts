/**
 * Country codes used by the domain validators.
 *
 * Pure module: no Strapi imports, no I/O.
 */

/**
 * All officially assigned ISO 3166-1 alpha-2 codes (249 codes).
 * Exceptionally/transitionally reserved codes (EU, UK, XK, …) and
 * user-assigned codes (AA, QM–QZ, XA–XZ, ZZ) are deliberately NOT included.
 */
const ISO_3166_ALPHA2 = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
  'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
  'BT', 'BV', 'BW', 'BY', 'BZ',
  'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW',
  'CX', 'CY', 'CZ',
  'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ',
  'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET',
  'FI', 'FJ', 'FK', 'FM', 'FO', 'FR',
  'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT',
  'GU', 'GW', 'GY',
  'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
  'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT',
  'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ',
  'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY',
  'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
  'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ',
  'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM',
  'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY',
  'QA',
  'RE', 'RO', 'RS', 'RU', 'RW',
  'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
  'ST', 'SV', 'SX', 'SY', 'SZ',
  'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ',
  'UA', 'UG', 'UM', 'US', 'UY', 'UZ',
  'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU',
  'WF', 'WS',
  'YE', 'YT',
  'ZA', 'ZM', 'ZW',
] as const;

export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set<string>(ISO_3166_ALPHA2);

/** ISO 3166-1 alpha-2 codes of the 27 EU member states (Greece is GR here; its VAT prefix is EL). */
export const EU_COUNTRIES = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
] as const;

export type EuCountry = (typeof EU_COUNTRIES)[number];

const EU_SET: ReadonlySet<string> = new Set<string>(EU_COUNTRIES);

/**
 * True when `code` is an officially assigned ISO 3166-1 alpha-2 code.
 * Strict: must be exactly two UPPERCASE letters ('fr' is refused, as is ' FR').
 */
export function isCountryCode(code: string): boolean {
  return typeof code === 'string' && ISO_COUNTRY_CODES.has(code);
}

/** True when `code` (ISO 3166-1 alpha-2, uppercase) is an EU member state. 'EL' is NOT a country code. */
export function isEuCountry(code: string): code is EuCountry {
  return typeof code === 'string' && EU_SET.has(code);
}

/**
 * VAT number prefix for an EU member state: the ISO code itself, except Greece
 * (GR → EL). Returns null for countries outside the EU (including GB; Northern
 * Ireland's 'XI' prefix is not derivable from a country code).
 */
export function vatPrefixForCountry(country: string): string | null {
  if (!isEuCountry(country)) return null;
  return country === 'GR' ? 'EL' : country;
}

/** Inverse of vatPrefixForCountry for EU prefixes (EL → GR), plus XI → GB. Null when unknown. */
export function countryForVatPrefix(prefix: string): string | null {
  if (prefix === 'EL') return 'GR';
  if (prefix === 'XI') return 'GB';
  if (prefix === 'GR') return null; // Greek VAT numbers must use EL
  return isEuCountry(prefix) ? prefix : null;
}
