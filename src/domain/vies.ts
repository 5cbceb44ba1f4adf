/**
 * VIES REST API (`POST /check-vat-number`) answers → a three-way result. Pure module.
 *
 * A number VIES could not check (member state down, too many requests, timeout...) is `unknown`,
 * never `invalid`: refusing a customer because a national server is down would be wrong.
 */
export type ViesStatus = 'valid' | 'invalid' | 'unknown';

export interface ViesResult {
  vatNumber: string;
  status: ViesStatus;
  name?: string;
  address?: string;
  checkedAt: string;
  reason?: string;
}

/** VIES error codes that mean "could not check now", with a clerk-readable explanation. */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  MS_UNAVAILABLE: "the member state's VAT service is not available",
  SERVICE_UNAVAILABLE: 'the VIES service is not available',
  TIMEOUT: "the member state's VAT service did not answer in time",
  MS_MAX_CONCURRENT_REQ: "too many requests to the member state's VAT service",
  GLOBAL_MAX_CONCURRENT_REQ: 'too many requests to VIES',
};

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** VIES writes "---" for what a member state does not disclose; multi-line addresses become one line. */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.split(/\r?\n/).map((part) => part.trim()).filter(Boolean).join(', ');
  return cleaned === '' || /^-+$/.test(cleaned) ? undefined : cleaned;
}

/** The error code of an answer: `userError` (when not VALID/INVALID) or the first `errorWrappers[].error`. */
export function viesErrorCode(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (typeof body.userError === 'string' && !['VALID', 'INVALID'].includes(body.userError)) return body.userError;
  if (Array.isArray(body.errorWrappers)) {
    const first = body.errorWrappers.find(isObject);
    if (first && typeof first.error === 'string') return first.error;
  }
  return undefined;
}

/** Reason text of an error code ("MS_UNAVAILABLE: the member state's ..."). */
export function viesReason(code: string): string {
  return UNAVAILABLE[code] ? `${code}: ${UNAVAILABLE[code]}` : `${code}: VIES could not check the number`;
}

/** An answer that could not be used at all (network, timeout, HTTP 5xx, unreadable body). */
export function viesUnknown(vatNumber: string, reason: string, now: Date): ViesResult {
  return { vatNumber, status: 'unknown', checkedAt: now.toISOString(), reason };
}

/** A parsed 2xx (or error-carrying) VIES answer → result. */
export function interpretViesAnswer(vatNumber: string, body: unknown, now: Date): ViesResult {
  const code = viesErrorCode(body);
  if (code !== undefined) return viesUnknown(vatNumber, viesReason(code), now);
  if (!isObject(body)) return viesUnknown(vatNumber, 'VIES sent an unreadable answer', now);
  const valid = typeof body.valid === 'boolean' ? body.valid : body.isValid;
  if (typeof valid !== 'boolean') return viesUnknown(vatNumber, 'VIES did not say whether the number is valid', now);
  const checkedAt = typeof body.requestDate === 'string' && !Number.isNaN(Date.parse(body.requestDate))
    ? new Date(body.requestDate).toISOString()
    : now.toISOString();
  if (!valid) return { vatNumber, status: 'invalid', checkedAt, reason: 'VIES does not know this VAT number' };
  const name = text(body.name);
  const address = text(body.address);
  return { vatNumber, status: 'valid', ...(name ? { name } : {}), ...(address ? { address } : {}), checkedAt };
}
