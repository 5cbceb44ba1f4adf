import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const service = (strapi: Core.Strapi, name: string) => strapi.plugin('credit-control').service(name);

const reasonOf = (ctx: any): string => {
  const reason = ctx.request.body?.reason;
  if (typeof reason !== 'string' || reason.trim() === '' || reason.length > 2000) {
    throw new errors.ValidationError('reason is required (1 to 2000 characters)', { errors: [{ path: ['reason'], message: 'reason is required' }] });
  }
  return reason.trim();
};

const partyOf = async (strapi: Core.Strapi, ctx: any): Promise<string> => {
  const party = String(ctx.params.party ?? '');
  const uid = service(strapi, 'mapping').get().party.uid;
  if (!party || (await strapi.db.query(uid).count({ where: { documentId: party } })) === 0) throw new errors.NotFoundError(`no ${uid} ${party}`);
  return party;
};

/** Thin HTTP layer over the credit services (content API and admin API alike). */
const creditController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async summary(ctx: any) {
    ctx.body = { data: await service(strapi, 'credit').summary(await partyOf(strapi, ctx)) };
  },
  async block(ctx: any) {
    const party = await partyOf(strapi, ctx);
    await service(strapi, 'policies').save(party, { blocked: true, blockedReason: reasonOf(ctx) });
    ctx.body = { data: await service(strapi, 'credit').summary(party) };
  },
  async unblock(ctx: any) {
    const party = await partyOf(strapi, ctx);
    await service(strapi, 'policies').save(party, { blocked: false, blockedReason: reasonOf(ctx) });
    ctx.body = { data: await service(strapi, 'credit').summary(party) };
  },
  async reconcile(ctx: any) {
    const fix = ctx.request.body?.fix === true || ctx.query?.fix === 'true';
    ctx.body = { data: await service(strapi, 'reconcile').run({ fix }) };
  },
  async decisions(ctx: any) {
    const { party, outcome, from, to, actor, kind } = ctx.query ?? {};
    const page = Math.max(1, Number.parseInt(String(ctx.query?.page ?? '1'), 10) || 1);
    const pageSize = Math.min(100, Math.max(1, Number.parseInt(String(ctx.query?.pageSize ?? '50'), 10) || 50));
    for (const [name, value] of Object.entries({ from, to })) {
      if (value !== undefined && Number.isNaN(Date.parse(String(value)))) throw new errors.ValidationError(`${name} must be a date`);
    }
    ctx.body = await service(strapi, 'audit').list({ party, outcome, from, to, actor, kind }, page, pageSize);
  },
});

export default creditController;
