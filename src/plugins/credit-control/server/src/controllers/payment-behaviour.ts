import type { Core } from '@strapi/strapi';
import { currentActor } from '../services/actor';
import { partyOf } from './party-param';
import { getService } from '../utils/get-service';

/** A party's payment behaviour, and accepting its suggested colour (thin: behaviour-view does the work). */
const paymentBehaviourController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await getService(strapi, 'behaviour-view').of(await partyOf(strapi, ctx)) };
  },
  async accept(ctx: any) {
    const party = await partyOf(strapi, ctx);
    ctx.body = { data: await getService(strapi, 'behaviour-view').accept(party, ctx.request.body?.colour, currentActor(strapi)) };
  },
});

export default paymentBehaviourController;
