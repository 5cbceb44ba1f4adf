import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /business-links/resolve?customer=<sold-to>&project=<project>: who is billed, at which site. */
  async resolve(ctx: any) {
    const { customer, project } = ctx.query;
    if (typeof customer !== 'string' || customer === '') {
      throw new errors.ValidationError('customer (the sold-to party) is required', { errors: [{ path: ['customer'], message: 'required', name: 'ValidationError' }] });
    }
    const service = strapi.service('api::business-link.resolver') as any;
    const resolved = await service.resolve({ documentId: customer }, typeof project === 'string' && project ? { documentId: project } : null);
    if (!resolved) throw new errors.NotFoundError(`no customer or prospect ${customer}`);
    if (project && !resolved.project) {
      throw new errors.ValidationError(`no project ${project}`, { errors: [{ path: ['project'], message: 'project not found', name: 'ValidationError' }] });
    }
    ctx.body = { data: service.present(resolved) };
  },
});
