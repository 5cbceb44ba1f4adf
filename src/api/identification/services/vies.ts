import type { Core } from '@strapi/strapi';
import { checkEuVatNumber } from '../../../domain/vat';
import { interpretViesAnswer, viesErrorCode, viesReason, viesUnknown, type ViesResult } from '../../../domain/vies';
import { refuse } from '../../../rules/validation-error';
import { fetchJson } from '../lib/fetch-json';
import { UpstreamError } from '../lib/upstream-error';
import { num, say } from '../../../domain/messages';
import { shown } from '../../../rules/said';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** VIES check of an EU VAT number; malformed numbers (format, French key) never reach VIES. */
  async check(input: unknown): Promise<ViesResult> {
    // read per call, so a changed configuration (or a test) applies without a restart
    const { enabled, baseUrl, timeoutMs } = strapi.config.get('vies', {}) as { enabled?: boolean; baseUrl?: string; timeoutMs?: number };
    // a malformed number is the caller's 400 whether or not VIES is enabled (never a 503)
    const vat = checkEuVatNumber(typeof input === 'string' ? input : '');
    if (!vat.ok) refuse('vatNumber', vat.said);
    if (!enabled) throw new UpstreamError(503, say('viesNotEnabled'), { reason: 'VIES_ENABLED is off' });
    const timeout = Number(timeoutMs) || 10000;

    const now = new Date();
    const outcome = await fetchJson(
      `${String(baseUrl ?? '').replace(/\/+$/, '')}/check-vat-number`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ countryCode: vat.prefix, vatNumber: vat.normalized.slice(2) }),
      },
      timeout
    );
    if (outcome.kind === 'timeout') return viesUnknown(vat.normalized, `TIMEOUT: ${shown(say('viesServiceTimeout', { ms: num(timeout) }))}`, now);
    if (outcome.kind === 'network') return viesUnknown(vat.normalized, `SERVICE_UNAVAILABLE: ${shown(say('viesUnreachable', { cause: outcome.code }))}`, now);
    const body = outcome.unreadable ? null : outcome.body;
    if (outcome.status >= 200 && outcome.status < 300) return interpretViesAnswer(vat.normalized, body, now);
    // VIES reports MS_UNAVAILABLE & co. with 200 or 500: its code says more than the HTTP status
    const code = viesErrorCode(body);
    return viesUnknown(vat.normalized, code ? viesReason(code) : `SERVICE_UNAVAILABLE: ${shown(say('viesFailed', { status: String(outcome.status) }))}`, now);
  },
});
