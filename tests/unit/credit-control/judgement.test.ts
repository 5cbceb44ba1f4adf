import { defaultPolicy, judgeLimit, type DocumentMapping, type LimitInput, type Policy } from '../../../src/plugins/credit-control/server/src/core';

// The judgement of one write against one limit (core/judgement.ts): pure, so judged here alone.
const invoices: DocumentMapping = { uid: 'api::invoice.invoice', gate: 'invoices', partyFields: ['customer'], bucket: 'invoices', amountField: 'amount', sign: 1, minus: [], gatedActions: ['create', 'update', 'delete'] };
const policy = (over: Partial<Policy>): Policy => ({ ...defaultPolicy('EUR', ['invoices'], ['invoices']), ...over });
const input = (over: Partial<LimitInput>): LimitInput => ({
  party: 'P1',
  policy: policy({ mode: 'block', thresholdMinor: 100_000n }),
  exposureRows: [{ bucket: 'invoices', currency: 'EUR', minor: 80_000n }],
  counted: [{ party: 'P1', bucket: 'invoices', currency: 'EUR', minor: 30_000n }],
  rateOf: () => undefined,
  doc: invoices,
  action: 'create',
  audit: { kind: 'write', documentUid: invoices.uid, documentId: 'D1', action: 'create' },
  ...over,
});

describe('judgeLimit', () => {
  it('refuses a write that leaves a blocking party over its threshold, and says so in its audit entry', () => {
    const judged = judgeLimit(input({}));
    expect(judged.decision).toMatchObject({ outcome: 'refused', reason: 'overThreshold', exposureBefore: 80_000n, exposureAfter: 110_000n });
    expect(judged.audit).toMatchObject({
      kind: 'write', outcome: 'refused', reason: 'overThreshold', party: 'P1', gate: 'invoices', mode: 'block', currency: 'EUR',
      deltaMinor: 30_000n, exposureBeforeMinor: 80_000n, exposureAfterMinor: 110_000n, thresholdMinor: 100_000n, documentId: 'D1',
    });
    expect(judged.audit.details).toEqual({ exposureByBucket: [{ bucket: 'invoices', amount: '800.00', currency: 'EUR' }] });
  });

  it('allows the same write within the threshold', () => {
    const judged = judgeLimit(input({ counted: [{ party: 'P1', bucket: 'invoices', currency: 'EUR', minor: 10_000n }] }));
    expect(judged.decision).toMatchObject({ outcome: 'allowed', reason: 'withinThreshold' });
  });

  it('counts only the policy’s buckets', () => {
    const judged = judgeLimit(input({ counted: [{ party: 'P1', bucket: 'orders', currency: 'EUR', minor: 900_000n }] }));
    expect(judged.audit.deltaMinor).toBe(0n);
    expect(judged.decision.outcome).toBe('allowed');
  });

  it('converts a foreign-currency move with the rate to the policy currency', () => {
    const judged = judgeLimit(input({ counted: [{ party: 'P1', bucket: 'invoices', currency: 'USD', minor: 10_000n }], rateOf: (from, to) => (from === 'USD' && to === 'EUR' ? '0.5' : undefined) }));
    expect(judged.audit.deltaMinor).toBe(5_000n);
    expect(judged.decision.outcome).toBe('allowed');
  });

  it('refuses with reason missingRate when a currency has no rate, naming it', () => {
    const judged = judgeLimit(input({ counted: [{ party: 'P1', bucket: 'invoices', currency: 'USD', minor: 1n }] }));
    expect(judged.decision).toMatchObject({ outcome: 'refused', reason: 'missingRate' });
    expect(judged.decision.message).toContain('no exchange rate from USD to EUR');
    expect(judged.audit.reason).toBe('missingRate');
  });

  it('a missing rate refuses nothing for a party that is not checked', () => {
    const judged = judgeLimit(input({ policy: policy({ mode: 'none' }), counted: [{ party: 'P1', bucket: 'invoices', currency: 'USD', minor: 1n }] }));
    expect(judged.decision.outcome).toBe('allowed');
  });

  it('a group limit names the group and lists its members in the audit', () => {
    const judged = judgeLimit(input({ group: ['P1', 'P2'], policy: policy({ mode: 'block', thresholdMinor: 100_000n, group: true }) }));
    expect(judged.decision.message).toContain('for the group');
    expect(judged.audit.details).toMatchObject({ group: ['P1', 'P2'] });
  });
});
