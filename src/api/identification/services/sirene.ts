import type { Core } from '@strapi/strapi';
import { isValidSiren, isValidSiret, normalizeIdentifier } from '../../../domain/siret';
import { mapSirenAnswer, mapSiretAnswer, SireneFormatError, type SireneIdentity } from '../../../domain/sirene';
import { refuse } from '../../../rules/validation-error';
import { fetchJson } from '../lib/fetch-json';
import { UpstreamError } from '../lib/upstream-error';
import { num, say } from '../../../domain/messages';
import { shown } from '../../../rules/said';
import { notFound, tooManyRequests } from '../../../rules/said-errors';

interface SireneConfig {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

type Kind = 'siret' | 'siren';

/** Check digits first: a wrong number is the clerk's typo and must never cost an INSEE call. */
function validIdentifier(kind: Kind, input: unknown): string {
  const value = typeof input === 'string' ? normalizeIdentifier(input) : '';
  const valid = kind === 'siret' ? isValidSiret(value) : isValidSiren(value);
  if (!valid) {
    const given = value || String(input ?? '');
    refuse(kind, kind === 'siret' ? say('siretInvalid', { siret: given }) : say('sirenInvalid', { siren: given }));
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
    if (!apiKey) throw new UpstreamError(503, say('sireneNotConfigured'), { reason: 'no API key (SIRENE_API_KEY)' });
    return { baseUrl: String(baseUrl ?? '').replace(/\/+$/, ''), apiKey, timeoutMs: Number(timeoutMs) || 5000 };
  };

  async function lookup(kind: Kind, value: string): Promise<SireneIdentity> {
    const { baseUrl, apiKey, timeoutMs } = config();
    const outcome = await fetchJson(`${baseUrl}/${kind}/${value}`, {
      headers: { 'X-INSEE-Api-Key-Integration': apiKey as string, Accept: 'application/json' },
    }, timeoutMs);
    if (outcome.kind === 'timeout') throw new UpstreamError(504, say('sireneTimeout', { ms: num(timeoutMs) }), { timeoutMs });
    if (outcome.kind === 'network') throw new UpstreamError(503, say('sireneUnreachable', { cause: outcome.code }), { cause: outcome.code });
    const { status } = outcome;
    if (status === 404) throw notFound(kind === 'siret' ? say('sireneUnknownSiret', { siret: value }) : say('sireneUnknownSiren', { siren: value }), { [kind]: value });
    if (status === 429) {
      const retryAfter = retryAfterSeconds(outcome.headers.get('retry-after'));
      throw tooManyRequests(retryAfter === null ? say('sireneQuotaRetryLater') : say('sireneQuotaRetryIn', { seconds: num(retryAfter) }), { retryAfter });
    }
    if (status === 401 || status === 403) throw new UpstreamError(502, say('sireneKeyRefused'), { upstreamStatus: status });
    if (status < 200 || status >= 300) throw new UpstreamError(502, say('sireneFailed', { status: String(status) }), { upstreamStatus: status });
    if (outcome.unreadable) throw new UpstreamError(502, say('sireneNotJson'), { upstreamStatus: status });
    try {
      const identity = kind === 'siret' ? mapSiretAnswer(outcome.body) : mapSirenAnswer(outcome.body);
      return { ...identity, warnings: identity.warnings.map(shown) };
    } catch (error) {
      if (error instanceof SireneFormatError) throw new UpstreamError(502, say('sireneUnexpected', { detail: shown(error) }));
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
