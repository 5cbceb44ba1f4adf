import { fieldName, list, type Locale } from '../core';
import { fieldError } from '../services/field-error';

/** What a client may write on a policy; the rest is the plugin's record. */
const WRITABLE = ['mode', 'threshold', 'currency', 'gates', 'buckets', 'callTaking', 'blocked', 'blockedReason', 'group', 'overrideUntil', 'overrideReason', 'capAtInsured', 'horizonDays', 'overdueRules'];
const RECORDED = ['id', 'documentId', 'blockedAt', 'blockedBy', 'createdAt', 'updatedAt'];

/**
 * The body of `PUT /parties/:party/policy`: `{ data: { ...fields } }`. The party comes from the
 * path; the values themselves are checked by the policy guard and the content type, whichever API
 * a change comes through.
 */
export function policyInput(body: unknown, party: string, locale: Locale): Record<string, unknown> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw fieldError(locale, 'data', 'policyDataObject');
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (field === 'party') {
      if (value !== party) throw fieldError(locale, 'party', 'policyPartyFromPath');
      continue;
    }
    if (RECORDED.includes(field)) throw fieldError(locale, field, 'fieldSetByPlugin', { field: fieldName(field) });
    if (!WRITABLE.includes(field)) throw fieldError(locale, field, 'notPolicyField', { field: fieldName(field), fields: list(WRITABLE) });
    patch[field] = value;
  }
  return patch;
}
