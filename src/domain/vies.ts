/**
 * VIES REST API (`POST /check-vat-number`) answers → a three-way result. Pure module.
 *
 * A number VIES could not check (member state down, too many requests, timeout...) is `unknown`,
 * never `invalid`: refusing a customer because a national server is down would be wrong.
 */
import { DEFAULT_LOCALE, say, translate, type Locale, type MessageCode, type Said } from './messages';

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
const UNAVAILABLE: Readonly<Record<string, MessageCode>> = {
  MS_UNAVAILABLE: 'viesMemberStateUnavailable',
  SERVICE_UNAVAILABLE: 'viesServiceUnavailable',
  TIMEOUT: 'viesTimeout',
  MS_MAX_CONCURRENT_REQ: 'viesMemberStateBusy',
  GLOBAL_MAX_CONCURRENT_REQ: 'viesBusy',
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

/** The reason of an error code, coded ("MS_UNAVAILABLE: the member state's ..."). */
const viesSaid = (code: string): Said => (UNAVAILABLE[code] ? say(UNAVAILABLE[code]) : say('viesCouldNotCheck', { code }));

/** Reason text of an error code ("MS_UNAVAILABLE: the member state's ..."), in `locale`. */
export function viesReason(code: string, locale: Locale = DEFAULT_LOCALE): string {
  return translate(viesSaid(code), locale);
}

/**
 * An answer that could not be used at all (network, timeout, HTTP 5xx, unreadable body). A coded
 * reason (`say(...)`) is written in `locale`.
 */
export function viesUnknown(vatNumber: string, reason: string | Said, now: Date, locale: Locale = DEFAULT_LOCALE): ViesResult {
  return { vatNumber, status: 'unknown', checkedAt: now.toISOString(), reason: typeof reason === 'string' ? reason : translate(reason, locale) };
}

/** A parsed 2xx (or error-carrying) VIES answer → result; its reason in `locale`. */
export function interpretViesAnswer(vatNumber: string, body: unknown, now: Date, locale: Locale = DEFAULT_LOCALE): ViesResult {
  const unknown = (said: Said) => viesUnknown(vatNumber, said, now, locale);
  const code = viesErrorCode(body);
  if (code !== undefined) return unknown(viesSaid(code));
  if (!isObject(body)) return unknown(say('viesUnreadable'));
  const valid = typeof body.valid === 'boolean' ? body.valid : body.isValid;
  if (typeof valid !== 'boolean') return unknown(say('viesNoVerdict'));
  const checkedAt = typeof body.requestDate === 'string' && !Number.isNaN(Date.parse(body.requestDate))
    ? new Date(body.requestDate).toISOString()
    : now.toISOString();
  if (!valid) return { vatNumber, status: 'invalid', checkedAt, reason: translate(say('viesNotRegistered'), locale) };
  const name = text(body.name);
  const address = text(body.address);
  return { vatNumber, status: 'valid', ...(name ? { name } : {}), ...(address ? { address } : {}), checkedAt };
}
