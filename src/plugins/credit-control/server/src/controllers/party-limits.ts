import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { insuranceInput, localeOfRequest, temporaryLimitInput, textOf } from '../core';
import { currentActor } from '../services/actor';
import { criteriaError } from '../services/field-error';
import { insuranceJson, temporaryJson } from '../services/party-limits';
import { partyOf } from './party-param';
import { getService } from '../utils/get-service';

/** A party's temporary limits and credit insurance, and the limit in force (thin: services do the work). */
const partyLimitsController = ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = () => getService(strapi, 'party-limits');
  /** amounts default to the currency of the policy covering the party */
  const inputContext = async (party: string) => {
    const { policy } = await getService(strapi, 'limit-view').of(party);
    return { currency: policy.currency, known: await limits().knownCurrencies() };
  };
  return {
    async show(ctx: any) {
      ctx.body = { data: (await getService(strapi, 'limit-view').of(await partyOf(strapi, ctx))).json };
    },
    async addTemporary(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const { currency, known } = await inputContext(party);
      const checked = temporaryLimitInput(ctx.request.body, currency, known);
      if (!checked.value) throw criteriaError(localeOfRequest(ctx), checked.problems);
      const added = await limits().addTemporary(party, checked.value, currentActor(strapi));
      ctx.status = 201;
      ctx.body = { data: temporaryJson(added) };
    },
    async removeTemporary(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const id = Number(ctx.params.id);
      const removed = Number.isInteger(id) ? await limits().removeTemporary(party, id, currentActor(strapi)) : null;
      if (!removed) throw new errors.NotFoundError(textOf('temporaryLimitNotFound', { party, id: String(ctx.params.id) }, localeOfRequest(ctx)), { code: 'temporaryLimitNotFound' });
      ctx.body = { data: temporaryJson(removed) };
    },
    async setInsurance(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const { currency, known } = await inputContext(party);
      const checked = insuranceInput(ctx.request.body, currency, known);
      if (!checked.value) throw criteriaError(localeOfRequest(ctx), checked.problems);
      await limits().setInsurance(party, checked.value, currentActor(strapi));
      ctx.body = { data: (await getService(strapi, 'limit-view').of(party)).json };
    },
    async removeInsurance(ctx: any) {
      const party = await partyOf(strapi, ctx);
      const removed = await limits().removeInsurance(party, currentActor(strapi));
      if (!removed) throw new errors.NotFoundError(textOf('insuranceNotFound', { party }, localeOfRequest(ctx)), { code: 'insuranceNotFound' });
      ctx.body = { data: insuranceJson(removed, false) };
    },
  };
};

export default partyLimitsController;
