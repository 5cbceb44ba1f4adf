/**
 * The spec's worked example ("Blocking rules"), built through the real functions:
 * threshold 7,000 EUR; unpaid invoices 6,000 and 1,600; a receipt of 500 → 7,100 > 7,000,
 * so a new invoice is refused in block mode.
 */
import {
  contributionOf,
  decide,
  deltasOf,
  formatMinor,
  totalExposure,
  type Contribution,
  type DocumentMapping,
  type DocumentState,
  type Mode,
  type Outcome,
  type Reason,
} from '../../../src/plugins/credit-control/server/src/core';
import { INVOICE, RECEIPT, contributionsOf, invoice, policy, receipt } from './fixtures';

const noRate = () => undefined;

/** The customer's ledger: every document entered once (a create each), summed per bucket. */
function exampleLedger(): Contribution[] {
  return deltasOf(
    [],
    contributionsOf([
      [INVOICE, invoice('6000.00', '7200.00', '0')],
      [INVOICE, invoice('1600.00', '1920.00', '0')],
      [RECEIPT, receipt('500.00', '0')],
    ]),
  );
}

const exposureOf = (rows: Contribution[]) => totalExposure(rows, ['invoices', 'receipts'], 'EUR', noRate);

/** The delta of creating one more invoice of `excl` euros (pre-tax, 20 % VAT, unpaid). */
function newInvoiceDelta(excl: string): bigint {
  const incl = (Number(excl) * 1.2).toFixed(2);
  return deltasOf([null], [contributionOf(INVOICE, invoice(excl, incl, '0'))]).reduce((sum, d) => sum + d.minor, 0n);
}

describe('the spec worked example', () => {
  it('sums to 7,100.00 EUR: (6000 + 1600) − 500', () => {
    const rows = exampleLedger();
    expect(rows).toEqual(
      expect.arrayContaining([
        { party: 'c1', bucket: 'invoices', currency: 'EUR', minor: 760_000n },
        { party: 'c1', bucket: 'receipts', currency: 'EUR', minor: -50_000n },
      ]),
    );
    const exposure = exposureOf(rows);
    expect(exposure.total).toBe(710_000n);
    expect(exposure.byBucket).toEqual({ invoices: 760_000n, receipts: -50_000n });
    expect(exposure.missingRates).toEqual([]);
    expect(formatMinor(exposure.total, 'EUR')).toBe('7,100.00 EUR');
    expect(exposure.total > policy().thresholdMinor).toBe(true);
  });

  it('counts only the pre-tax amounts (the VAT of 1,920 is not counted)', () => {
    expect(newInvoiceDelta('1600.00')).toBe(160_000n);
  });

  it.each<[Mode, string, Outcome, Reason, string]>([
    // A draft invoice with no lines yet: delta 0, exposure stays 7,100.
    ['block', '0.00', 'refused', 'overThreshold', 'Credit blocked: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['alert', '0.00', 'warned', 'overThreshold', 'Credit alert: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['none', '0.00', 'allowed', 'modeNone', 'no blocking'],
    ['blockAll', '0.00', 'refused', 'blockAll', 'Credit blocked: every invoices write is blocked, whatever the outstanding amount'],
    // A new invoice of 100 EUR: delta +100, exposure 7,200.
    ['block', '100.00', 'refused', 'overThreshold', 'Credit blocked: outstanding 7,200.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['alert', '100.00', 'warned', 'overThreshold', 'Credit alert: outstanding 7,200.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['none', '100.00', 'allowed', 'modeNone', 'no blocking'],
    ['blockAll', '100.00', 'refused', 'blockAll', 'Credit blocked: every invoices write is blocked, whatever the outstanding amount'],
  ])('mode %s, new invoice of %s EUR → %s (%s)', (mode, excl, outcome, reason, message) => {
    const exposureBefore = exposureOf(exampleLedger()).total;
    const delta = newInvoiceDelta(excl);
    expect(delta >= 0n).toBe(true);
    const decision = decide({ policy: policy({ mode }), gate: 'invoices', action: 'create', gatedAction: true, exposureBefore, delta });
    expect(decision).toEqual({
      outcome,
      reason,
      message,
      mode,
      exposureBefore: 710_000n,
      exposureAfter: 710_000n + delta,
      threshold: 700_000n,
      currency: 'EUR',
      facts: { gate: 'invoices' },
    });
  });

  it.each<[string, DocumentMapping, DocumentState | null, DocumentState | null, Outcome, Reason, bigint]>([
    ['a new receipt of 200 (receipts count but are not gated)', RECEIPT, null, receipt('200.00', '0'), 'allowed', 'notGated', 690_000n],
    ['a new receipt of 50 (not gated)', RECEIPT, null, receipt('50.00', '0'), 'allowed', 'notGated', 705_000n],
    [
      'allocating 400 of the receipt raises exposure but is not gated',
      RECEIPT,
      receipt('500.00', '0'),
      receipt('500.00', '400.00', { status: 'partiallyAllocated' }),
      'allowed',
      'notGated',
      750_000n,
    ],
    [
      'paying the 1,600 invoice in full brings it under the threshold',
      INVOICE,
      invoice('1600.00', '1920.00', '0'),
      invoice('1600.00', '1920.00', '1920.00', { status: 'paid' }),
      'allowed',
      'withinThreshold',
      550_000n,
    ],
    [
      'paying 120 of the 1,920 lands exactly on the threshold',
      INVOICE,
      invoice('1600.00', '1920.00', '0'),
      invoice('1600.00', '1920.00', '120.00', { status: 'partiallyPaid' }),
      'allowed',
      'withinThreshold',
      700_000n,
    ],
    [
      'paying 60 of the 1,920 lowers it but stays over: never refused',
      INVOICE,
      invoice('1600.00', '1920.00', '0'),
      invoice('1600.00', '1920.00', '60.00', { status: 'partiallyPaid' }),
      'allowed',
      'lowersExposure',
      705_000n,
    ],
    ['a credit note of 50 lowers it but stays over', INVOICE, null, invoice('50.00', '60.00', '0', { kind: 'creditNote' }), 'allowed', 'lowersExposure', 705_000n],
    [
      'raising the 6,000 invoice by one cent is refused',
      INVOICE,
      invoice('6000.00', '7200.00', '0'),
      invoice('6000.01', '7200.01', '0'),
      'refused',
      'overThreshold',
      710_001n,
    ],
    [
      'reopening a paid invoice of 10 is refused',
      INVOICE,
      invoice('10.00', '12.00', '12.00', { status: 'paid' }),
      invoice('10.00', '12.00', '12.00', { status: 'partiallyPaid', amountPaid: '0' }),
      'refused',
      'overThreshold',
      711_000n,
    ],
  ])('in block mode, %s', (_label, mapping, before, after, outcome, reason, exposureAfter) => {
    const delta = deltasOf([contributionOf(mapping, before)], [contributionOf(mapping, after)]).reduce((sum, d) => sum + d.minor, 0n);
    const action = before ? 'update' : 'create';
    const decision = decide({
      policy: policy({ mode: 'block' }),
      gate: mapping.gate,
      action,
      gatedAction: mapping.gatedActions.includes(action),
      exposureBefore: exposureOf(exampleLedger()).total,
      delta,
    });
    expect([decision.outcome, decision.reason]).toEqual([outcome, reason]);
    expect(decision.exposureAfter).toBe(exposureAfter);
  });
});
