import type { Core } from '@strapi/strapi';
import { throwIfErrors } from '../rules/validation-error';

const OPPORTUNITY = 'api::opportunity.opportunity';

/**
 * Document-service hooks of the customer lifecycle: whatever the write path (REST, GraphQL,
 * Content Manager, code), an opportunity that ends up linked to an order converts its prospect
 * in the same transaction. Under manual numbering the conversion needs a code, so the write is
 * refused and the caller is sent to the conversion that takes one.
 */
export function registerCustomerLifecycle(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== OPPORTUNITY || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      const documentId = (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;
      const opportunity = await strapi.db.query(OPPORTUNITY).findOne({
        where: { documentId },
        populate: { order: { select: ['number'] }, customer: { populate: { company: true } } },
      });
      const customer = opportunity?.customer;
      if (!opportunity?.order || customer?.kind !== 'prospect') return result;
      if (customer.company?.customerNumbering === 'manual') {
        throwIfErrors([
          {
            path: ['order'],
            message:
              `${customer.callName} is a prospect and ${customer.company.name} numbers its customers manually: ` +
              `turn the opportunity into an order with a customerCode (POST /api/opportunities/:documentId/order) or convert the prospect with a code first`,
          },
        ]);
      }
      const lifecycle = strapi.service('api::customer.lifecycle' as any);
      await lifecycle.apply(await lifecycle.plan(customer.documentId, undefined));
      return result;
    });
  });
}
