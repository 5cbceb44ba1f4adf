import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeOfRequest, textOf } from '../core';
import { POLICY_UID } from '../services/policies';
import { CHANGE_REASON_STATE } from '../services/limit-history';
import { reasonInput } from './limit-changes';
import { partyOf } from './party-param';
import { policyInput } from './policy-input';
import { getService } from '../utils/get-service';

const policies = (strapi: Core.Strapi) => getService(strapi, 'policies');

/** A party's policy, addressed by the party like every other party route. */
const partyPolicyController = ({ strapi }: { strapi: Core.Strapi }) => {
  const existing = async (party: string) => {
    const row = await policies(strapi).row(party);
    if (!row) throw new errors.NotFoundError(textOf('policyNotFound', { party }, localeOfRequest(strapi.requestContext.get())), { code: 'policyNotFound' });
    return row;
  };
  return {
    async show(ctx: any) {
      ctx.body = { data: policies(strapi).toJson(await existing(await partyOf(strapi, ctx))) };
    },
    /** An upsert: creates the policy or changes the fields sent, validated and logged like any policy change. */
    async put(ctx: any) {
      const party = await partyOf(strapi, ctx);
      // the reason for a limit change goes beside `data`; the limit history keeps it
      ctx.state[CHANGE_REASON_STATE] = reasonInput(ctx.request.body, localeOfRequest(ctx), false);
      await policies(strapi).save(party, policyInput(ctx.request.body, party, localeOfRequest(ctx)));
      ctx.status = 200;
      const pending = await getService(strapi, 'limit-requests').pendingOf(party);
      ctx.body = { data: policies(strapi).toJson((await policies(strapi).row(party))!), meta: { pendingLimitChange: pending } };
    },
    async remove(ctx: any) {
      const row = await existing(await partyOf(strapi, ctx));
      await strapi.documents(POLICY_UID as any).delete({ documentId: row.documentId } as any);
      ctx.body = { data: policies(strapi).toJson(row) };
    },
  };
};

export default partyPolicyController;
