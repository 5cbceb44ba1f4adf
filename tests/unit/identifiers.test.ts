import {
  EU_COUNTRIES,
  EU_VAT_PREFIXES,
  checkEuVatNumber,
  frVatKey,
  isCountryCode,
  isEuCountry,
  isValidBic,
  isValidIban,
  normalizeBankId,
  isValidFrVat,
  isValidSiren,
  isValidSiret,
  luhnIsValid,
  normalizeIdentifier,
  vatPrefixForCountry,
} from '../../src/domain/identifiers';

// Every "valid" vector below was checked by hand-computing its checksum (Luhn,
// digit sum or VAT key); the comments give the computed value.

describe('isValidSiren', () => {
  it.each([
    ['732829320'], // SIREN used in INSEE/python-stdnum examples
    ['552100554'],
    ['443061841'], // Google France
    ['356000000'], // La Poste
    ['404833048'],
  ])('accepts %s (Luhn ok)', (siren) => {
    expect(isValidSiren(siren)).toBe(true);
  });

  it.each([
    ['732829321', 'last digit changed'],
    ['732829230', 'two digits swapped'],
    ['123456789', 'fails Luhn'],
    ['73282932', '8 digits'],
    ['7328293200', '10 digits'],
    ['73282932A', 'contains a letter'],
    ['732 829 320', 'not normalised'],
    ['', 'empty'],
  ])('refuses %s (%s)', (siren) => {
    expect(isValidSiren(siren)).toBe(false);
  });
});

describe('isValidSiret', () => {
  it.each([
    ['73282932000074', 'Luhn'],
    ['44306184100047', 'Luhn (Google France)'],
    ['55210055400013', 'Luhn'],
    ['35600000000048', 'La Poste head office: Luhn, digit sum 26'],
    ['35600000049837', 'La Poste: digit sum 45, fails Luhn'],
  ])('accepts %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(true);
  });

  it.each([
    ['73282932000079', 'last digit changed'],
    ['44306184100074', 'last two digits swapped'],
    ['35600000049838', 'La Poste with digit sum 46'],
    ['35600000000049', 'La Poste head office with last digit changed'],
    ['35600000012345', 'La Poste with digit sum 29'],
    ['12345678900007', 'passes Luhn over 14 digits but SIREN 123456789 fails Luhn'],
    ['7328293200007', '13 digits'],
    ['732829320000740', '15 digits'],
    ['7328293200007A', 'contains a letter'],
    ['732 829 320 00074', 'not normalised'],
  ])('refuses %s (%s)', (siret) => {
    expect(isValidSiret(siret)).toBe(false);
  });

  it('the La Poste vectors really exercise the special rule', () => {
    const digitSum = (s: string) => [...s].reduce((a, c) => a + Number(c), 0);
    // 35600000049837 is valid only through the digit-sum rule: it fails plain Luhn.
    expect(luhnIsValid('35600000049837')).toBe(false);
    expect(digitSum('35600000049837') % 5).toBe(0);
    // The head office is valid only through Luhn: its digit sum (26) is not a multiple of 5.
    expect(luhnIsValid('35600000000048')).toBe(true);
    expect(digitSum('35600000000048') % 5).not.toBe(0);
    // 35600000049838 fails both rules.
    expect(luhnIsValid('35600000049838')).toBe(false);
    expect(digitSum('35600000049838') % 5).not.toBe(0);
  });
});

describe('normalizeIdentifier', () => {
  it.each([
    ['732 829 320', '732829320'],
    ['732.829.320', '732829320'],
    ['732-829-320', '732829320'],
    [' 732\u00a0829\u202f320\t', '732829320'],
    ['fr 44 732.829-320', 'fr44732829320'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeIdentifier(input)).toBe(expected);
  });
});

describe('frVatKey', () => {
  it.each([
    ['732829320', '44'],
    ['404833048', '83'],
    ['443061841', '64'],
    ['356000000', '39'],
    ['552100554', '96'],
  ])('SIREN %s → key %s', (siren, key) => {
    expect(frVatKey(siren)).toBe(key);
  });

  it('zero-pads one-digit keys', () => {
    // 12 + 3 × (n mod 97) ≡ 5 (mod 97) for n mod 97 = 30; SIREN 000000030 → key 05
    expect(frVatKey('000000030')).toBe('05');
    // n mod 97 = 61 → (12 + 183) mod 97 = 1
    expect(frVatKey('000000061')).toBe('01');
  });

  it('throws on something that is not a 9-digit SIREN', () => {
    expect(() => frVatKey('12345')).toThrow(RangeError);
  });
});

describe('isValidFrVat', () => {
  it.each([
    ['FR44732829320'],
    ['FR83404833048'],
    ['FR64443061841'],
    ['FR39356000000'],
    ['fr 44 732 829 320'], // normalised before checking
    ['FRK7399859412'], // alphanumeric key: accepted on format only
  ])('accepts %s', (vat) => {
    expect(isValidFrVat(vat)).toBe(true);
  });

  it.each([
    ['FR45732829320', 'wrong key'],
    ['FR00732829320', 'wrong key'],
    ['FR47732829321', 'right key for 732829321, but that SIREN fails Luhn'],
    ['FR4473282932', 'SIREN too short'],
    ['FRIO732829320', 'I and O are not allowed in keys'],
    ['DE44732829320', 'not a French number'],
    ['44732829320', 'no prefix'],
  ])('refuses %s (%s)', (vat) => {
    expect(isValidFrVat(vat)).toBe(false);
  });
});

describe('checkEuVatNumber', () => {
  it.each([
    ['FR44732829320', 'FR'],
    ['FR 83 404.833-048', 'FR'],
    ['DE136695976', 'DE'],
    ['de 813 495 425', 'DE'],
    ['BE0403170701', 'BE'],
    ['BE 0417.497.106', 'BE'],
    ['IT00743110157', 'IT'],
    ['IT00159560366', 'IT'],
    ['ESA28015865', 'ES'],
    ['ES54362315K', 'ES'],
    ['ESX2482300W', 'ES'],
    ['NL004495445B01', 'NL'],
    ['EL094259216', 'GR'],
    ['ATU13585627', 'AT'],
    ['IE6388047V', 'IE'],
    ['IE1234567FA', 'IE'],
    ['SE556703748501', 'SE'],
    ['XI980780684', 'GB'],
  ])('accepts %s as country %s', (vat, country) => {
    const result = checkEuVatNumber(vat);
    expect(result).toEqual(expect.objectContaining({ ok: true, country }));
  });

  it('returns the normalised number and the prefix', () => {
    expect(checkEuVatNumber(' el 094-259.216 ')).toEqual({
      ok: true,
      country: 'GR',
      prefix: 'EL',
      normalized: 'EL094259216',
    });
  });

  it.each([
    ['DE13669597', /does not match the DE format: DE followed by 9 digits/],
    ['DE1366959760', /DE format/],
    ['BE2403170701', /BE format: BE followed by 10 digits starting with 0 or 1/],
    ['BE403170701', /BE format/],
    ['IT0074311015', /IT format: IT followed by 11 digits/],
    ['ES12345678', /ES format/],
    ['ES123456789', /ES format/], // all digits: a Spanish NIF always has a letter
    ['NL004495445A01', /NL format: NL followed by 9 digits, the letter B, then 2 digits/],
    ['NL4495445B01', /NL format/],
    ['EL09425921', /EL format: EL followed by 9 digits/],
    ['GR094259216', /Greek VAT numbers use the prefix EL \(EL094259216\)/],
    ['GB980780684', /prefix GB, which is not an EU VAT prefix/],
    ['US123456789', /not an EU VAT prefix/],
    ['123456789', /must start with a two-letter country prefix/],
    ['', /VAT number is empty/],
  ])('refuses %s', (vat, reason) => {
    const result = checkEuVatNumber(vat);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('explains a wrong French key with the expected one', () => {
    expect(checkEuVatNumber('FR00732829320')).toEqual({
      ok: false,
      reason: 'VAT number FR00732829320 has key 00, expected 44 for SIREN 732829320',
      said: expect.objectContaining({ code: 'vatFrenchKey', message: 'VAT number FR00732829320 has key 00, expected 44 for SIREN 732829320' }),
    });
  });

  it('points at the SIREN when its checksum fails', () => {
    const result = checkEuVatNumber('FR47732829321');
    expect(result).toEqual({
      ok: false,
      reason: expect.stringContaining('contains SIREN 732829321, which fails the SIREN checksum'),
      said: expect.objectContaining({ code: 'vatFrenchSirenChecksum' }),
    });
  });

  it('accepts Monaco numbers (000 SIREN position, not Luhn) when the key is right', () => {
    const body = '000012345'; // 12345 fails Luhn
    expect(isValidSiren(body)).toBe(false);
    expect(checkEuVatNumber(`FR${frVatKey(body)}${body}`).ok).toBe(true);
    expect(checkEuVatNumber(`FR00${body}`).ok).toBe(false);
  });

  it('knows a format for every EU VAT prefix', () => {
    const prefixes = EU_COUNTRIES.map((c) => vatPrefixForCountry(c));
    expect(EU_VAT_PREFIXES).toEqual([...prefixes, 'XI'].sort());
  });
});

describe('country codes', () => {
  it('lists the 27 EU members, with Greece as GR', () => {
    expect(EU_COUNTRIES).toHaveLength(27);
    expect(new Set(EU_COUNTRIES).size).toBe(27);
    expect(EU_COUNTRIES).toContain('GR');
    expect(EU_COUNTRIES).not.toContain('EL');
    expect(EU_COUNTRIES).not.toContain('GB');
    expect(EU_COUNTRIES.every((c) => isCountryCode(c))).toBe(true);
  });

  it.each([['FR'], ['DE'], ['GR'], ['HR'], ['CY'], ['MT']])('isEuCountry(%s) is true', (c) => {
    expect(isEuCountry(c)).toBe(true);
  });

  it.each([['GB'], ['CH'], ['NO'], ['EL'], ['XI'], ['MC'], ['fr']])('isEuCountry(%s) is false', (c) => {
    expect(isEuCountry(c)).toBe(false);
  });

  it.each([
    ['GR', 'EL'],
    ['FR', 'FR'],
    ['AT', 'AT'],
    ['GB', null],
    ['CH', null],
  ])('vatPrefixForCountry(%s) → %s', (country, prefix) => {
    expect(vatPrefixForCountry(country)).toBe(prefix);
  });

  it.each([['FR'], ['GB'], ['US'], ['AX'], ['SS'], ['BQ'], ['CW'], ['SX'], ['AQ'], ['UM']])(
    'isCountryCode(%s) is true',
    (c) => {
      expect(isCountryCode(c)).toBe(true);
    }
  );

  it.each([['UK'], ['EL'], ['EU'], ['XK'], ['ZZ'], ['AN'], ['YU'], ['fr'], ['FRA'], ['']])(
    'isCountryCode(%s) is false',
    (c) => {
      expect(isCountryCode(c)).toBe(false);
    }
  );

  it('knows the 249 officially assigned codes, each with an English name in ICU', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const codes: string[] = [];
    for (let a = 65; a <= 90; a += 1) {
      for (let b = 65; b <= 90; b += 1) {
        const code = String.fromCharCode(a, b);
        if (isCountryCode(code)) codes.push(code);
      }
    }
    expect(codes).toHaveLength(249);
    expect(codes.filter((c) => names.of(c) === undefined)).toEqual([]);
  });
});

describe('IBAN and BIC', () => {
  it.each([
    ['FR7630004000031234567890143', true], // the well-known BNP example
    ['DE89370400440532013000', true],
    ['GB29NWBK60161331926819', true],
    ['FR7630004000031234567890144', false], // one digit off
    ['FR76300040000312345678901', false], // check digits of another length
    ['76FR30004000031234567890143', false],
    ['', false],
  ])('%s is valid: %s', (iban, valid) => expect(isValidIban(iban)).toBe(valid));

  it('reads an IBAN as typed, in groups of four', () => {
    expect(normalizeBankId('fr76 3000 4000 0312 3456 7890 143')).toBe('FR7630004000031234567890143');
    expect(isValidIban(normalizeBankId('fr76 3000 4000 0312 3456 7890 143'))).toBe(true);
  });

  it.each([
    ['BNPAFRPP', true],
    ['BNPAFRPPXXX', true],
    ['BNPAFRP', false],
    ['BNPA1RPPXXX', false],
  ])('BIC %s is valid: %s', (bic, valid) => expect(isValidBic(bic)).toBe(valid));
});
