import {
  MODES,
  decide,
  decisionText,
  localeOf,
  defaultPolicy,
  type DecisionInput,
  type Mode,
  type Outcome,
  type Reason,
} from '../../../src/plugins/credit-control/server/src/core';
import { BUCKETS, GATES, HELPDESK_ISSUE, policy } from './fixtures';

/** Threshold 7,000.00 EUR; every gate ticked unless the case says otherwise. */
const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  policy: policy(),
  gate: 'invoices',
  action: 'create',
  gatedAction: true,
  exposureBefore: 500_000n,
  delta: 10_000n,
  ...over,
});

describe('defaultPolicy', () => {
  it('blocks nothing and ticks every gate and bucket', () => {
    expect(defaultPolicy('EUR', [...GATES], BUCKETS)).toEqual({
      mode: 'none',
      thresholdMinor: 0n,
      currency: 'EUR',
      gates: [...GATES],
      buckets: BUCKETS,
      callTaking: 'none',
      blocked: false,
      group: false,
    });
  });

  it.each(GATES)('lets a %s write through even far over a zero threshold', (gate) => {
    const decision = decide(input({ policy: defaultPolicy('EUR', [...GATES], BUCKETS), gate, exposureBefore: 10n ** 15n }));
    expect(decision.outcome).toBe('allowed');
  });
});

describe('decide: mode × over/under threshold × delta sign', () => {
  // under: 5,000 ± 100 stays under 7,000; over: 8,000 ± 100 stays over.
  const cases: [Mode, 'under' | 'over', 'negative' | 'zero' | 'positive', Outcome, Reason][] = [];
  const expected: Record<Mode, Record<'under' | 'over', Record<'negative' | 'zero' | 'positive', [Outcome, Reason]>>> = {
    none: {
      under: { negative: ['allowed', 'modeNone'], zero: ['allowed', 'modeNone'], positive: ['allowed', 'modeNone'] },
      over: { negative: ['allowed', 'modeNone'], zero: ['allowed', 'modeNone'], positive: ['allowed', 'modeNone'] },
    },
    alert: {
      under: { negative: ['allowed', 'withinThreshold'], zero: ['allowed', 'withinThreshold'], positive: ['allowed', 'withinThreshold'] },
      over: { negative: ['warned', 'overThreshold'], zero: ['warned', 'overThreshold'], positive: ['warned', 'overThreshold'] },
    },
    block: {
      under: { negative: ['allowed', 'withinThreshold'], zero: ['allowed', 'withinThreshold'], positive: ['allowed', 'withinThreshold'] },
      over: { negative: ['allowed', 'lowersExposure'], zero: ['refused', 'overThreshold'], positive: ['refused', 'overThreshold'] },
    },
    blockAll: {
      under: { negative: ['refused', 'blockAll'], zero: ['refused', 'blockAll'], positive: ['refused', 'blockAll'] },
      over: { negative: ['refused', 'blockAll'], zero: ['refused', 'blockAll'], positive: ['refused', 'blockAll'] },
    },
  };
  for (const mode of MODES)
    for (const side of ['under', 'over'] as const)
      for (const sign of ['negative', 'zero', 'positive'] as const) cases.push([mode, side, sign, ...expected[mode][side][sign]]);

  const BEFORE = { under: 500_000n, over: 800_000n };
  const DELTA = { negative: -10_000n, zero: 0n, positive: 10_000n };

  it.each(cases)('%s, %s the threshold, %s delta → %s (%s)', (mode, side, sign, outcome, reason) => {
    const decision = decide(input({ policy: policy({ mode }), exposureBefore: BEFORE[side], delta: DELTA[sign] }));
    expect(decision.outcome).toBe(outcome);
    expect(decision.reason).toBe(reason);
    expect(decision.mode).toBe(mode);
    expect(decision.exposureAfter).toBe(BEFORE[side] + DELTA[sign]);
    expect(decision.threshold).toBe(700_000n);
  });

  it('covers all four modes', () => expect([...MODES]).toEqual(['none', 'alert', 'block', 'blockAll']));
});

describe('decide: edges of the block rule', () => {
  it.each<[string, bigint, bigint, bigint, Outcome, Reason]>([
    ['crossing the threshold upward', 695_000n, 10_000n, 700_000n, 'refused', 'overThreshold'],
    ['landing exactly on the threshold', 690_000n, 10_000n, 700_000n, 'allowed', 'withinThreshold'],
    ['one cent over the threshold', 690_000n, 10_001n, 700_000n, 'refused', 'overThreshold'],
    ['crossing it downward', 705_000n, -10_000n, 700_000n, 'allowed', 'withinThreshold'],
    ['lowering while staying over', 900_000n, -1n, 700_000n, 'allowed', 'lowersExposure'],
    ['delta 0 while over (a gated type with no bucket)', 700_001n, 0n, 700_000n, 'refused', 'overThreshold'],
    ['zero threshold, negative exposure after (−500)', -50_000n, 0n, 0n, 'allowed', 'withinThreshold'],
    ['zero threshold, negative exposure rising to −400', -50_000n, 10_000n, 0n, 'allowed', 'withinThreshold'],
    ['zero threshold, exposure back to exactly 0', -50_000n, 50_000n, 0n, 'allowed', 'withinThreshold'],
    ['zero threshold, one cent over', 0n, 1n, 0n, 'refused', 'overThreshold'],
  ])('block mode: %s', (_label, exposureBefore, delta, thresholdMinor, outcome, reason) => {
    const decision = decide(input({ policy: policy({ mode: 'block', thresholdMinor }), exposureBefore, delta }));
    expect([decision.outcome, decision.reason]).toEqual([outcome, reason]);
  });

  it.each<[Mode, string]>([
    ['block', 'Credit blocked for ACME SA: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['alert', 'Credit alert for ACME SA: outstanding 7,100.00 EUR exceeds the 7,000.00 EUR threshold'],
    ['blockAll', 'Credit blocked for ACME SA: every orders write is blocked, whatever the outstanding amount'],
  ])('%s names the party in the message', (mode, message) => {
    const decision = decide(input({ policy: policy({ mode }), gate: 'orders', exposureBefore: 710_000n, delta: 0n, partyLabel: 'ACME SA' }));
    expect(decision.message).toBe(message);
  });

  it.each<[string, bigint, string]>([
    ['JPY', 1_500_000n, 'outstanding 1,500,001 JPY exceeds the 1,500,000 JPY threshold'],
    ['BHD', 2_000_000n, 'outstanding 2,000.001 BHD exceeds the 2,000.000 BHD threshold'],
  ])('formats the figures in the policy currency %s', (currency, thresholdMinor, text) => {
    const decision = decide(input({ policy: policy({ mode: 'block', currency, thresholdMinor }), exposureBefore: thresholdMinor, delta: 1n }));
    expect(decision.message).toContain(text);
    expect(decision.currency).toBe(currency);
  });
});

describe('decide: manual block ("Customer blocked for total receivables")', () => {
  const cases = MODES.flatMap((mode) =>
    (['create', 'update', 'delete'] as const).flatMap((action) =>
      // a removal that lowers exposure is the one write a block lets through (tested below)
      action === 'delete' ? [[mode, action, 10_000n] as const] : [[mode, action, -10_000n] as const, [mode, action, 10_000n] as const],
    ),
  );

  it.each(cases)('mode %s, %s with delta %s, under the threshold → refused with the reason', (mode, action, delta) => {
    const decision = decide(
      input({ policy: policy({ mode, blocked: true, blockedReason: 'cheque bounced' }), action, exposureBefore: 0n, delta, partyLabel: 'ACME SA' }),
    );
    expect(decision.outcome).toBe('refused');
    expect(decision.reason).toBe('manualBlock');
    expect(decision.message).toBe('Credit blocked for ACME SA: the customer is blocked for total receivables (cheque bounced)');
  });

  it.each(MODES)('mode %s: deleting a document that lowers exposure is allowed even while blocked', (mode) => {
    const decision = decide(input({ policy: policy({ mode, blocked: true }), action: 'delete', exposureBefore: 900_000n, delta: -10_000n }));
    expect(decision.outcome).toBe('allowed');
    expect(decision.reason).toBe('lowersExposure');
  });

  it.each([null, undefined, ''])('without a reason (%p) the message has no parentheses', (blockedReason) => {
    const decision = decide(input({ policy: policy({ blocked: true, blockedReason }) }));
    expect(decision.message).toBe('Credit blocked: the customer is blocked for total receivables');
  });

  it.each([
    ['a gate that is not ticked', { gate: 'orders', policy: policy({ blocked: true, gates: ['invoices'] }) }],
    ['an action the type does not gate', { gatedAction: false, policy: policy({ blocked: true }) }],
  ])('does not reach %s', (_label, over) => {
    expect(decide(input(over)).reason).toBe('notGated');
  });
});

describe('decide: the nine gates', () => {
  const cases = GATES.flatMap((gate) => (['create', 'update'] as const).map((action) => [gate, action] as const));

  it.each(cases)('%s %s: refused when ticked and over the threshold', (gate, action) => {
    const decision = decide(input({ policy: policy({ mode: 'block', gates: [gate] }), gate, action, exposureBefore: 710_000n, delta: 0n }));
    expect([decision.outcome, decision.reason]).toEqual(['refused', 'overThreshold']);
    expect(decision.message).toContain('7,100.00 EUR');
  });

  it.each(cases)('%s %s: allowed (notGated) when not ticked', (gate, action) => {
    const gates = GATES.filter((g) => g !== gate);
    const decision = decide(input({ policy: policy({ mode: 'blockAll', gates }), gate, action, exposureBefore: 710_000n, delta: 10_000n }));
    expect(decision).toMatchObject({ outcome: 'allowed', reason: 'notGated', exposureAfter: 720_000n });
  });

  it.each(cases)('%s %s: allowed (notGated) when the type does not gate the action', (gate, action) => {
    const decision = decide(input({ policy: policy({ mode: 'blockAll' }), gate, action, gatedAction: false }));
    expect([decision.outcome, decision.reason]).toEqual(['allowed', 'notGated']);
  });

  it.each<['create' | 'update' | 'delete', Outcome, Reason]>([
    ['create', 'refused', 'overThreshold'],
    ['update', 'allowed', 'notGated'],
    ['delete', 'allowed', 'notGated'],
  ])('a help-desk issue %s under the maintenanceContracts gate → %s', (action, outcome, reason) => {
    const decision = decide(
      input({
        policy: policy({ mode: 'block' }),
        gate: HELPDESK_ISSUE.gate,
        action,
        gatedAction: HELPDESK_ISSUE.gatedActions.includes(action),
        exposureBefore: 710_000n,
        delta: 0n,
      }),
    );
    expect([decision.outcome, decision.reason]).toEqual([outcome, reason]);
  });
});

describe('decisionText: the sentence in the reader’s language', () => {
  const refusedOver = decide(input({ policy: policy({ mode: 'block', thresholdMinor: 700_000n }), gate: 'invoices', exposureBefore: 217_768_624n, delta: 10_000n }));

  it('writes French figures the way the admin writes them (narrow no-break space, decimal comma)', () => {
    expect(decisionText(refusedOver, 'fr')).toBe('Crédit bloqué : l’encours de 2\u202f177\u202f786,24 EUR dépasse le seuil de 7\u202f000,00 EUR');
    expect(decisionText(refusedOver, 'en')).toBe(refusedOver.message);
    expect(refusedOver.message).toBe('Credit blocked: outstanding 2,177,786.24 EUR exceeds the 7,000.00 EUR threshold');
  });

  it.each<[Mode, boolean, string]>([
    ['alert', false, 'Alerte crédit pour le groupe : l’encours de 7\u202f100,00 EUR dépasse le seuil de 7\u202f000,00 EUR'],
    ['blockAll', false, 'Crédit bloqué pour le groupe : toute création ou modification de ce type de pièce est bloquée, quel que soit l’encours'],
    ['block', true, 'Crédit bloqué pour le groupe : le client est bloqué sur l’encours total (chèque impayé)'],
  ])('%s (blocked %s) in French names the group', (mode, blocked, text) => {
    const decision = decide(input({ policy: policy({ mode, blocked, blockedReason: 'chèque impayé' }), group: true, exposureBefore: 710_000n, delta: 0n }));
    expect(decisionText(decision, 'fr')).toBe(text);
  });

  it('has a sentence for every reason in every language, none left in English in French', () => {
    const reasons: Reason[] = ['notGated', 'modeNone', 'manualBlock', 'blockAll', 'withinThreshold', 'overThreshold', 'lowersExposure', 'missingRate', 'callTakingClear', 'callTakingUnpaidOnContract', 'callTakingUnpaidOnCustomer', 'callTakingUnderWatch'];
    for (const reason of reasons) {
      for (const outcome of ['allowed', 'warned', 'refused'] as const) {
        const figures = { outcome, reason, exposureAfter: 100n, threshold: 50n, currency: 'EUR', facts: { missingRates: ['USD'] } };
        const [en, fr] = [decisionText(figures, 'en'), decisionText(figures, 'fr')];
        expect({ reason, en: en.length > 0, differs: en !== fr }).toEqual({ reason, en: true, differs: true });
      }
    }
  });

  it('reads the language from Accept-Language, English by default', () => {
    expect(localeOf(undefined)).toBe('en');
    expect(localeOf('*')).toBe('en');
    expect(localeOf('fr-FR,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(localeOf('en-US,fr;q=0.5')).toBe('en');
  });
});
