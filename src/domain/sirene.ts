/**
 * INSEE API Sirene 3.11 answers → customer fields. Pure module: no Strapi, no I/O.
 *
 * `GET /siret/{siret}` answers `{ header, etablissement }` where `etablissement.uniteLegale` is the
 * legal unit's current state (flat) and `etablissement.periodesEtablissement[]` holds the
 * establishment's history (the current period has `dateFin: null`). `GET /siren/{siren}` answers
 * `{ header, uniteLegale }` whose variable fields live in `uniteLegale.periodesUniteLegale[]`.
 * Non-diffusible values read "[ND]": they are never copied, only reported in `withheld`.
 */
import { legalFormLabel } from './legal-forms';
import { day, DEFAULT_LOCALE, say, translate, type Locale, type MessageCode, type Said } from './messages';

export const NON_DIFFUSIBLE = '[ND]';

export interface SireneAddress {
  line1?: string;
  line2?: string;
  line3?: string;
  postalCode?: string;
  city?: string;
  country?: string;
}

export interface SireneIdentity {
  siren: string;
  siret?: string;
  headOfficeSiret?: string;
  callName: string | null;
  apeCode: string | null;
  legalForm: string | null;
  legalFormCode: string | null;
  address?: SireneAddress;
  closed: boolean;
  /** customer field paths left empty (or incomplete) because INSEE withholds the value */
  withheld: string[];
  /** in the reader's language (the `locale` the answer was mapped for) */
  warnings: string[];
}

/** The answer is not shaped like a Sirene answer (a gateway page, a changed API...). */
export class SireneFormatError extends Error {
  /** the message, coded for the reader's language */
  readonly said: Said;

  constructor(said: Said) {
    super(said.message);
    this.said = said;
    this.name = 'SireneFormatError';
  }
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Collects the withheld target fields while reading. */
class Reader {
  readonly withheld: string[] = [];

  withhold(target: string): void {
    if (!this.withheld.includes(target)) this.withheld.push(target);
  }

  /** First real value among `keys` of `raw`; when none and one of them was "[ND]", `target` is withheld. */
  pick(raw: Raw, keys: string[], target: string): string | undefined {
    let hidden = false;
    for (const key of keys) {
      const value = raw[key];
      if (value === NON_DIFFUSIBLE) hidden = true;
      else if (typeof value === 'string' && value.trim() !== '') return value.trim();
      else if (typeof value === 'number') return String(value);
    }
    if (hidden) this.withhold(target);
    return undefined;
  }

  isHidden(raw: Raw, keys: string[]): boolean {
    return keys.some((key) => raw[key] === NON_DIFFUSIBLE);
  }
}

/** The current period of a Sirene history: the one without `dateFin`, else the first (INSEE sorts newest first). */
export function currentPeriod(periods: unknown): Raw {
  if (!Array.isArray(periods)) return {};
  const found = periods.find((period) => isObject(period) && (period.dateFin === null || period.dateFin === undefined));
  return isObject(found) ? found : isObject(periods[0]) ? periods[0] : {};
}

/** "DUPONT", "jean-pierre" → "DUPONT Jean-Pierre" (INSEE spells names in capitals). */
export function soleTraderName(surname: string | undefined, firstName: string | undefined): string | undefined {
  const first = firstName
    ?.toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_match, sep: string, letter: string) => sep + letter.toUpperCase());
  const parts = [surname?.toUpperCase(), first].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** NAF code as the customer field (max 6) stores it: "62.01Z" fits as it is; longer codes lose their dots. */
export function toApeCode(code: string | undefined): string | null {
  if (!code) return null;
  const trimmed = code.trim();
  if (trimmed.length <= 6) return trimmed;
  const compact = trimmed.replace(/\./g, '');
  return compact.length <= 6 ? compact : null;
}

/** Call name: the company name, else the sole trader's "SURNAME Firstname". */
function callNameOf(unit: Raw, reader: Reader): string | null {
  const denomination = reader.pick(unit, ['denominationUniteLegale'], 'callName');
  if (denomination) return denomination;
  const surname = reader.pick(unit, ['nomUsageUniteLegale', 'nomUniteLegale'], 'callName');
  const firstName = reader.pick(unit, ['prenomUsuelUniteLegale', 'prenom1UniteLegale'], 'callName');
  return soleTraderName(surname, firstName) ?? null;
}

/** Fields shared by both answers, read from the legal unit's current values. */
function unitFields(unit: Raw, reader: Reader, warnings: Said[]) {
  const legalFormCode = reader.pick(unit, ['categorieJuridiqueUniteLegale'], 'legalForm') ?? null;
  const naf = reader.pick(unit, ['activitePrincipaleUniteLegale'], 'apeCode');
  const apeCode = toApeCode(naf);
  if (naf && !apeCode) warnings.push(say('sireneApeTooLong', { naf }));
  return {
    callName: callNameOf(unit, reader),
    apeCode,
    legalForm: legalFormCode ? legalFormLabel(legalFormCode) : null,
    legalFormCode,
  };
}

const STREET = ['numeroVoieEtablissement', 'indiceRepetitionEtablissement', 'typeVoieEtablissement', 'libelleVoieEtablissement'];

/** `adresseEtablissement` → shared.address. A street with any withheld part is withheld as a whole. */
function mapAddress(raw: Raw, reader: Reader, warnings: Said[]): SireneAddress {
  const address: SireneAddress = {};
  if (reader.isHidden(raw, STREET)) reader.withhold('address.line1');
  else {
    const street = STREET.map((key) => reader.pick(raw, [key], 'address.line1')).filter(Boolean).join(' ');
    if (street) address.line1 = street;
  }
  address.line2 = reader.pick(raw, ['complementAdresseEtablissement'], 'address.line2');
  address.line3 = reader.pick(raw, ['distributionSpecialeEtablissement'], 'address.line3');
  const cedex = reader.pick(raw, ['codeCedexEtablissement'], 'address.postalCode');
  address.postalCode = cedex ?? reader.pick(raw, ['codePostalEtablissement'], 'address.postalCode');
  address.city = cedex
    ? reader.pick(raw, ['libelleCedexEtablissement', 'libelleCommuneEtablissement'], 'address.city')
    : reader.pick(raw, ['libelleCommuneEtablissement', 'libelleCommuneEtrangerEtablissement'], 'address.city');
  const foreignCountry = reader.pick(raw, ['libellePaysEtrangerEtablissement', 'codePaysEtrangerEtablissement'], 'address.country');
  if (foreignCountry) warnings.push(say('sireneAbroad', { country: foreignCountry }));
  else if (!reader.isHidden(raw, ['codePaysEtrangerEtablissement'])) address.country = 'FR';
  for (const key of Object.keys(address) as (keyof SireneAddress)[]) if (address[key] === undefined) delete address[key];
  return address;
}

const partlyDiffusible = (status: unknown): status is string => status === 'P' || status === 'N';

/** "since 2023-06-30", or since an unknown date when INSEE gives none. */
const since = (date: unknown, dated: MessageCode, undated: MessageCode, params: Record<string, string>): Said =>
  typeof date === 'string' && date !== '' ? say(dated, { ...params, since: day(date) }) : say(undated, params);

/** Answer of `GET /siret/{siret}` → identity with the establishment's address; warnings in `locale`. */
export function mapSiretAnswer(body: unknown, locale: Locale = DEFAULT_LOCALE): SireneIdentity {
  const establishment = isObject(body) ? body.etablissement : undefined;
  if (!isObject(establishment) || typeof establishment.siret !== 'string' || !isObject(establishment.uniteLegale)) {
    throw new SireneFormatError(say('sireneNoEstablishment'));
  }
  const unit = establishment.uniteLegale;
  const reader = new Reader();
  const warnings: Said[] = [];
  const siret = establishment.siret;
  const siren = typeof establishment.siren === 'string' ? establishment.siren : siret.slice(0, 9);
  const fields = unitFields(unit, reader, warnings);
  const address = isObject(establishment.adresseEtablissement) ? mapAddress(establishment.adresseEtablissement, reader, warnings) : {};
  const establishmentStatus = establishment.statutDiffusionEtablissement;
  if (partlyDiffusible(establishmentStatus)) warnings.push(say('sireneEstablishmentPartlyDiffusible', { siret, status: establishmentStatus }));
  if (partlyDiffusible(unit.statutDiffusionUniteLegale)) warnings.push(say('sireneUnitPartlyDiffusible', { siren, status: unit.statutDiffusionUniteLegale }));

  const period = currentPeriod(establishment.periodesEtablissement);
  const establishmentClosed = period.etatAdministratifEtablissement === 'F';
  const unitCeased = unit.etatAdministratifUniteLegale === 'C';
  if (establishmentClosed) warnings.push(since(period.dateDebut, 'sireneEstablishmentClosed', 'sireneEstablishmentClosedUndated', { siret }));
  if (unitCeased) warnings.push(say('sireneUnitCeased', { siren }));

  const nic = typeof unit.nicSiegeUniteLegale === 'string' && /^\d{5}$/.test(unit.nicSiegeUniteLegale) ? unit.nicSiegeUniteLegale : undefined;
  return {
    siren,
    siret,
    ...(nic ? { headOfficeSiret: siren + nic } : {}),
    ...fields,
    address,
    closed: establishmentClosed || unitCeased,
    withheld: reader.withheld,
    warnings: warnings.map((warning) => translate(warning, locale)),
  };
}

/** Answer of `GET /siren/{siren}` → identity with the head office SIRET, without address; warnings in `locale`. */
export function mapSirenAnswer(body: unknown, locale: Locale = DEFAULT_LOCALE): SireneIdentity {
  const unit = isObject(body) ? body.uniteLegale : undefined;
  if (!isObject(unit) || typeof unit.siren !== 'string') throw new SireneFormatError(say('sireneNoLegalUnit'));
  const siren = unit.siren;
  // the variable fields are in the current period; the few constant ones on the unit itself
  const merged: Raw = { ...unit, ...currentPeriod(unit.periodesUniteLegale) };
  const reader = new Reader();
  const warnings: Said[] = [];
  const fields = unitFields(merged, reader, warnings);
  if (partlyDiffusible(unit.statutDiffusionUniteLegale)) warnings.push(say('sireneUnitPartlyDiffusible', { siren, status: unit.statutDiffusionUniteLegale }));
  const closed = merged.etatAdministratifUniteLegale === 'C';
  if (closed) warnings.push(since(merged.dateDebut, 'sireneUnitCeasedSince', 'sireneUnitCeasedUndated', { siren }));
  const nic = typeof merged.nicSiegeUniteLegale === 'string' && /^\d{5}$/.test(merged.nicSiegeUniteLegale) ? merged.nicSiegeUniteLegale : undefined;
  if (!nic) warnings.push(say('sireneNoHeadOffice', { siren }));
  return {
    siren,
    ...(nic ? { headOfficeSiret: siren + nic } : {}),
    ...fields,
    closed,
    withheld: reader.withheld,
    warnings: warnings.map((warning) => translate(warning, locale)),
  };
}
