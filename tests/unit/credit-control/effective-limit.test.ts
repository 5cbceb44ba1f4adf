import {
  coveringPolicy,
  decide,
  defaultPolicy,
  effectiveLimit,
  judgeLimit,
  limitDetails,
  type DocumentMapping,
  type Insurance,
  type PartyLimits,
  type Policy,
  type PolicySource,
  type TemporaryLimit,
} from '../../../src/plugins/credit-control/server/src/core';

// The limit in force at a date (core/effective-limit.ts): which limit applies, and its source.
const policy = (over: Partial<Policy> = {}): Policy => ({ ...defaultPolicy('EUR', ['invoices'], ['invoices']), mode: 'block', thresholdMinor: 1_000_000n, ...over });
const temp = (amount: bigint, from: string, to: string, currency = 'EUR'): TemporaryLimit => ({ amountMinor: amount, currency, from, to });
const insured = (amount: bigint, expiresOn: string | null, currency = 'EUR'): Insurance => ({ insurer: 'Allianz Trade', reference: 'POL-1', insuredMinor: amount, currency, expiresOn });
const OWN: PolicySource = { kind: 'own' };
const BY_COMPANY: PolicySource = { kind: 'default', by: 'company', key: 'C1' };
const BY_FAMILY: PolicySource = { kind: 'default', by: 'family', key: 'Industry' };
const NONE: PolicySource = { kind: 'none' };
const noRates = () => undefined;
const usdToEur = (from: string, to: string) => (from === 'USD' && to === 'EUR' ? '0.5' : undefined);

type Row = [string, Partial<Policy>, PolicySource, TemporaryLimit[], Insurance | null, string, bigint, string];

// policy threshold 10,000.00 EUR unless said; the day is the decision's
const TABLE: Row[] = [
  ['own policy alone', {}, OWN, [], null, '2026-03-15', 1_000_000n, 'own'],
  ['no policy at all', { mode: 'none', thresholdMinor: 0n }, NONE, [], null, '2026-03-15', 0n, 'none'],
  ['default by company', {}, BY_COMPANY, [], null, '2026-03-15', 1_000_000n, 'default:company'],
  ['default by family', {}, BY_FAMILY, [], null, '2026-03-15', 1_000_000n, 'default:family'],
  ['temporary raise on its first day', {}, OWN, [temp(1_500_000n, '2026-03-15', '2026-03-31')], null, '2026-03-15', 1_500_000n, 'temporary'],
  ['temporary raise on its last day', {}, OWN, [temp(1_500_000n, '2026-03-01', '2026-03-15')], null, '2026-03-15', 1_500_000n, 'temporary'],
  ['temporary raise the day before it starts', {}, OWN, [temp(1_500_000n, '2026-03-16', '2026-03-31')], null, '2026-03-15', 1_000_000n, 'own'],
  ['temporary raise the day after it ends', {}, OWN, [temp(1_500_000n, '2026-03-01', '2026-03-14')], null, '2026-03-15', 1_000_000n, 'own'],
  ['temporary limit below the policy never lowers it', {}, OWN, [temp(500_000n, '2026-03-01', '2026-03-31')], null, '2026-03-15', 1_000_000n, 'own'],
  ['overlapping raises: the highest applies, they do not add up', {}, OWN, [temp(1_200_000n, '2026-03-01', '2026-03-31'), temp(1_800_000n, '2026-03-10', '2026-03-20'), temp(1_400_000n, '2026-03-15', '2026-04-30')], null, '2026-03-15', 1_800_000n, 'temporary'],
  ['overlapping raises: the highest in force that day', {}, OWN, [temp(1_200_000n, '2026-03-01', '2026-03-31'), temp(1_800_000n, '2026-03-10', '2026-03-14')], null, '2026-03-15', 1_200_000n, 'temporary'],
  ['temporary raise on a default policy', {}, BY_COMPANY, [temp(1_500_000n, '2026-03-01', '2026-03-31')], null, '2026-03-15', 1_500_000n, 'temporary'],
  ['temporary raise in another currency, converted', {}, OWN, [temp(4_000_000n, '2026-03-01', '2026-03-31', 'USD')], null, '2026-03-15', 2_000_000n, 'temporary'],
  ['insurance without the cap: nothing changes', {}, OWN, [], insured(600_000n, '2026-12-31'), '2026-03-15', 1_000_000n, 'own'],
  ['insured cap below the policy', { capAtInsured: true }, OWN, [], insured(600_000n, '2026-12-31'), '2026-03-15', 600_000n, 'insuredCap'],
  ['insured cap above the policy: the policy applies', { capAtInsured: true }, OWN, [], insured(2_000_000n, null), '2026-03-15', 1_000_000n, 'own'],
  ['insured cap on its expiry day still covers', { capAtInsured: true }, OWN, [], insured(600_000n, '2026-03-15'), '2026-03-15', 600_000n, 'insuredCap'],
  ['expired insurance covers nothing: the cap is 0', { capAtInsured: true }, OWN, [], insured(600_000n, '2026-03-14'), '2026-03-15', 0n, 'insuredCap'],
  ['expired insurance without the cap: flagged only', {}, OWN, [], insured(600_000n, '2026-03-14'), '2026-03-15', 1_000_000n, 'own'],
  ['cap with no insurance recorded: no cap', { capAtInsured: true }, OWN, [], null, '2026-03-15', 1_000_000n, 'own'],
  ['the cap applies after a temporary raise', { capAtInsured: true }, OWN, [temp(1_500_000n, '2026-03-01', '2026-03-31')], insured(1_200_000n, null), '2026-03-15', 1_200_000n, 'insuredCap'],
  ['a temporary raise under the insured amount', { capAtInsured: true }, OWN, [temp(1_500_000n, '2026-03-01', '2026-03-31')], insured(2_000_000n, null), '2026-03-15', 1_500_000n, 'temporary'],
  ['insured cap on a default by family', { capAtInsured: true }, BY_FAMILY, [], insured(300_000n, null), '2026-03-15', 300_000n, 'insuredCap'],
  ['insured amount in another currency, converted', { capAtInsured: true }, OWN, [], insured(1_000_000n, null, 'USD'), '2026-03-15', 500_000n, 'insuredCap'],
];

describe('effectiveLimit: which limit applies at a date, and its source', () => {
  it.each(TABLE)('%s', (_name, over, source, temporary, insurance, day, expected, expectedSource) => {
    const limit = effectiveLimit(policy(over), { policySource: source, temporary, insurance }, day, usdToEur);
    expect(limit.thresholdMinor).toBe(expected);
    expect(limit.source).toBe(expectedSource);
    expect(limit.policySource).toEqual(source);
    expect(limit.policyMinor).toBe(policy(over).thresholdMinor);
    expect(limit.missingRates).toEqual([]);
  });

  it('flags an expired insurance and counts its cover as 0; not before the day after its expiry', () => {
    const limits = (expiresOn: string): PartyLimits => ({ policySource: OWN, temporary: [], insurance: insured(600_000n, expiresOn) });
    expect(effectiveLimit(policy(), limits('2026-03-15'), '2026-03-15', noRates)).toMatchObject({ insuranceExpired: false, insuredMinor: 600_000n });
    expect(effectiveLimit(policy(), limits('2026-03-14'), '2026-03-15', noRates)).toMatchObject({ insuranceExpired: true, insuredMinor: 0n });
  });

  it('leaves out a temporary limit or insurance with no rate, and reports its currency', () => {
    const limit = effectiveLimit(policy({ capAtInsured: true }), { policySource: OWN, temporary: [temp(9_000_000n, '2026-01-01', '2026-12-31', 'GBP')], insurance: insured(100n, null, 'CHF') }, '2026-03-15', noRates);
    expect(limit).toMatchObject({ thresholdMinor: 1_000_000n, source: 'own', temporary: null, insuredMinor: null });
    expect(limit.missingRates.sort()).toEqual(['CHF', 'GBP']);
  });

  it('describes the limit as decisions and the panel give it: decimal strings', () => {
    const limit = effectiveLimit(policy({ capAtInsured: true }), { policySource: BY_COMPANY, temporary: [temp(1_500_000n, '2026-03-01', '2026-03-31')], insurance: insured(1_200_000n, '2026-03-14') }, '2026-03-15', noRates);
    expect(limitDetails(limit)).toEqual({
      source: 'insuredCap', inForce: '0.00', policy: '10000.00', policySource: BY_COMPANY,
      temporary: { amount: '15000.00', from: '2026-03-01', to: '2026-03-31' }, insured: '0.00', insuranceExpired: true,
    });
  });
});

describe('coveringPolicy: own, else the first default of the keys in order, else none', () => {
  const defaults = new Map([['@company:C1', 'company row'], ['@family:Industry', 'family row']]);
  it.each([
    ['own policy wins over every default', 'own row', [{ key: 'family', value: 'Industry' }, { key: 'company', value: 'C1' }], 'own row', OWN],
    ['family before company (the mapping order)', undefined, [{ key: 'family', value: 'Industry' }, { key: 'company', value: 'C1' }], 'family row', BY_FAMILY],
    ['company when the family has no default', undefined, [{ key: 'family', value: 'Retail' }, { key: 'company', value: 'C1' }], 'company row', BY_COMPANY],
    ['company when the party has no family', undefined, [{ key: 'company', value: 'C1' }], 'company row', BY_COMPANY],
    ['none when no key has a default', undefined, [{ key: 'company', value: 'C2' }], undefined, NONE],
  ] as const)('%s', (_name, own, keys, row, source) => {
    expect(coveringPolicy(own, [...keys], defaults)).toEqual({ row, source });
  });
});

describe('judgeLimit with the party’s limits: the decision names the limit that applied', () => {
  const invoices: DocumentMapping = { uid: 'api::invoice.invoice', gate: 'invoices', partyFields: ['customer'], bucket: 'invoices', countedByDefault: true, amountField: 'amount', sign: 1, minus: [], gatedActions: ['create', 'update', 'delete'] };
  const judge = (limits: PartyLimits, day: string, over: Partial<Policy> = {}) =>
    judgeLimit({
      party: 'P1', policy: policy(over), exposureRows: [{ bucket: 'invoices', currency: 'EUR', minor: 900_000n }],
      counted: [{ party: 'P1', bucket: 'invoices', currency: 'EUR', minor: 300_000n }], rateOf: noRates, doc: invoices, action: 'create',
      audit: { kind: 'write', documentUid: invoices.uid, documentId: 'D1', action: 'create' }, limits, day,
    });
  const raise: PartyLimits = { policySource: OWN, temporary: [temp(1_500_000n, '2026-03-01', '2026-03-31')], insurance: null };

  it.each([
    ['inside the raise: allowed under the temporary limit', raise, '2026-03-15', {}, 'allowed', 'withinThreshold', 1_500_000n, 'temporary'],
    ['after the raise: refused over the policy', raise, '2026-04-01', {}, 'refused', 'overThreshold', 1_000_000n, 'own'],
    ['capped at the insured amount: refused', { policySource: OWN, temporary: [], insurance: insured(800_000n, null) }, '2026-03-15', { capAtInsured: true }, 'refused', 'overThreshold', 800_000n, 'insuredCap'],
    ['default by company: refused over it', { policySource: BY_COMPANY, temporary: [], insurance: null }, '2026-03-15', {}, 'refused', 'overThreshold', 1_000_000n, 'default:company'],
  ] as const)('%s', (_name, limits, day, over, outcome, reason, threshold, source) => {
    const judged = judge(limits, day, over);
    expect(judged.decision).toMatchObject({ outcome, reason, threshold });
    expect(judged.audit.thresholdMinor).toBe(threshold);
    expect((judged.audit.details as any).limit).toMatchObject({ source });
    // the decision rule itself is unchanged: the same figures against a plain threshold decide alike
    expect(decide({ policy: policy({ ...over, thresholdMinor: threshold }), gate: 'invoices', action: 'create', gatedAction: true, exposureBefore: 900_000n, delta: 300_000n }).outcome).toBe(outcome);
  });

  it('refuses with missingRate when a temporary limit in force has no rate (never counted as 0)', () => {
    const judged = judge({ policySource: OWN, temporary: [temp(9_000_000n, '2026-03-01', '2026-03-31', 'GBP')], insurance: null }, '2026-03-15');
    expect(judged.decision).toMatchObject({ outcome: 'refused', reason: 'missingRate' });
  });
});
