import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';

/** The Content Manager's draft & publish actions: `/content-manager/<kind>/<uid>[/<id>]/actions/<action>`. */
const PUBLISH_ACTION = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)(?:\/[^/]+)?\/actions\/(publish|unpublish|discard|bulkPublish|bulkUnpublish)$/;

/**
 * Publishing a type without draft & publish: Strapi's document service has no `publish` for it,
 * and the Content Manager's action then fails with a TypeError (a 500). A 400 saying why instead.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  const match = ctx.method === 'POST' ? PUBLISH_ACTION.exec(ctx.path) : null;
  if (match) {
    const uid = decodeURIComponent(match[1]);
    const model = strapi.getModel(uid as any) as { options?: { draftAndPublish?: boolean } } | undefined;
    if (model && model.options?.draftAndPublish !== true) {
      refuse('action', `${match[2]} needs draft & publish`, `${uid} has no draft & publish: its documents cannot be ${match[2].replace(/^bulk/, '').toLowerCase()}ed`);
    }
  }
  return next();
};
