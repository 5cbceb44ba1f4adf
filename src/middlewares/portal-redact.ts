import type { Core } from '@strapi/strapi';
import { isPortalState } from '../security/portal-context';

const HEADER = 'X-Credit-Control-Warning';
/** What a portal user reads instead of a credit decision that quotes outstanding amounts or thresholds. */
export const PORTAL_CREDIT_MESSAGE = 'Credit control: please contact our accounts department';

/** Credit-gate texts quote amounts ("outstanding 12 000,00 EUR exceeds the 10 000,00 EUR threshold"); call-taking texts do not. */
const quotesCredit = (text: string) => /^Credit (alert|blocked)/.test(text) || /threshold|outstanding/i.test(text);
const redactText = (text: string) => (quotesCredit(text) ? PORTAL_CREDIT_MESSAGE : text);

/** Drops credit-control details (exposure, threshold, top documents) and rewrites credit texts, anywhere in a response. */
function redact(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'creditControl') {
        const warnings = (inner as { warnings?: unknown })?.warnings;
        if (Array.isArray(warnings)) out[key] = { warnings: warnings.map(redact) };
        continue;
      }
      out[key] = key === 'message' || key === 'warnings' || typeof inner === 'object' ? redact(inner) : inner;
    }
    return out;
  }
  return value;
}

/**
 * The credit engine tells the caller why it warned or refused, amounts included. Credit
 * thresholds are never shown to customers, so for a portal user those texts and the decision
 * details are replaced, in REST bodies, GraphQL bodies and the warning header. A global
 * middleware, because the engine's refusal is raised outside anything the app's code wraps.
 */
export default (_config: unknown, { strapi: _strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (!isPortalState(ctx.state)) return;
    const warnings: string[] | undefined = ctx.state.creditControlWarnings;
    if (warnings?.length) {
      ctx.state.creditControlWarnings = warnings.map(redactText);
      ctx.set(HEADER, ctx.state.creditControlWarnings.map((m: string) => encodeURIComponent(m)).join(', '));
    }
    // GraphQL reports refusals with a 200 and `errors[]`: its bodies are always looked at
    if (ctx.status < 400 && !warnings?.length && ctx.path !== '/graphql') return;
    if (typeof ctx.body === 'string' && ctx.type?.includes('json')) {
      try {
        ctx.body = JSON.stringify(redact(JSON.parse(ctx.body)));
      } catch {
        // not JSON after all: left as it is
      }
    } else if (ctx.body && typeof ctx.body === 'object' && !Buffer.isBuffer(ctx.body) && typeof ctx.body.pipe !== 'function') {
      ctx.body = redact(ctx.body);
    }
  };
