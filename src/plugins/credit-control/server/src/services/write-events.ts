import type { Core } from '@strapi/strapi';
import { blocksByRule, dues, minorToString, type AuditEntry, type Contribution, type Decision, type OverdueFacts, type Policy, type RateOf } from '../core';
import type { WriteUnderCheck } from './write-under-check';
import { getService } from '../utils/get-service';

/** Sent once committed when a write ends a party's block by an overdue rule (a manual block stays). */
export const RELEASED_EVENT = 'credit.released';

/** What a checked write decided for one party (the decision log's row, and who overrode a refusal). */
export interface PartyOutcome {
  party: string;
  decision: Decision;
  audit: AuditEntry;
  overridden?: string;
}

const overdueSummary = (f: OverdueFacts) => ({ oldestPastDue: f.oldestPastDue, daysLate: f.daysLate, pastDue: minorToString(f.pastDueMinor, f.currency), currency: f.currency, level: f.level });

/** Events of warned and overridden writes, sent once committed: a caller's transaction may still roll this write back. */
export function announceOutcomes(strapi: Core.Strapi, w: WriteUnderCheck, outcomes: PartyOutcome[], documentId: string | undefined): void {
  for (const o of outcomes) {
    if (o.decision.outcome === 'warned') {
      const { decision } = o;
      const money = (minor: bigint) => minorToString(minor, decision.currency);
      const event = { outcome: 'warned', party: o.party, reason: decision.reason, message: decision.message, currency: decision.currency, threshold: money(decision.threshold), exposureAfter: money(decision.exposureAfter) };
      w.onCommit(() => strapi.eventHub.emit('credit-control.exceeded', event));
    }
    if (o.overridden) {
      const event = { party: o.party, reason: o.overridden, refusal: o.decision.message, document: { uid: w.ctx.uid, documentId } };
      w.onCommit(() => strapi.eventHub.emit('credit-control.overridden', event));
    }
  }
}

export interface ReleaseCheck {
  deltas: Contribution[];
  /** what was past due before the write, for the parties whose policy has an overdue rule */
  overdue: Map<string, OverdueFacts>;
  /** the policy covering each of those parties */
  policyOf: (parties: string[]) => Map<string, Policy>;
  day: string;
  rates: () => Promise<RateOf>;
  documentId: string | undefined;
}

/**
 * A party an overdue rule blocked before this write, whose dues the write moved, is read again:
 * when no rule blocks it any more (and no manual block holds), its release is announced.
 */
export async function announceReleases(strapi: Core.Strapi, w: WriteUnderCheck, check: ReleaseCheck): Promise<void> {
  const moved = new Set(dues(check.deltas).map((d) => d.party));
  const policies = check.policyOf([...check.overdue.keys()].filter((p) => moved.has(p)));
  const blocked = [...policies].filter(([party, policy]) => !policy.blocked && blocksByRule(policy.overdueRules, check.overdue.get(party)!));
  if (blocked.length === 0) return;
  const after = await getService(strapi, 'overdue-reads').facts(w.trx, new Map(blocked), check.day, check.rates);
  for (const [party, policy] of blocked) {
    const now = after.get(party)!;
    if (blocksByRule(policy.overdueRules, now)) continue;
    const was = check.overdue.get(party)!;
    const event = { party, by: w.actor.label ?? w.actor.type, document: { uid: w.ctx.uid, documentId: check.documentId }, before: overdueSummary(was), after: overdueSummary(now) };
    w.onCommit(() => strapi.eventHub.emit(RELEASED_EVENT, event));
  }
}
