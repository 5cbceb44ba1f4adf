import { AREAS, CATALOG } from '../../src/domain/messages/catalog';
import { amount, day, fill, localeOf, num, say, translate, LOCALES } from '../../src/domain/messages';
import { placeholders } from '../../src/domain/messages/render';
import { checkCustomer } from '../../src/domain/customer-rules';

describe('the message catalog', () => {
  const entries = Object.entries(CATALOG) as [string, Record<string, string>][];

  it('has every message in every language, with the same parameters', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [code, texts] of entries) {
      for (const locale of LOCALES) expect({ code, locale, text: texts[locale]?.trim() || null }).toEqual({ code, locale, text: expect.any(String) });
      expect({ code, fr: placeholders(texts.fr) }).toEqual({ code, fr: placeholders(texts.en) });
    }
  });

  it('gives each code to one area only', () => {
    const seen = new Map<string, string>();
    for (const [area, texts] of Object.entries(AREAS)) {
      for (const code of Object.keys(texts)) {
        expect({ code, also: seen.get(code) ?? null }).toEqual({ code, also: null });
        seen.set(code, area);
      }
    }
    expect(seen.size).toBe(entries.length);
  });

  it('leaves no English message untranslated (a French text differs from its English one)', () => {
    const same = entries.filter(([, t]) => t.fr === t.en && /[a-z]{4}/i.test(t.en)).map(([code]) => code);
    expect(same).toEqual([]);
  });
});

describe('locale of a request', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['*', 'en'],
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-GB,fr;q=0.5', 'en'],
    ['de-DE,fr;q=0.8,en;q=0.5', 'fr'],
    ['en;q=0.2, fr;q=0.9', 'fr'],
    ['fr;q=0, en', 'en'],
    ['de, it', 'en'],
    [['fr-CA'], 'fr'],
  ])('%j reads %s', (header, locale) => expect(localeOf(header as any)).toBe(locale));
});

describe('parameters in the reader’s convention', () => {
  it('writes numbers and days the French way, and leaves English as the code has always written it', () => {
    const template = 'outstanding {a} over {t} since {d} ({n} lines)';
    const params = { a: amount('2177686.2'), t: num('-7000', 2), d: day('2026-12-05'), n: 1234 };
    expect(fill(template, params, 'en')).toBe('outstanding 2177686.20 over -7000.00 since 2026-12-05 (1234 lines)');
    expect(fill(template, params, 'fr')).toBe('outstanding 2\u202f177\u202f686,20 over -7\u202f000,00 since 05/12/2026 (1\u202f234 lines)');
  });

  it('rounds half up without losing digits of large amounts', () => {
    expect(fill('{x}', { x: num('123456789012345.675', 2) }, 'en')).toBe('123456789012345.68');
  });

  it('keeps an unknown placeholder as written', () => expect(fill('a {b} c', {}, 'fr')).toBe('a {b} c'));
});

describe('say and translate', () => {
  it('carries the code and parameters, renders English by default, French on demand', () => {
    const said = say('siretInvalid', { siret: '12345678901234' });
    expect(said).toEqual({ code: 'siretInvalid', params: { siret: '12345678901234' }, message: 'SIRET 12345678901234 is not valid: 14 digits with a correct check digit expected' });
    expect(translate(said, 'fr')).toBe('le SIRET 12345678901234 n’est pas valide : 14 chiffres avec une clé de contrôle correcte sont attendus');
    expect(translate({ message: 'as written' }, 'fr')).toBe('as written');
  });

  it('is what the customer rules return', () => {
    const { errors } = checkCustomer({ siret: '12345678901234', country: 'FR' }, { siret: '12345678901234' }, { reliabilityColourEnabled: true } as any);
    expect(errors).toEqual([expect.objectContaining({ path: ['siret'], code: 'siretInvalid' })]);
    expect(errors.map((e) => translate(e, 'fr'))).toEqual([expect.stringMatching(/^le SIRET 12345678901234 n’est pas valide/)]);
  });
});
