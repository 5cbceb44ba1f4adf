import type { Core } from '@strapi/strapi';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /business-links/resolve?customer=<sold-to>&project=<project>: who is billed, at which site. */
  async resolve(ctx: any) {
    const { customer, project } = ctx.query;
    if (typeof customer !== 'string' || customer === '') {
      refuse('customer', say('soldToRequired'));
    }
    const service = strapi.service('api::business-link.resolver') as any;
    const resolved = await service.resolve({ documentId: customer }, typeof project === 'string' && project ? { documentId: project } : null);
    if (!resolved) throw notFound(say('noCustomerOrProspect', { documentId: customer }));
    if (project && !resolved.project) {
      refuse('project', say('noProject', { project: String(project) }));
    }
    ctx.body = { data: service.present(resolved) };
  },
});
