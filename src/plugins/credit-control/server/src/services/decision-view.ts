import { loggedDecisionText, minorToString, toIsoDate, type Locale } from '../core';
import type { PartyNames } from './party-labels';

const parse = (details: unknown) => (typeof details === 'string' ? JSON.parse(details) : (details ?? null));

const minorOf = (value: unknown) => (value === null || value === undefined ? null : BigInt(value as string));

/**
 * A decision-log row as the API gives it, in the shape of the rest of the plugin's API:
 * camelCase keys, money as decimal strings in the row's `currency` (stored as minor units),
 * ISO 8601 dates on every database, and the party's current label and code (a deleted party: the
 * label it had). `text` is the entry's sentence in the reader's language, built from the row's
 * reason, outcome and figures; `message` stays the English one stored with it.
 */
export function decisionView(row: Record<string, any>, labels: Map<string, PartyNames>, locale: Locale) {
  const names = row.party ? labels.get(row.party) : undefined;
  const money = (minor: unknown) => (minor === null || minor === undefined || !row.currency ? null : minorToString(BigInt(minor as string), row.currency));
  const details = parse(row.details);
  const logged = {
    kind: row.kind,
    outcome: row.outcome,
    reason: row.reason,
    action: row.action,
    gate: row.gate,
    currency: row.currency,
    exposureAfterMinor: minorOf(row.exposure_after_minor),
    thresholdMinor: minorOf(row.threshold_minor),
    details,
  };
  return {
    id: row.id,
    createdAt: toIsoDate(row.created_at),
    kind: row.kind,
    outcome: row.outcome,
    reason: row.reason,
    party: row.party,
    partyLabel: names?.name ?? row.party_label ?? null,
    partyCode: names?.code ?? null,
    documentUid: row.document_uid,
    documentId: row.document_id,
    action: row.action,
    gate: row.gate,
    mode: row.mode,
    currency: row.currency,
    delta: money(row.delta_minor),
    exposureBefore: money(row.exposure_before_minor),
    exposureAfter: money(row.exposure_after_minor),
    threshold: money(row.threshold_minor),
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    message: row.message,
    text: loggedDecisionText(logged, locale) ?? row.message,
    details,
  };
}

export type DecisionView = ReturnType<typeof decisionView>;
