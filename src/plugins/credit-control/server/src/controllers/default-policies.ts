import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { defaultPolicyParty, localeOfRequest, textOf } from '../core';
import { checkDefaultFor } from '../services/default-policy-guard';
import { POLICY_UID } from '../services/policies';
import { policyInput } from './policy-input';
import { getService } from '../utils/get-service';

/**
 * Default policies, addressed by key and value (`/default-policies/company/<company documentId>`):
 * written through the policy content type, so the policy guard checks and logs them like any policy.
 */
const defaultPoliciesController = ({ strapi }: { strapi: Core.Strapi }) => {
  const policies = () => getService(strapi, 'policies');
  const keyOf = (ctx: any) => {
    const key = String(ctx.params.key ?? '');
    const value = String(ctx.params.value ?? '');
    checkDefaultFor(strapi, localeOfRequest(ctx), { key, value });
    return { key, value, party: defaultPolicyParty(key, value) };
  };
  const json = async (party: string, key: string, value: string) => ({ ...policies().toJson((await policies().row(party))!), defaultFor: { key, value } });
  const existing = async (ctx: any) => {
    const { key, value, party } = keyOf(ctx);
    const row = await policies().row(party);
    if (!row) throw new errors.NotFoundError(textOf('defaultPolicyNotFound', { key, value }, localeOfRequest(ctx)), { code: 'defaultPolicyNotFound' });
    return { key, value, party, row };
  };
  return {
    async find(ctx: any) {
      ctx.body = { data: await getService(strapi, 'default-policies').list(), meta: { keys: getService(strapi, 'default-policies').keys() } };
    },
    async show(ctx: any) {
      const { key, value, party } = await existing(ctx);
      ctx.body = { data: await json(party, key, value) };
    },
    async put(ctx: any) {
      const { key, value, party } = keyOf(ctx);
      await policies().save(party, policyInput(ctx.request.body, party, localeOfRequest(ctx)));
      ctx.body = { data: await json(party, key, value) };
    },
    async remove(ctx: any) {
      const { key, value, row } = await existing(ctx);
      await strapi.documents(POLICY_UID as any).delete({ documentId: row.documentId } as any);
      ctx.body = { data: { ...policies().toJson(row), defaultFor: { key, value } } };
    },
  };
};

export default defaultPoliciesController;
