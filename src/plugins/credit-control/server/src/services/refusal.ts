import type { Core } from '@strapi/strapi';
import { bucketAmounts, contributionOf, minorToString, totalExposure, type Decision, type Mapping, type RateOf } from '../core';
import { publishedOnly } from './draft-publish';
import { statePopulate, toState, valueFields } from './states';
import { getService } from '../utils/get-service';

const TOP = 5;

/**
 * The figures behind a refusal, for the clerk and for API clients: exposure by bucket,
 * threshold, mode, and the documents that weigh most. Runs only on the refusal path.
 */
export async function describeRefusal(
  strapi: Core.Strapi,
  mapping: Mapping,
  party: string,
  decision: Decision,
  partyField: string | undefined,
  trx: any,
  /** the rates the decision used: the figures are shown in the policy currency, as judged */
  rateOf: RateOf,
  /** the refused document: read after its write, it is not one of the party's documents */
  refusedDocumentId?: string
) {
  const store = getService(strapi, 'exposure-store');
  const rows = await store.read(trx, party);
  // every bucket held, counted or not, like the credit summary; missingRates: currencies held with no rate
  const exposure = totalExposure(rows, rows.map((r: { bucket: string }) => r.bucket), decision.currency, rateOf);

  const top: { uid: string; documentId: string; label: string | null; bucket: string; amount: string; currency: string }[] = [];
  for (const doc of Object.values(mapping.documents)) {
    if (!doc.bucket || !doc.amountField) continue;
    const where = { $or: doc.partyFields.map((field) => ({ [field]: { documentId: party } })), ...publishedOnly(strapi, doc.uid) };
    const found = await strapi.db.query(doc.uid as any).findMany({
      where,
      select: ['id', 'documentId', ...valueFields(doc)],
      populate: statePopulate(doc, mapping),
      orderBy: { [doc.amountField]: 'desc' },
      limit: TOP * 4,
    });
    for (const row of found) {
      const state = toState(doc, mapping, row);
      if (state.party !== party || state.documentId === refusedDocumentId) continue;
      const contribution = contributionOf(doc, state);
      if (!contribution || contribution.minor <= 0n) continue;
      top.push({
        uid: doc.uid,
        documentId: state.documentId,
        label: doc.labelField ? String(row[doc.labelField] ?? '') : null,
        bucket: doc.bucket,
        amount: minorToString(contribution.minor, contribution.currency),
        currency: contribution.currency,
      });
    }
  }
  top.sort((a, b) => Number(b.amount) - Number(a.amount));

  return {
    creditControl: {
      party,
      mode: decision.mode,
      reason: decision.reason,
      currency: decision.currency,
      threshold: minorToString(decision.threshold, decision.currency),
      exposureBefore: minorToString(decision.exposureBefore, decision.currency),
      exposureAfter: minorToString(decision.exposureAfter, decision.currency),
      exposureByBucket: bucketAmounts(exposure.byBucket, decision.currency),
      missingRates: exposure.missingRates,
      topDocuments: top.slice(0, TOP),
    },
    errors: partyField ? [{ path: [partyField], message: decision.message, name: 'ValidationError' }] : [],
  };
}
