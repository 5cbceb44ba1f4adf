import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isValidSiren, isValidSiret, normalizeIdentifier } from '../../../domain/siret';
import { mapSirenAnswer, mapSiretAnswer, SireneFormatError, type SireneIdentity } from '../../../domain/sirene';
import { refuse } from '../../../rules/validation-error';
import { fetchJson } from '../lib/fetch-json';
import { UpstreamError } from '../lib/upstream-error';

interface SireneConfig {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

type Kind = 'siret' | 'siren';
const LABEL: Record<Kind, string> = { siret: 'SIRET', siren: 'SIREN' };
const LENGTH: Record<Kind, number> = { siret: 14, siren: 9 };

/** Check digits first: a wrong number is the clerk's typo and must never cost an INSEE call. */
function validIdentifier(kind: Kind, input: unknown): string {
  const value = typeof input === 'string' ? normalizeIdentifier(input) : '';
  const valid = kind === 'siret' ? isValidSiret(value) : isValidSiren(value);
  if (!valid) {
    const shown = value || String(input ?? '');
    refuse(kind, `${LABEL[kind]} ${shown} is not valid: ${LENGTH[kind]} digits with a correct check digit expected`);
  }
  return value;
}

/** Seconds to wait from a Retry-After header (seconds or HTTP date); null when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Read per call, so a changed configuration (or a test) applies without a restart. */
  const config = (): SireneConfig => {
    const { baseUrl, apiKey, timeoutMs } = strapi.config.get('sirene', {}) as Partial<SireneConfig>;
    if (!apiKey) throw new UpstreamError(503, 'SIRENE is not configured', { reason: 'no API key (SIRENE_API_KEY)' });
    return { baseUrl: String(baseUrl ?? '').replace(/\/+$/, ''), apiKey, timeoutMs: Number(timeoutMs) || 5000 };
  };

  async function lookup(kind: Kind, value: string): Promise<SireneIdentity> {
    const { baseUrl, apiKey, timeoutMs } = config();
    const outcome = await fetchJson(`${baseUrl}/${kind}/${value}`, {
      headers: { 'X-INSEE-Api-Key-Integration': apiKey as string, Accept: 'application/json' },
    }, timeoutMs);
    const label = `${LABEL[kind]} ${value}`;
    if (outcome.kind === 'timeout') throw new UpstreamError(504, `SIRENE did not answer within ${timeoutMs} ms`, { timeoutMs });
    if (outcome.kind === 'network') throw new UpstreamError(503, `SIRENE cannot be reached (${outcome.code})`, { code: outcome.code });
    const { status } = outcome;
    if (status === 404) throw new errors.NotFoundError(`no unit with ${label}`, { [kind]: value });
    if (status === 429) {
      const retryAfter = retryAfterSeconds(outcome.headers.get('retry-after'));
      const when = retryAfter === null ? 'later' : `in ${retryAfter} s`;
      throw new errors.RateLimitError(`SIRENE request quota exceeded; retry ${when}`, { retryAfter });
    }
    if (status === 401 || status === 403) throw new UpstreamError(502, 'SIRENE refused the API key', { upstreamStatus: status });
    if (status < 200 || status >= 300) throw new UpstreamError(502, `SIRENE failed (HTTP ${status})`, { upstreamStatus: status });
    if (outcome.unreadable) throw new UpstreamError(502, 'SIRENE sent an answer that is not JSON', { upstreamStatus: status });
    try {
      return kind === 'siret' ? mapSiretAnswer(outcome.body) : mapSirenAnswer(outcome.body);
    } catch (error) {
      if (error instanceof SireneFormatError) throw new UpstreamError(502, `SIRENE sent an unexpected answer: ${error.message}`);
      throw error;
    }
  }

  return {
    /** Identity of an establishment, with its address. */
    bySiret: (siret: unknown) => lookup('siret', validIdentifier('siret', siret)),
    /** Identity of a legal unit, with its head office SIRET. */
    bySiren: (siren: unknown) => lookup('siren', validIdentifier('siren', siren)),
  };
};
