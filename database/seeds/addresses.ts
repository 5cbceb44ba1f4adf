/** Postal addresses, geolocations, company names, contact details and bank details. */
import type { Row } from './bulk-insert';
import {
  BANKS,
  FOREIGN_CITIES,
  FOREIGN_LEGAL_FORMS,
  FOREIGN_STREETS,
  FR_CITIES,
  FR_LEGAL_FORMS,
  NAME_CORES,
  NAME_PREFIXES,
  NAME_SUFFIXES,
  STREET_NAMES,
  STREET_TYPES,
  type City,
} from './french-data';
import { frIban, phoneFor, slug } from './identifiers';
import type { Rng } from './prng';

export interface Place {
  city: City;
  address: Row;
}

export function place(rng: Rng, country: string, near?: City): Place {
  const city = near ?? (country === 'FR' ? rng.pick(FR_CITIES) : rng.pick(FOREIGN_CITIES[country] ?? FR_CITIES));
  const street =
    country === 'FR'
      ? `${rng.int(1, 180)}${rng.chance(0.1) ? ' bis' : ''} ${rng.pick(STREET_TYPES)} ${rng.pick(STREET_NAMES)}`
      : country === 'US' || country === 'GB'
        ? `${rng.int(1, 900)} ${rng.pick(FOREIGN_STREETS[country])}`
        : `${rng.pick(FOREIGN_STREETS[country] ?? STREET_NAMES)} ${rng.int(1, 150)}`;
  return {
    city,
    address: {
      line1: street,
      line2: rng.chance(0.25) ? rng.pick(['Bâtiment B', 'ZI des Portes', 'Parc d’activités du Moulin', '3e étage', 'BP 42']) : null,
      postalCode: city.postalCode,
      city: city.city,
      region: city.region,
      country,
    },
  };
}

/** Latitude/longitude near the city, 7 decimals. */
export function geolocation(rng: Rng, city: City): Row {
  const jitter = () => (rng.next() - 0.5) * 0.08;
  return { latitude: (city.lat + jitter()).toFixed(7), longitude: (city.lng + jitter()).toFixed(7) };
}

export interface CompanyName {
  callName: string;
  corporateName: string;
  legalForm: string;
  domain: string;
}

export function companyName(rng: Rng, country: string): CompanyName {
  const core = rng.pick(NAME_CORES);
  const callName = rng.chance(0.5)
    ? `${rng.pick(NAME_PREFIXES)} ${core}`
    : rng.chance(0.5)
      ? `${core} ${rng.pick(NAME_SUFFIXES)}`
      : `${rng.pick(NAME_PREFIXES)} ${core} ${rng.pick(NAME_SUFFIXES)}`;
  const legalForm = country === 'FR' ? rng.pick(FR_LEGAL_FORMS) : rng.pick(FOREIGN_LEGAL_FORMS[country] ?? ['SA']);
  const tld = country === 'FR' ? 'fr' : country === 'US' ? 'com' : country === 'GB' ? 'co.uk' : country.toLowerCase();
  return { callName, corporateName: `${callName} ${legalForm}`, legalForm, domain: `${slug(callName)}.${tld}` };
}

export function contactDetails(rng: Rng, country: string, domain: string): Row {
  return {
    phone: phoneFor(rng, country),
    mobile: rng.chance(0.3) ? phoneFor(rng, country, true) : null,
    fax: rng.chance(0.1) ? phoneFor(rng, country) : null,
    email: `${rng.pick(['contact', 'accueil', 'info', 'compta'])}@${domain}`,
    website: rng.chance(0.7) ? `https://www.${domain}` : null,
  };
}

export function bankDetails(rng: Rng, holder: string): Row {
  const [bankName, bic, code] = rng.pick(BANKS);
  return { bankName, accountHolder: holder, iban: frIban(rng, code), bic };
}
