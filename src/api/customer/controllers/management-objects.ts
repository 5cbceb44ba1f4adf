import type { Core } from '@strapi/strapi';
import { pageParams } from '../../../http/paging';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { forbidden } from '../../../rules/said-errors';
import { typeWord } from '../../../rules/words';

const service = (strapi: Core.Strapi) => strapi.service('api::customer.management-objects') as any;

/**
 * Creating from the record also needs the permission to create that type, and listing needs the
 * permission to find it: the route's own permission does not widen what a role may touch.
 */
async function requireAction(strapi: Core.Strapi, ctx: any, uid: string, action: 'create' | 'find') {
  if (ctx.state.auth?.strategy?.name === 'admin') {
    // admin routes: the Content Manager's own permission on that type
    const cmAction = `plugin::content-manager.explorer.${action === 'find' ? 'read' : 'create'}`;
    if (!ctx.state.userAbility?.can(cmAction, uid)) throw forbidden(say(action === 'find' ? 'mayNotRead' : 'mayNotCreate', { type: typeWord(uid, uid) }));
    return;
  }
  await (strapi as any).get('auth').verify(ctx.state.auth, { scope: [`${uid}.${action}`] });
}

const sanitize = (strapi: Core.Strapi, ctx: any, uid: string, value: unknown) =>
  strapi.contentAPI.sanitize.output(value as any, strapi.getModel(uid as any), { auth: ctx.state.auth });

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async defaults(ctx: any) {
    const { documentId, type } = ctx.params;
    ctx.body = { data: await service(strapi).defaults(documentId, type, ctx.query.project || undefined) };
  },

  async create(ctx: any) {
    const { documentId, type } = ctx.params;
    const target = service(strapi).typeOf(type);
    await requireAction(strapi, ctx, target.uid, 'create');
    const input = ctx.request.body?.data ?? {};
    if (typeof input !== 'object' || Array.isArray(input)) {
      refuse('data', say('dataNotObject'));
    }
    const created = await service(strapi).create(documentId, type, input);
    ctx.status = 201;
    ctx.body = { data: await sanitize(strapi, ctx, target.uid, created) };
  },

  async linked(ctx: any) {
    const { documentId } = ctx.params;
    const { type, state } = ctx.query;
    if (type) await requireAction(strapi, ctx, service(strapi).typeOf(type).uid, 'find');
    const result = await service(strapi).linked(documentId, {
      type: type || undefined,
      state: state || undefined,
      ...pageParams(ctx.query),
    });
    ctx.body = type ? { ...result, data: await sanitize(strapi, ctx, result.meta.uid, result.data) } : result;
  },
});
