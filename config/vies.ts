import type { Core } from '@strapi/strapi';

/** EU VIES REST API (see docs/identification.md). Off by default: the route answers 503 until enabled. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  enabled: env.bool('VIES_ENABLED', false),
  baseUrl: env('VIES_BASE_URL', 'https://ec.europa.eu/taxation_customs/vies/rest-api'),
  timeoutMs: env.int('VIES_TIMEOUT_MS', 10000),
});
