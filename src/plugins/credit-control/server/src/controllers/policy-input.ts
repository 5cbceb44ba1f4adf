import { fieldError } from '../services/field-error';

/** What a client may write on a policy; the rest is the plugin's record. */
const WRITABLE = ['mode', 'threshold', 'currency', 'gates', 'buckets', 'callTaking', 'blocked', 'blockedReason', 'group', 'overrideUntil', 'overrideReason'];
const RECORDED = ['id', 'documentId', 'blockedAt', 'blockedBy', 'createdAt', 'updatedAt'];

/**
 * The body of `PUT /parties/:party/policy`: `{ data: { ...fields } }`. The party comes from the
 * path; the values themselves are checked by the policy guard and the content type, whichever API
 * a change comes through.
 */
export function policyInput(body: unknown, party: string): Record<string, unknown> {
  const data = (body as { data?: unknown } | undefined)?.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw fieldError('data', 'data must be an object of policy fields');
  const patch: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(data)) {
    if (field === 'party') {
      if (value !== party) throw fieldError('party', 'party is the one in the path: a policy cannot move to another party');
      continue;
    }
    if (RECORDED.includes(field)) throw fieldError(field, `${field} is set by the plugin`);
    if (!WRITABLE.includes(field)) throw fieldError(field, `${field} is not a policy field (fields: ${WRITABLE.join(', ')})`);
    patch[field] = value;
  }
  return patch;
}
