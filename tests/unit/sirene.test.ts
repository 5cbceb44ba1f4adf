import { legalFormLabel } from '../../src/domain/legal-forms';
import { currentPeriod, mapSirenAnswer, mapSiretAnswer, SireneFormatError, soleTraderName, toApeCode } from '../../src/domain/sirene';
import siretCompany from '../fixtures/sirene/siret-company.json';
import sirenCompany from '../fixtures/sirene/siren-company.json';
import soleTrader from '../fixtures/sirene/siret-sole-trader.json';
import nonDiffusible from '../fixtures/sirene/siret-non-diffusible.json';
import closed from '../fixtures/sirene/siret-closed.json';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('legal forms', () => {
  it.each([
    ['5499', 'SARL'],
    ['5710', 'SAS'],
    ['5720', 'SASU'],
    ['5599', 'SA'],
    ['1000', 'Entrepreneur individuel'],
    ['6540', 'SCI'],
    ['9220', 'Association déclarée'],
  ])('%s is %s', (code, label) => expect(legalFormLabel(code)).toBe(label));

  it('returns an unknown code as it is', () => expect(legalFormLabel('7389')).toBe('7389'));
});

describe('pure helpers', () => {
  it('spells a sole trader "SURNAME Firstname", compound first names included', () => {
    expect(soleTraderName('dupont', 'JEAN-PIERRE')).toBe('DUPONT Jean-Pierre');
    expect(soleTraderName("D'ALEMBERT", 'ÉLODIE')).toBe("D'ALEMBERT Élodie");
    expect(soleTraderName('MARTIN', undefined)).toBe('MARTIN');
    expect(soleTraderName(undefined, undefined)).toBeUndefined();
  });

  it('keeps the NAF dot when the code fits the 6-character APE field, drops it otherwise', () => {
    expect(toApeCode('62.01Z')).toBe('62.01Z');
    expect(toApeCode('72.2Z')).toBe('72.2Z');
    expect(toApeCode('01.11.Z')).toBe('0111Z');
    expect(toApeCode('ABCDEFGH')).toBeNull();
    expect(toApeCode(undefined)).toBeNull();
  });

  it('takes the period without dateFin as the current one', () => {
    expect(currentPeriod([{ dateFin: '2019-03-31', n: 1 }, { dateFin: null, n: 2 }])).toEqual({ dateFin: null, n: 2 });
    expect(currentPeriod(undefined)).toEqual({});
  });
});

describe('SIRET answer', () => {
  it('fills every field and the address of an establishment', () => {
    expect(mapSiretAnswer(siretCompany)).toEqual({
      siren: '812345676',
      siret: '81234567600025',
      headOfficeSiret: '81234567600017',
      callName: 'LOGICIELS DU RHONE',
      apeCode: '62.01Z',
      legalForm: 'SAS',
      legalFormCode: '5710',
      address: { line1: '14 B RUE DE LA REPUBLIQUE', line2: 'BATIMENT C', postalCode: '69002', city: 'LYON 2EME', country: 'FR' },
      closed: false,
      withheld: [],
      warnings: [],
    });
  });

  it('names a sole trader "SURNAME Firstname" with the usual first name', () => {
    const identity = mapSiretAnswer(soleTrader);
    expect(identity.callName).toBe('DUPONT Jean-Pierre');
    expect(identity.legalForm).toBe('Entrepreneur individuel');
    expect(identity.address).toEqual({ line1: '3 IMP DES LILAS', postalCode: '33000', city: 'BORDEAUX', country: 'FR' });
  });

  it('prefers the usage name to the birth name of a sole trader', () => {
    const body = clone(soleTrader);
    body.etablissement.uniteLegale.nomUsageUniteLegale = 'DURAND' as any;
    expect(mapSiretAnswer(body).callName).toBe('DURAND Jean-Pierre');
  });

  it('never copies [ND] values and lists them as withheld', () => {
    const identity = mapSiretAnswer(nonDiffusible);
    expect(identity.callName).toBe('LEFEBVRE');
    expect(identity.address).toEqual({ postalCode: '59000', city: 'LILLE', country: 'FR' });
    expect(identity.withheld).toEqual(['callName', 'address.line1', 'address.line2']);
    expect(JSON.stringify(identity)).not.toContain('[ND]');
    expect(identity.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/partially diffusible \(statut de diffusion P\)/)]));
  });

  it('reports a closed establishment of a ceased unit, still with its data', () => {
    const identity = mapSiretAnswer(closed);
    expect(identity.closed).toBe(true);
    expect(identity.callName).toBe('BOULANGERIE DU PORT');
    expect(identity.legalForm).toBe('SARL');
    expect(identity.warnings).toEqual([
      'establishment 31415926000012 is closed (since 2023-06-30)',
      'legal unit 314159260 has ceased trading',
    ]);
  });

  it('uses the CEDEX code and label when the establishment has one', () => {
    const body = clone(siretCompany);
    Object.assign(body.etablissement.adresseEtablissement, { codeCedexEtablissement: '69289', libelleCedexEtablissement: 'LYON CEDEX 02', distributionSpecialeEtablissement: 'BP 1234' });
    expect(mapSiretAnswer(body).address).toMatchObject({ line3: 'BP 1234', postalCode: '69289', city: 'LYON CEDEX 02', country: 'FR' });
  });

  it('leaves the country of a foreign establishment empty, with a warning', () => {
    const body = clone(siretCompany);
    Object.assign(body.etablissement.adresseEtablissement, {
      codePostalEtablissement: null,
      libelleCommuneEtablissement: null,
      libelleCommuneEtrangerEtablissement: 'BRUXELLES',
      codePaysEtrangerEtablissement: '99131',
      libellePaysEtrangerEtablissement: 'BELGIQUE',
    });
    const identity = mapSiretAnswer(body);
    expect(identity.address).toEqual({ line1: '14 B RUE DE LA REPUBLIQUE', line2: 'BATIMENT C', city: 'BRUXELLES' });
    expect(identity.warnings).toEqual(['the establishment is abroad (BELGIQUE): the address country is not filled']);
  });

  it('refuses an answer without an establishment', () => {
    expect(() => mapSiretAnswer({ header: { statut: 200 } })).toThrow(SireneFormatError);
    expect(() => mapSiretAnswer('<html>')).toThrow(SireneFormatError);
  });
});

describe('SIREN answer', () => {
  it('reads the current period and derives the head office SIRET, without address', () => {
    expect(mapSirenAnswer(sirenCompany)).toEqual({
      siren: '812345676',
      headOfficeSiret: '81234567600017',
      callName: 'LOGICIELS DU RHONE',
      apeCode: '62.01Z',
      legalForm: 'SAS',
      legalFormCode: '5710',
      closed: false,
      withheld: [],
      warnings: [],
    });
  });

  it('reports a ceased legal unit', () => {
    const body = clone(sirenCompany);
    body.uniteLegale.periodesUniteLegale[0].etatAdministratifUniteLegale = 'C';
    const identity = mapSirenAnswer(body);
    expect(identity.closed).toBe(true);
    expect(identity.warnings).toEqual(['legal unit 812345676 has ceased trading (since 2019-04-01)']);
  });

  it('refuses an answer without a legal unit', () => {
    expect(() => mapSirenAnswer({})).toThrow(SireneFormatError);
  });
});
