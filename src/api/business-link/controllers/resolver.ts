import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { refuse } from '../../../rules/validation-error';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /business-links/resolve?customer=<sold-to>&project=<project>: who is billed, at which site. */
  async resolve(ctx: any) {
    const { customer, project } = ctx.query;
    if (typeof customer !== 'string' || customer === '') {
      refuse('customer', 'customer (the sold-to party) is required');
    }
    const service = strapi.service('api::business-link.resolver') as any;
    const resolved = await service.resolve({ documentId: customer }, typeof project === 'string' && project ? { documentId: project } : null);
    if (!resolved) throw new errors.NotFoundError(`no customer or prospect ${customer}`);
    if (project && !resolved.project) {
      refuse('project', `no project ${project}`);
    }
    ctx.body = { data: service.present(resolved) };
  },
});
