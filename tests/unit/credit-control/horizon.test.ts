import {
  applyHorizon,
  checkMapping,
  contributionOf,
  dated,
  dayOfValue,
  defaultPolicy,
  deltasOf,
  horizonUntil,
  judgeLimit,
  undated,
  type DatedRow,
  type DocumentMapping,
  type Insurance,
  type PartyLimits,
  type Policy,
  type TemporaryLimit,
} from '../../../src/plugins/credit-control/server/src/core';

// The horizon (core/horizon.ts): the exposure at a date leaves out what delivers more than N days
// away, with the limit in force (temporary limits, insured cap) unchanged.
const orders: DocumentMapping = {
  uid: 'api::order.order', gate: 'orders', partyFields: ['customer'], bucket: 'orders', countedByDefault: true, amountField: 'amount', sign: 1, minus: [],
  gatedActions: ['create', 'update', 'delete'], horizonDateField: 'deliveryDate',
};
const policy = (over: Partial<Policy> = {}): Policy => ({ ...defaultPolicy('EUR', ['orders'], ['orders', 'invoices']), mode: 'block', thresholdMinor: 1_000_000n, ...over });
const temp = (amount: bigint, from: string, to: string): TemporaryLimit => ({ amountMinor: amount, currency: 'EUR', from, to });
const insured = (amount: bigint, expiresOn: string | null = null): Insurance => ({ insurer: 'Atradius', reference: 'H-1', insuredMinor: amount, currency: 'EUR', expiresOn });
const noRates = () => undefined;
const DAY = '2026-03-15';

describe('dates', () => {
  it.each([
    ['2026-06-13', '2026-06-13'],
    ['2026-06-13T22:30:00.000Z', '2026-06-13'],
    [new Date('2026-06-13T00:00:00Z'), '2026-06-13'],
    [Date.UTC(2026, 5, 13), '2026-06-13'],
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
  ])('the day of %p is %p', (value, day) => expect(dayOfValue(value)).toBe(day));

  it.each([
    ['2026-03-15', 0, '2026-03-15'],
    ['2026-03-15', 90, '2026-06-13'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
  ])('%s + %i days is %s', (day, days, until) => expect(horizonUntil(day, days)).toBe(until));
});

describe('contributions carry their delivery day', () => {
  const state = (deliveryDate: unknown) => ({ documentId: 'O1', party: 'P1', currency: 'EUR', values: { amount: 100, deliveryDate } });
  it('a dated document has its day; an undated one none; a type without the field none', () => {
    expect(contributionOf(orders, state('2026-07-01'))).toEqual({ party: 'P1', bucket: 'orders', currency: 'EUR', minor: 10_000n, day: '2026-07-01' });
    expect(contributionOf(orders, state(null))).toEqual({ party: 'P1', bucket: 'orders', currency: 'EUR', minor: 10_000n });
    expect(contributionOf({ ...orders, horizonDateField: undefined }, state('2026-07-01'))).not.toHaveProperty('day');
  });

  it('moving the delivery day is a move between days, nothing on the total', () => {
    const deltas = deltasOf([contributionOf(orders, state('2026-07-01'))], [contributionOf(orders, state('2026-09-01'))]);
    expect(dated(deltas)).toEqual([
      { party: 'P1', bucket: 'orders', currency: 'EUR', minor: -10_000n, day: '2026-07-01' },
      { party: 'P1', bucket: 'orders', currency: 'EUR', minor: 10_000n, day: '2026-09-01' },
    ]);
    expect(undated(deltas)).toEqual([]);
  });

  it('the mapping checks the field at boot', () => {
    const describe = () => ({ customer: { type: 'relation', target: 'api::customer.customer' }, amount: { type: 'decimal' }, deliveryDate: { type: 'date' }, number: { type: 'string' } });
    const raw = (field: string, bucket: string | undefined = 'orders') => ({ party: { uid: 'api::customer.customer' }, documents: { 'api::order.order': { partyField: 'customer', amountField: 'amount', bucket, horizonDateField: field } } });
    expect(checkMapping(raw('deliveryDate'), describe as any).problems).toEqual([]);
    expect(checkMapping(raw('deliveryDate'), describe as any).mapping.documents['api::order.order'].horizonDateField).toBe('deliveryDate');
    expect(checkMapping(raw('number'), describe as any).problems).toEqual(['documents["api::order.order"].horizonDateField: "api::order.order.number" is a string field, not a date']);
    expect(checkMapping(raw('shipOn'), describe as any).problems).toEqual(['documents["api::order.order"].horizonDateField: "api::order.order" has no field "shipOn"']);
  });
});

type Case = [
  name: string,
  horizonDays: number | null,
  dated: DatedRow[],
  counted: { minor: bigint; day?: string }[],
  limits: PartyLimits,
  over: Partial<Policy>,
  outcome: string,
  exposureBefore: bigint,
  delta: bigint,
  leftOut: string | undefined,
];
const OWN: PartyLimits = { policySource: { kind: 'own' }, temporary: [], insurance: null };
const RAISED: PartyLimits = { ...OWN, temporary: [temp(2_000_000n, '2026-03-01', '2026-03-31')] };
const CAPPED: PartyLimits = { ...RAISED, insurance: insured(1_500_000n) };
const row = (day: string, minor: bigint): DatedRow => ({ bucket: 'orders', currency: 'EUR', day, minor });

// maintained exposure: 8,000.00 of orders (of which dated rows below) + 1,000.00 of invoices; limit 10,000.00
const TABLE: Case[] = [
  ['no horizon: every order counts, the far one too', null, [row('2026-10-01', 500_000n)], [{ minor: 300_000n, day: '2026-10-01' }], OWN, {}, 'refused', 900_000n, 300_000n, undefined],
  ['90 days: the far order is left out, the far write adds nothing', 90, [row('2026-10-01', 500_000n)], [{ minor: 300_000n, day: '2026-10-01' }], OWN, {}, 'allowed', 400_000n, 0n, '5000.00'],
  ['the horizon’s last day still counts', 90, [row('2026-06-13', 500_000n)], [{ minor: 300_000n, day: '2026-06-13' }], OWN, {}, 'refused', 900_000n, 300_000n, '0.00'],
  ['the day after it does not', 90, [row('2026-06-14', 500_000n)], [{ minor: 300_000n, day: '2026-06-14' }], OWN, {}, 'allowed', 400_000n, 0n, '5000.00'],
  ['an undated write counts whatever the horizon', 0, [row('2026-03-16', 500_000n)], [{ minor: 700_000n }], OWN, {}, 'refused', 400_000n, 700_000n, '5000.00'],
  ['horizon 0: only what delivers today or before counts', 0, [row('2026-03-16', 500_000n)], [{ minor: 300_000n, day: '2026-03-15' }], OWN, {}, 'allowed', 400_000n, 300_000n, '5000.00'],
  ['a move into the horizon raises the exposure: refused', 30, [row('2026-09-01', 500_000n)], [{ minor: -500_000n, day: '2026-09-01' }, { minor: 500_000n, day: '2026-04-01' }], OWN, { thresholdMinor: 800_000n }, 'refused', 400_000n, 500_000n, '5000.00'],
  ['a move out of it lowers the exposure: allowed', 30, [row('2026-04-01', 500_000n)], [{ minor: -500_000n, day: '2026-04-01' }, { minor: 500_000n, day: '2026-09-01' }], OWN, {}, 'allowed', 900_000n, -500_000n, '0.00'],
  ['with a temporary raise to 20,000.00: within', null, [], [{ minor: 1_000_000n, day: '2026-10-01' }], RAISED, {}, 'allowed', 900_000n, 1_000_000n, undefined],
  ['temporary raise and insured cap 15,000.00, no horizon: refused', null, [row('2026-10-01', 500_000n)], [{ minor: 700_000n, day: '2026-10-01' }], CAPPED, { capAtInsured: true }, 'refused', 900_000n, 700_000n, undefined],
  ['temporary raise, insured cap and a horizon: the far write fits', 60, [row('2026-10-01', 500_000n)], [{ minor: 700_000n, day: '2026-10-01' }, { minor: 1_000_000n, day: '2026-04-01' }], CAPPED, { capAtInsured: true }, 'allowed', 400_000n, 1_000_000n, '5000.00'],
  ['the cap still binds what the horizon counts', 60, [row('2026-10-01', 500_000n)], [{ minor: 1_200_000n, day: '2026-04-01' }], CAPPED, { capAtInsured: true }, 'refused', 400_000n, 1_200_000n, '5000.00'],
];

describe('the judgement at a date with a horizon, temporary limits and the insured cap', () => {
  it.each(TABLE)('%s', (_name, horizonDays, datedRows, counted, limits, over, outcome, exposureBefore, delta, leftOut) => {
    const judged = judgeLimit({
      party: 'P1', policy: policy({ ...over, horizonDays }),
      exposureRows: [{ bucket: 'orders', currency: 'EUR', minor: 800_000n }, { bucket: 'invoices', currency: 'EUR', minor: 100_000n }],
      dated: datedRows, counted: counted.map((c) => ({ party: 'P1', bucket: 'orders', currency: 'EUR', ...c })),
      rateOf: noRates, doc: orders, action: 'create', audit: { kind: 'write', documentUid: orders.uid, documentId: 'O9', action: 'create' }, limits, day: DAY,
    });
    expect(judged.decision).toMatchObject({ outcome, exposureBefore, exposureAfter: exposureBefore + delta });
    const details = judged.audit.details as any;
    if (leftOut === undefined) expect(details.horizon).toBeUndefined();
    else expect(details.horizon).toMatchObject({ days: horizonDays, until: horizonUntil(DAY, horizonDays!), leftOut });
  });

  it('says what it left out of the write', () => {
    const applied = applyHorizon([{ bucket: 'orders', currency: 'EUR', minor: 100n }], [], [{ party: 'P1', bucket: 'orders', currency: 'EUR', minor: 40n, day: '2027-01-01' }], 30, DAY);
    expect(applied.leftOutOfWrite).toHaveLength(1);
    expect(applied.counted).toEqual([]);
    expect(applied.exposureRows).toEqual([{ bucket: 'orders', currency: 'EUR', minor: 100n }]);
  });
});
