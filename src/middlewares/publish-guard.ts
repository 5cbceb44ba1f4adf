import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';
import { say } from '../domain/messages';
import { inLanguage, typeWord } from '../rules/words';

/** The Content Manager's draft & publish actions: `/content-manager/<kind>/<uid>[/<id>]/actions/<action>`. */
const PUBLISH_ACTION = /^\/content-manager\/(?:collection-types|single-types)\/([^/]+)(?:\/[^/]+)?\/actions\/(publish|unpublish|discard|bulkPublish|bulkUnpublish)$/;

/** What the action does to documents, as the French participle. */
const DONE_FR: Record<string, string> = { publish: 'publiés', unpublish: 'dépubliés', discard: 'abandonnés' };

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
      const action = match[2].replace(/^bulk/, '').toLowerCase();
      const done = inLanguage({ en: `${action}ed`, fr: DONE_FR[action] ?? action });
      refuse('action', say('needsDraftAndPublish', { action: match[2] }), say('noDraftAndPublish', { type: typeWord(uid, uid), done }));
    }
  }
  return next();
};
