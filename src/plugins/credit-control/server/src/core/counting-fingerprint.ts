import type { Mapping } from './mapping';

/**
 * What decides a document's contribution, per mapped type, as one stable string: when it changes
 * between two boots (a new type, bucket, open predicate, amount, minus or unpaid-share field, or
 * draft & publish turned on or off), the maintained exposure no longer matches the documents.
 */
export function countingFingerprint(mapping: Mapping, draftAndPublish: (uid: string) => boolean): string {
  const counted = Object.values(mapping.documents)
    .filter((doc) => doc.bucket)
    .sort((a, b) => a.uid.localeCompare(b.uid))
    .map((doc) => ({
      uid: doc.uid,
      bucket: doc.bucket,
      partyFields: doc.partyFields,
      amountField: doc.amountField,
      currencyField: doc.currencyField ?? null,
      sign: doc.sign,
      negativeWhen: doc.negativeWhen ?? null,
      open: doc.open ?? null,
      minus: doc.minus,
      unpaidShare: doc.unpaidShare ?? null,
      // the per-day rows follow the delivery date field (horizon.ts)
      ...(doc.horizonDateField ? { horizonDateField: doc.horizonDateField } : {}),
      // the open dues follow the due date field (overdue.ts)
      ...(doc.dueDateField ? { dueDateField: doc.dueDateField, dueWhen: doc.dueWhen ?? null } : {}),
      draftAndPublish: draftAndPublish(doc.uid),
    }));
  return JSON.stringify({ currency: mapping.currency.default, counted });
}
