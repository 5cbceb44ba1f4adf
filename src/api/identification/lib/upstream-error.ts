import { errors } from '@strapi/utils';
import type { Said } from '../../../domain/messages';
import { shown } from '../../../rules/said';

const NAMES: Record<number, string> = { 502: 'BadGatewayError', 503: 'ServiceUnavailableError', 504: 'GatewayTimeoutError' };

/**
 * A remote registry (SIRENE, VIES) failed or is not set up: 502/503/504. An ApplicationError so that
 * GraphQL reports it with its message; REST controllers render it through `respondUpstream`, since
 * Strapi's error middleware turns every other ApplicationError into a 400. The message is in the
 * requester's language, its code in details.
 */
export class UpstreamError extends errors.ApplicationError {
  readonly status: number;

  constructor(status: 502 | 503 | 504, said: Said, details: Record<string, unknown> = {}) {
    super(shown(said), { code: said.code, ...details });
    (this as { name: string }).name = NAMES[status]; // typed as the literal 'ApplicationError' upstream
    this.status = status;
  }
}
