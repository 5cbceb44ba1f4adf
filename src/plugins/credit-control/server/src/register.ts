import type { Core } from '@strapi/strapi';
import { creditControlGraphql } from './graphql/operations';
import { leavesPublishedVersion } from './services/draft-publish';
import { POLICY_UID } from './services/policies';
import { getService } from './utils/get-service';

/** Credit warnings reach GraphQL clients in `extensions.creditControl`: `warnings` (messages) and `reasons` (their codes). */
const warningsApolloPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }: any) {
        const state = [contextValue?.state, contextValue?.koaContext?.state].find((s) => s?.creditControlWarnings?.length);
        const warnings = state?.creditControlWarnings;
        if (!warnings?.length || response?.body?.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...(result.extensions ?? {}), creditControl: { warnings, reasons: state.creditControlReasons ?? [] } };
      },
    };
  },
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  // installed without a mapping: inert (bootstrap says so once)
  if (!getService(strapi, 'mapping').configured()) return;
  // the bench's baseline switch: its header middleware exists only in a server booted for the bench
  const bench = getService(strapi, 'bench-switch');
  if (bench.enabled()) strapi.server.use(bench.middleware());
  // Every write path (REST, GraphQL, Content Manager, code) goes through the document service.
  // The party's deletion takes the plugin's rows keyed by it along (outermost: one transaction for both).
  strapi.documents.use(async (ctx, next) => {
    const lifecycle = getService(strapi, 'party-lifecycle');
    return lifecycle.handles(ctx.uid, ctx.action) ? lifecycle.run(ctx, next) : next();
  });
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === POLICY_UID) return getService(strapi, 'policy-guard').run(ctx, next);
    const guard = getService(strapi, 'guard');
    if (!guard.handles(ctx.uid, ctx.action)) return next();
    if (leavesPublishedVersion(strapi, getService(strapi, 'mapping').get(), ctx)) return next();
    if (getService(strapi, 'bench-switch').isOff()) return next();
    return guard.run(ctx, next);
  });

  if (strapi.plugin('graphql')) {
    // dunning records are written by dunning runs only: GraphQL reads them (creditControlDunningRecords)
    strapi.plugin('graphql').service('extension').shadowCRUD('plugin::credit-control.dunning-record').disableMutations();
    // the plugin's own routes (summaries, decisions, limits, approval, behaviour…) as queries and mutations
    strapi.plugin('graphql').service('extension').use(creditControlGraphql(strapi));
    const apollo = (strapi.config.get('plugin::graphql.apolloServer') as Record<string, any>) ?? {};
    strapi.config.set('plugin::graphql.apolloServer', { ...apollo, plugins: [...(apollo.plugins ?? []), warningsApolloPlugin] });
  }
};
