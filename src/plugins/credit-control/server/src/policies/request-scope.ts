import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getService } from '../utils/get-service';

/**
 * What the app's hooks let this requester see and act on (config `hooks`): a route showing credit
 * figures needs figuresVisible; a requester scoped to some parties may use only the routes that
 * name one of them (`:party`). PolicyError (a 403): Strapi turns any other ForbiddenError raised
 * behind its authorization into a bare "Forbidden", dropping the reason code.
 */
export default async (ctx: any, config: { figures?: boolean } | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const hooks = getService(strapi, 'request-hooks');
  if (config?.figures && !(await hooks.figuresVisible(ctx))) {
    throw new errors.PolicyError('Credit figures are not shown to this requester', { reason: 'figuresHidden' });
  }
  const scope = await hooks.partyScope(ctx);
  if (!scope) return true;
  const party: string | undefined = ctx.params?.party;
  if (!party) throw new errors.PolicyError('This requester may act on its own parties only, and this route covers many', { reason: 'partyOutOfScope' });
  if (!scope.has(party)) throw new errors.PolicyError('This requester may not act on this party', { reason: 'partyOutOfScope', party });
  return true;
};
