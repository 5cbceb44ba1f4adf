import Decimal from 'decimal.js';
import {
  ageBalances,
  ageingBand,
  dueOn,
  addTotals,
  buildSection,
  dunningLines,
  formatDay,
  formatMoney,
  winAnsiSafe,
  interestOf,
  legalMentions,
  letterOf,
  creditsOf,
  levelFor,
  parseDunningCriteria,
  parseStatementCriteria,
  renderTemplate,
  type CurrencyTotals,
  type DunningLevel,
  type InvoiceRow,
  type PaymentRow,
} from '../../../src/plugins/credit-control/server/src/core';

const NBSP = '\u00a0';

describe('ageing bands', () => {
  it.each([
    [null, 'notDue'],
    ['2025-06-30', 'notDue'],
    ['2025-06-29', 'late1to30'],
    ['2025-05-31', 'late1to30'],
    ['2025-05-30', 'late31to60'],
    ['2025-05-01', 'late31to60'],
    ['2025-04-30', 'late61to90'],
    ['2025-04-01', 'late61to90'],
    ['2025-03-31', 'lateOver90'],
  ])('due %s as of 2025-06-30 → %s', (due, band) => {
    expect(ageingBand(due, '2025-06-30')).toBe(band);
  });

  it('sums balances per band, credit notes lowering theirs; a missing due date falls on the document date', () => {
    const ageing = ageBalances(
      [
        { dueDate: '2025-07-10', date: '2025-06-10', balanceMinor: 10000n },
        { dueDate: '2025-06-01', date: '2025-05-01', balanceMinor: 2550n },
        { dueDate: '2025-06-02', date: '2025-05-02', balanceMinor: -550n },
        { dueDate: '2025-01-01', date: '2024-12-01', balanceMinor: 99n },
        { dueDate: null, date: '2025-05-15', balanceMinor: 7n }, // 46 days late
        { dueDate: null, date: null, balanceMinor: 3n }, // undated: not due
      ],
      '2025-06-30'
    );
    expect(ageing).toEqual({ notDue: 10003n, late1to30: 2000n, late31to60: 7n, late61to90: 0n, lateOver90: 99n });
    expect(dueOn({ dueDate: null, date: '2025-05-15' })).toBe('2025-05-15');
  });
});

const inv = (o: Partial<InvoiceRow>): InvoiceRow => ({
  documentId: o.number ?? 'x', number: 'F1', date: '2025-01-01', dueDate: '2025-01-31', totalMinor: 120000n, paidMinor: 0n, currency: 'EUR', creditNote: false, ...o,
});
const pay = (o: Partial<PaymentRow>): PaymentRow => ({ documentId: 'p', number: 'R1', date: '2025-02-01', amountMinor: 5000n, allocatedMinor: 0n, currency: 'EUR', ...o });
const party = { documentId: 'c1', code: 'C1', name: 'Acme', legalName: 'Acme SAS', address: [], professional: true };

describe('statement section', () => {
  it('lists open items by due date with balance = total − paid, credit notes negative, and totals per currency', () => {
    const section = buildSection(
      party,
      [
        inv({ number: 'F2', dueDate: '2025-03-15', totalMinor: 123456n, paidMinor: 23456n }),
        inv({ number: 'F1', dueDate: '2025-02-10', totalMinor: 60000n }),
        inv({ number: 'AV1', dueDate: '2025-02-20', totalMinor: 12000n, creditNote: true }),
        inv({ number: 'F3', totalMinor: 5000n, paidMinor: 5000n }),
        inv({ number: 'U1', totalMinor: 1000n, currency: 'USD', dueDate: '2024-12-01' }),
      ],
      [pay({ number: 'R2', date: '2025-03-01', amountMinor: 30000n, allocatedMinor: 10000n }), pay({ number: 'R1', date: '2025-02-01', amountMinor: 7000n, allocatedMinor: 7000n })],
      '2025-03-31'
    )!;
    expect(section.items.map((i) => [i.number, i.balanceMinor])).toEqual([
      ['U1', 1000n],
      ['F1', 60000n],
      ['AV1', -12000n],
      ['F2', 100000n],
    ]);
    expect(section.payments.map((p) => p.number)).toEqual(['R1', 'R2']);
    const eur = section.totals.find((t) => t.currency === 'EUR')!;
    expect(eur).toMatchObject({ totalMinor: 171456n, paidMinor: 23456n, balanceMinor: 148000n, paymentsMinor: 37000n, unallocatedMinor: 20000n });
    expect(eur.ageing).toEqual({ notDue: 0n, late1to30: 100000n, late31to60: 48000n, late61to90: 0n, lateOver90: 0n });
    expect(section.totals.find((t) => t.currency === 'USD')!.ageing.lateOver90).toBe(1000n);
  });

  // the balance due of a currency: its open items' balance less its payments' unallocated parts, never another currency's
  it.each([
    ['open items only', [inv({ totalMinor: 100000n })], [], { EUR: [100000n, 0n, 100000n] }],
    ['a payment on account', [inv({ totalMinor: 100000n })], [pay({ amountMinor: 30000n })], { EUR: [100000n, 30000n, 70000n] }],
    ['a payment partly allocated', [inv({ totalMinor: 100000n, paidMinor: 10000n })], [pay({ amountMinor: 30000n, allocatedMinor: 10000n })], { EUR: [90000n, 20000n, 70000n] }],
    ['a credit note and a payment on account', [inv({ totalMinor: 100000n }), inv({ number: 'AV1', totalMinor: 12000n, creditNote: true })], [pay({ amountMinor: 8000n })], { EUR: [88000n, 8000n, 80000n] }],
    ['more paid on account than owed: in the customer\'s favour', [inv({ totalMinor: 10000n })], [pay({ amountMinor: 25000n })], { EUR: [10000n, 25000n, -15000n] }],
    ['payments only', [], [pay({ amountMinor: 5000n })], { EUR: [0n, 5000n, -5000n] }],
    [
      'two currencies, each netted apart',
      [inv({ totalMinor: 100000n }), inv({ number: 'U1', totalMinor: 60000n, currency: 'USD' })],
      [pay({ amountMinor: 7500n, currency: 'USD' }), pay({ number: 'R2', amountMinor: 1000n })],
      { EUR: [100000n, 1000n, 99000n], USD: [60000n, 7500n, 52500n] },
    ],
  ] as [string, InvoiceRow[], PaymentRow[], Record<string, [bigint, bigint, bigint]>][])('nets the balance due per currency: %s', (_case, invoices, payments, expected) => {
    const section = buildSection(party, invoices, payments, '2025-03-31')!;
    const net = Object.fromEntries(section.totals.map((t) => [t.currency, [t.balanceMinor, t.unallocatedMinor, t.dueMinor]]));
    expect(net).toEqual(expected);
    // the grand total adds sections currency by currency, the net too
    const grand = new Map<string, CurrencyTotals>();
    addTotals(grand, section);
    addTotals(grand, section);
    for (const [currency, [balance, unallocated, due]] of Object.entries(expected)) {
      expect(grand.get(currency)).toMatchObject({ balanceMinor: 2n * balance, unallocatedMinor: 2n * unallocated, dueMinor: 2n * due });
    }
  });

  it('has no section without open item or payment', () => {
    expect(buildSection(party, [inv({ paidMinor: 120000n })], [], '2025-03-31')).toBeNull();
  });
});

const level = (rank: number, minDaysOverdue: number, o: Partial<DunningLevel> = {}): DunningLevel => ({
  code: `L${rank}`, name: `Level ${rank}`, rank, minDaysOverdue, subject: 's', body: 'b', fee: null, interestRate: null, language: 'fr', ...o,
});
const LEVELS = [level(1, 1), level(2, 15, { fee: '15.00' }), level(3, 30, { fee: '40.00', interestRate: '12.15' })];

const LEVELS_WITH_INTERVALS = [level(1, 1), level(2, 15, { minDaysSincePrevious: 10 }), level(3, 30, { minDaysSincePrevious: 15 })];

describe('dunning level', () => {
  const AS_OF = '2025-06-30';
  it.each([
    // days overdue, last rank reached (null: never dunned), day it reached it, expected rank
    [0, null, null, null],
    [1, null, null, 1],
    [20, null, null, 2], // a first letter takes the level its delay reaches
    [679, null, null, 3], // not "probably an oversight"
    [10, 1, '2025-06-01', 1], // not late enough for the next: the same level again
    [20, 1, '2025-06-01', 2],
    [45, 1, '2025-06-01', 2], // once dunned, one step per letter
    [45, 2, '2025-06-01', 3],
    [45, 3, '2025-06-01', 3],
    [5, 3, '2025-06-01', 3], // never goes down
    [45, 1, AS_OF, 1], // a rerun the same day does not escalate
    [45, 1, '2025-06-21', 1], // 9 days since friendly: firm needs 10
    [45, 1, '2025-06-20', 2], // 10 days: firm
    [45, 2, '2025-06-16', 2], // 14 days since firm: the formal notice needs 15
    [45, 2, '2025-06-15', 3],
    [45, 1, null, 2], // a history without its day (older records): the interval is not held against it
  ])('%i days late, last rank %s reached on %s → rank %s', (days, last, reachedOn, expected) => {
    const history = last === null ? null : { rank: last, reachedOn };
    expect(levelFor(days, history, AS_OF, LEVELS_WITH_INTERVALS)?.rank ?? null).toBe(expected);
  });
});

describe('interest and fee', () => {
  it.each([
    // balance, annual %, days, expected interest (minor)
    [100000n, '12.15', 30, 999n], // 1000 × 0.1215 × 30 / 365 = 9.9863… → 9.99
    [123456n, '10', 365, 12346n], // 123.456 → 123.46 half-up
    [100000n, '0', 30, 0n],
    [100000n, null, 30, 0n],
    [-5000n, '10', 30, 0n],
  ])('%s at %s %% for %i days → %s', (balance, rate, days, expected) => {
    expect(interestOf(balance, rate, days, 'EUR')).toBe(expected);
  });

  it.each([
    // a half minor unit rounds up; a rate read back as a float, one written with an exponent; a currency without decimals
    [36500n, '0.5', 1, 'EUR', 1n], // 0.005 → 0.01
    [36499n, '0.5', 1, 'EUR', 0n], // 0.00499… → 0.00
    [100000n, 10.25, 73, 'EUR', 2050n],
    [100000n, '1.2e1', 365, 'EUR', 12000n],
    [1000n, '10', 365, 'JPY', 100n],
  ])('%s at %s %% for %i days in %s → %s', (balance, rate, days, currency, expected) => {
    expect(interestOf(balance, rate, days, currency)).toBe(expected);
  });

  it('is the exact decimal half-up result for any balance, rate and delay', () => {
    const Exact = Decimal.clone({ precision: 80 });
    let seed = 7;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 2000; i++) {
      const balance = BigInt(next(100_000_000) + 1);
      const rate = `${next(30)}.${String(next(10_000)).padStart(4, '0')}`;
      const days = next(2000) + 1;
      const exact = new Exact(balance.toString()).mul(rate).mul(days).div(36500).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
      expect(interestOf(balance, rate, days, 'EUR')).toBe(BigInt(exact.toFixed(0)));
    }
  });

  it('selects invoices due before, with a balance, and totals the letter with the top level fee once', () => {
    const lines = dunningLines(
      [
        { documentId: 'a', number: 'F1', date: null, dueDate: '2025-05-01', balanceMinor: 100000n, currency: 'EUR', lastRank: 2, lastReachedOn: '2025-06-01' },
        { documentId: 'b', number: 'F2', date: null, dueDate: '2025-06-10', balanceMinor: 50000n, currency: 'EUR', lastRank: null },
        { documentId: 'c', number: 'F3', date: null, dueDate: '2025-06-20', balanceMinor: 50000n, currency: 'EUR', lastRank: null }, // not before dueBefore
        { documentId: 'd', number: 'F4', date: null, dueDate: '2025-05-01', balanceMinor: 0n, currency: 'EUR', lastRank: null }, // paid
      ],
      { dueBefore: '2025-06-15', asOf: '2025-06-30' },
      LEVELS
    );
    expect(lines.map((l) => [l.number, l.daysOverdue, l.level.rank, l.interestMinor])).toEqual([
      ['F1', 60, 3, 1997n], // 1000 × 12.15 % × 60 / 365 = 19.972…
      ['F2', 20, 2, 0n], // first letter, 20 days late: the firm level
    ]);
    const letter = letterOf(lines)!;
    expect(letter.level.rank).toBe(3);
    expect(letter.totals).toEqual([{ currency: 'EUR', balanceMinor: 150000n, interestMinor: 1997n, feeMinor: 4000n, indemnityMinor: 0n, indemnityCount: 0, creditNotesMinor: 0n, unallocatedMinor: 0n, totalMinor: 155997n }]);
  });

  it('claims the recovery indemnity per invoice in its currency, apart from the fee, only at a level that claims it', () => {
    const line = (number: string, currency: string, claims: boolean) => ({
      documentId: number, number, date: null, dueDate: '2025-05-01', balanceMinor: 10000n, currency, lastRank: null, daysOverdue: 60, interestMinor: 0n,
      level: level(3, 30, { fee: '0.00', claimsIndemnity: claims }),
    });
    const indemnity = { amount: '40.00', currency: 'EUR' };
    const claimed = letterOf([line('F1', 'EUR', true), line('F2', 'EUR', true), line('F3', 'USD', true)], indemnity)!;
    expect(claimed.totals.map((t) => [t.currency, t.indemnityCount, t.indemnityMinor, t.feeMinor, t.totalMinor])).toEqual([
      ['EUR', 2, 8000n, 0n, 28000n],
      ['USD', 0, 0n, 0n, 10000n],
    ]);
    // a private customer (no indemnity given), or a level that does not claim it
    expect(letterOf([line('F1', 'EUR', true)], null)!.totals[0].indemnityMinor).toBe(0n);
    expect(letterOf([line('F1', 'EUR', false)], indemnity)!.totals[0].indemnityMinor).toBe(0n);
  });

  it.each([
    // credit notes, unallocated payments (minor) against 100,00 claimed → deducted, deducted, claimed (null: no letter)
    [0n, 0n, [0n, 0n, 10000n]],
    [3000n, 0n, [3000n, 0n, 7000n]],
    [3000n, 2000n, [3000n, 2000n, 5000n]],
    [8000n, 1000n, [8000n, 1000n, 1000n]],
    [8000n, 5000n, null], // covered: the credit note first, then what is left of the payments; nothing to claim
    [10000n, 0n, null],
    [0n, 25000n, null],
  ])('deducts credit notes %s and unallocated payments %s from what is claimed', (creditNotesMinor, unallocatedMinor, expected) => {
    const line = { documentId: 'a', number: 'F1', date: null, dueDate: '2025-05-01', balanceMinor: 10000n, currency: 'EUR', lastRank: null, daysOverdue: 5, interestMinor: 0n, level: level(1, 1) };
    const credits = new Map([['EUR', { creditNotesMinor, unallocatedMinor }], ['USD', { creditNotesMinor: 99900n, unallocatedMinor: 0n }]]);
    const letter = letterOf([line], null, credits);
    expect(letter && letter.totals.map((t) => [t.creditNotesMinor, t.unallocatedMinor, t.totalMinor])[0]).toEqual(expected);
  });

  it('never deducts below zero in a currency, and still sends what another currency claims', () => {
    const line = (currency: string) => ({ documentId: currency, number: currency, date: null, dueDate: '2025-05-01', balanceMinor: 10000n, currency, lastRank: null, daysOverdue: 5, interestMinor: 0n, level: level(1, 1) });
    const letter = letterOf([line('EUR'), line('USD')], null, new Map([['EUR', { creditNotesMinor: 8000n, unallocatedMinor: 5000n }]]))!;
    expect(letter.totals.map((t) => [t.currency, t.creditNotesMinor, t.unallocatedMinor, t.totalMinor])).toEqual([
      ['EUR', 8000n, 2000n, 0n],
      ['USD', 0n, 0n, 10000n],
    ]);
  });

  it('reads a party\'s credits from its open credit notes and the unallocated part of its payments, per currency', () => {
    const row = (creditNote: boolean, totalMinor: bigint, paidMinor: bigint, currency = 'EUR') => ({ documentId: 'x', number: 'x', date: null, dueDate: '2099-01-01', totalMinor, paidMinor, currency, creditNote });
    const pay = (amountMinor: bigint, allocatedMinor: bigint, currency = 'EUR') => ({ documentId: 'p', number: 'p', date: null, amountMinor, allocatedMinor, currency });
    const credits = creditsOf([row(true, 12000n, 2000n), row(false, 50000n, 0n), row(true, 500n, 500n), row(true, 100n, 0n, 'USD')], [pay(20000n, 5000n), pay(300n, 300n)]);
    expect([...credits.entries()]).toEqual([
      ['EUR', { creditNotesMinor: 10000n, unallocatedMinor: 15000n }],
      ['USD', { creditNotesMinor: 100n, unallocatedMinor: 0n }],
    ]);
  });

  it('renders templates and leaves unknown placeholders visible', () => {
    expect(renderTemplate('Bonjour {{customer}}, {{ total }} au {{asOf}} {{oops}}', { customer: 'Acme', total: '1 €', asOf: '1er' })).toBe('Bonjour Acme, 1 € au 1er {{oops}}');
  });
});

describe('legal mentions', () => {
  it('are on letters to professional customers, in the letter\'s language', () => {
    const fr = legalMentions({ locale: 'fr', professional: true, lateRatePercent: 12.15 });
    expect(fr.join(' ')).toContain(`pénalités de retard au taux annuel de 12,15${NBSP}%`);
    expect(fr.join(' ')).toContain(`indemnité forfaitaire pour frais de recouvrement de 40${NBSP}€ par facture (art. L441-10 du Code de commerce)`);
    const en = legalMentions({ locale: 'en', professional: true, lateRatePercent: 12.15 }).join(' ');
    expect(en).toContain('late-payment penalties at the annual rate of 12.15');
    expect(en).toContain('€40 per invoice (art. L441-10 of the French Commercial Code)');
    expect(legalMentions({ locale: 'fr', professional: false, lateRatePercent: 12.15 })).toEqual([]);
    expect(legalMentions({ locale: 'en', professional: false, lateRatePercent: 12.15 })).toEqual([]);
  });
});

describe('formatting', () => {
  it.each([
    [123456n, 'EUR', 'fr', `1${NBSP}234,56${NBSP}€`],
    [123456n, 'EUR', 'en', '€1,234.56'],
    [-5n, 'EUR', 'fr', `-0,05${NBSP}€`],
    [1234567890123n, 'EUR', 'en', '€12,345,678,901.23'],
    [1234n, 'JPY', 'en', 'JP¥1,234'],
  ] as const)('%s %s in %s → %s', (minor, currency, locale, expected) => {
    const text = formatMoney(minor, currency, locale);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/\u202f/); // pdfkit's Helvetica has no narrow no-break space
  });

  it('writes any amount as Intl writes it, in every report locale and currency, digits exact', () => {
    let seed = 11;
    const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (const locale of ['fr', 'en'] as const) {
      for (const currency of ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'BHD', 'XOF', 'CAD']) {
        const scale = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits!;
        const intl = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency, minimumFractionDigits: scale, maximumFractionDigits: scale });
        for (let i = 0; i < 300; i++) {
          // from a few minor units to beyond a float's exact digits
          const minor = BigInt(next(10) < 5 ? next(100_000) : next(2_000_000_000)) * (next(10) < 3 ? 10_000_000n : 1n) * (next(2) ? -1n : 1n);
          const digits = (minor < 0n ? -minor : minor).toString().padStart(scale + 1, '0');
          const decimal = `${minor < 0n ? '-' : ''}${scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits}`;
          expect([minor, currency, locale, formatMoney(minor, currency, locale)]).toEqual([minor, currency, locale, winAnsiSafe(intl.format(decimal as unknown as number))]);
        }
      }
    }
  });

  it('formats dates per locale', () => {
    expect(formatDay('2025-01-05', 'fr')).toBe('05/01/2025');
    expect(formatDay('2025-01-05', 'en')).toBe('5 Jan 2025');
    expect(formatDay('2025-01-05', 'fr', true)).toBe('5 janvier 2025');
  });

  it('gives the same text for a day met again, per locale and form (days are formatted once)', () => {
    const days = ['2024-02-29', '2025-12-31', '2024-02-29', '2025-12-31'];
    expect(days.map((d) => formatDay(d, 'fr'))).toEqual(['29/02/2024', '31/12/2025', '29/02/2024', '31/12/2025']);
    expect(days.map((d) => formatDay(d, 'en', true))).toEqual(['29 February 2024', '31 December 2025', '29 February 2024', '31 December 2025']);
    expect(formatDay('2024-02-29', 'fr', true)).toBe('29 février 2024');
    expect(formatDay(null, 'fr')).toBe('');
  });
});

describe('criteria', () => {
  it('reads the statement criteria with defaults', () => {
    const { criteria, errors } = parseStatementCriteria({ codeFrom: 'C1', codeTo: 'C9', from: '2025-01-01', to: '2025-12-31', sort: 'code', locale: 'en' }, '2025-06-30');
    expect(errors).toEqual([]);
    expect(criteria).toMatchObject({ codeFrom: 'C1', codeTo: 'C9', from: '2025-01-01', to: '2025-12-31', sort: 'code', locale: 'en', asOf: '2025-06-30' });
  });

  it.each([
    [{ from: '2025-13-01' }, 'from', 'from must be a date YYYY-MM-DD'],
    [{ dueBy: 'tomorrow' }, 'dueBy', 'dueBy must be a date'],
    [{ from: '2025-02-01', to: '2025-01-01' }, 'to', 'to must not be before from'],
    [{ sort: 'amount' }, 'sort', 'sort must be one of name, code'],
    [{ locale: 'de' }, 'locale', 'locale must be one of fr, en'],
    [{ codeFrom: 'C9', codeTo: 'C1' }, 'codeTo', 'codeTo must not be before codeFrom'],
    [{ dueby: '2025-01-01' }, 'dueby', 'dueby is not a criterion'],
  ])('refuses %j naming %s', (input, path, message) => {
    const { errors } = parseStatementCriteria(input);
    expect(errors).toEqual([expect.objectContaining({ path: [path], message: expect.stringContaining(message) })]);
  });

  it('reads the dunning criteria: due before defaults to the dunning date', () => {
    expect(parseDunningCriteria({ asOf: '2025-06-30', format: 'summary' }).criteria).toMatchObject({ asOf: '2025-06-30', dueBefore: '2025-06-30', format: 'summary', locale: 'fr' });
    expect(parseDunningCriteria({ format: 'poster' }).errors[0].path).toEqual(['format']);
  });

  it('refuses criteria that are not an object, and unknown keys unless the caller declares them', () => {
    expect(parseDunningCriteria('2025-06-30').errors).toEqual([{ path: [], code: 'criteriaNotObject', message: 'the criteria must be an object' }]);
    expect(parseDunningCriteria(['asOf']).errors[0].path).toEqual([]);
    expect(parseDunningCriteria({ asOf: '2025-06-30', blocked: true }).errors).toEqual([expect.objectContaining({ path: ['blocked'] })]);
    expect(parseDunningCriteria({ asOf: '2025-06-30', subject: 'Relance' }, undefined, ['subject']).errors).toEqual([]);
  });
});
