import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { portalCustomerId } from './portal-context';

/**
 * A portal user prints the statement of its own customer only. The plugin's route takes any
 * party (it knows nothing of the portal), so its action is wrapped here, before the routes are
 * composed: the party in the path must be the user's customer.
 */
export function guardPortalStatement(strapi: Core.Strapi): void {
  const controller = strapi.plugin('credit-control')?.controller('reports') as Record<string, (ctx: any) => Promise<unknown>> | undefined;
  if (!controller?.partyStatement) return;
  const partyStatement = controller.partyStatement;
  controller.partyStatement = async (ctx: any) => {
    const customerId = await portalCustomerId(strapi);
    if (customerId !== null) {
      const own = await strapi.db.query('api::customer.customer').findOne({ where: { id: customerId }, select: ['documentId'] });
      if (ctx.params?.party !== own?.documentId) throw new errors.ForbiddenError('You can only print the statement of your own account');
    }
    return partyStatement.call(controller, ctx);
  };
}
