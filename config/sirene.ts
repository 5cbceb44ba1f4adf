import type { Core } from '@strapi/strapi';

/** INSEE API Sirene 3.11 (see docs/identification.md). Without an API key the look-ups answer 503. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  baseUrl: env('SIRENE_BASE_URL', 'https://api.insee.fr/api-sirene/3.11'),
  apiKey: env('SIRENE_API_KEY', ''),
  timeoutMs: env.int('SIRENE_TIMEOUT_MS', 5000),
});
