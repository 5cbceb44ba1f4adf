import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeOfRequest, textOf } from '../core';
import { getService } from '../utils/get-service';

/**
 * What the app's hooks let this requester see and act on (config `hooks`): a route showing credit
 * figures needs figuresVisible; a requester scoped to some parties may use only the routes that
 * name one of them (`:party`, or a `party` criterion on a route that narrows to it). PolicyError (a 403): Strapi turns any other ForbiddenError raised
 * behind its authorization into a bare "Forbidden", dropping the reason code.
 */
/**
 * Every party a request's criteria name: the query's, the body's and the body's `criteria`'s (read
 * from `ctx.request`: a policy context has no `ctx.query`). All are checked, not the first found, so
 * a query naming an own party cannot cover a body naming another.
 */
const criterionParties = (ctx: any): unknown[] => {
  const { query, body } = ctx.request ?? {};
  return [query?.party, body?.party, body?.criteria?.party].filter((value) => value !== undefined);
};

export default async (ctx: any, config: { figures?: boolean; partyCriterion?: boolean } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const hooks = getService(strapi, 'request-hooks');
  const locale = localeOfRequest(ctx);
  if (config?.figures && !(await hooks.figuresVisible(ctx))) {
    throw new errors.PolicyError(textOf('figuresHidden', undefined, locale), { reason: 'figuresHidden' });
  }
  const scope = await hooks.partyScope(ctx);
  if (!scope) return true;
  const named = ctx.params?.party !== undefined ? [ctx.params.party] : config?.partyCriterion ? criterionParties(ctx) : [];
  if (named.length === 0 || named.some((party) => typeof party !== 'string' || party === '')) {
    throw new errors.PolicyError(textOf('partyScopeMany', undefined, locale), { reason: 'partyOutOfScope' });
  }
  const foreign = (named as string[]).find((party) => !scope.has(party));
  if (foreign) throw new errors.PolicyError(textOf('partyScopeForeign', undefined, locale), { reason: 'partyOutOfScope', party: foreign });
  return true;
};
