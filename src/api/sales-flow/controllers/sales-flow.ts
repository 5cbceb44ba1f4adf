import type { Core } from '@strapi/strapi';
import { bodyOf } from '../../customer/controllers/lifecycle';

type Made = { preview: boolean; data: unknown };

/** Thin: the body in, the made document(s) out (201), or the preview (200). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::sales-flow.sales-flow' as any) as any;
  const answer = (ctx: any, made: Made) => {
    ctx.status = made.preview ? 200 : 201;
    ctx.body = { data: made.data, meta: { preview: made.preview } };
  };
  const pass = (operation: string) => async (ctx: any) => answer(ctx, await service()[operation](ctx.params.documentId, bodyOf(ctx)));
  return {
    orderFromQuotation: pass('orderFromQuotation'),
    reviseQuotation: pass('reviseQuotation'),
    deliveryFromOrder: pass('deliveryFromOrder'),
    billingTableFromOrder: pass('billingTableFromOrder'),
    creditNoteFromInvoice: pass('creditNoteFromInvoice'),
    deliveryFromContract: pass('deliveryFromContract'),
    rebillExpenses: pass('rebillExpenses'),
    quoteProject: pass('quoteProject'),
    billSchedule: pass('billSchedule'),
    purchaseForOrder: pass('purchaseForOrder'),
    subcontractOrder: pass('subcontractOrder'),
    deliverSessions: pass('deliverSessions'),
    async startContractBilling(ctx: any) {
      const run = await service().startContractBilling(bodyOf(ctx));
      // still running: accepted, follow it at /contract-billing-runs/:documentId
      ctx.status = run.state === 'running' ? 202 : 201;
      ctx.body = { data: run };
    },
    async contractBillingRun(ctx: any) {
      ctx.body = { data: await service().contractBillingRun(ctx.params.documentId) };
    },
    async contractBillingRuns(ctx: any) {
      ctx.body = { data: await service().contractBillingRuns() };
    },
    async invoiceSources(ctx: any) {
      answer(ctx, await service().invoiceSources(bodyOf(ctx)));
    },
    async allocate(ctx: any) {
      ctx.body = { data: await service().allocate(ctx.params.documentId, bodyOf(ctx)) };
    },
    async unallocate(ctx: any) {
      ctx.body = { data: await service().unallocate(ctx.params.documentId, ctx.params.invoice, ctx.query?.amount !== undefined ? { amount: ctx.query.amount } : {}) };
    },
    async chain(ctx: any) {
      ctx.body = { data: await service().chain(ctx.params.type, ctx.params.documentId) };
    },
  };
};
