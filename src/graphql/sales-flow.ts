import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';

/** The operations a preview can show; each takes the source's documentId except the billing tool. */
const PREVIEWABLE = ['orderFromQuotation', 'reviseQuotation', 'deliveryFromOrder', 'billingTableFromOrder', 'creditNoteFromInvoice', 'invoiceSources'];

const scope = (action: string) => ({ auth: { scope: [`api::sales-flow.sales-flow.${action}`] } });
const plain = (data: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).filter(([, value]) => value !== undefined && value !== null));

/** The sales flow's operations over GraphQL: the same service, permissions and refusals as REST. */
export default (strapi: Core.Strapi) => () => {
  const service = () => strapi.service('api::sales-flow.sales-flow' as any) as any;
  const made = async (promise: Promise<{ data: unknown }>) => (await promise).data;
  const preview = async (promise: Promise<{ data: unknown }>) => (await promise).data;
  return {
    typeDefs: `
      input SalesFlowLineInput { sourceKey: String! quantity: String! }
      input SalesFlowPortionInput {
        by: String
        percentage: String
        amount: String
        lines: [SalesFlowLineInput!]
        number: String
        date: Date
        deliveredOn: Date
        dueDate: Date
        state: String
        customerReference: String
      }
      input QuotationRevisionInput { number: String date: Date validUntil: Date lines: [ComponentSalesDocumentLineInput] }
      input BillingToolInput { deliveries: [ID!] billingTables: [ID!] grouping: String number: String date: Date dueDate: Date state: String }
      extend type Mutation {
        orderFromQuotation(documentId: ID!, data: SalesFlowPortionInput): Order!
        reviseQuotation(documentId: ID!, data: QuotationRevisionInput): Quotation!
        deliveryFromOrder(documentId: ID!, data: SalesFlowPortionInput): Delivery!
        billingTableFromOrder(documentId: ID!, data: SalesFlowPortionInput): BillingTable!
        creditNoteFromInvoice(documentId: ID!, data: SalesFlowPortionInput): Invoice!
        invoiceSources(data: BillingToolInput!): [Invoice!]!
        allocateReceipt(documentId: ID!, invoice: ID!, amount: String): Receipt!
        unallocateReceipt(documentId: ID!, invoice: ID!, amount: String): Receipt!
      }
      extend type Query {
        salesFlowPreview(operation: String!, documentId: ID, data: JSON): JSON
        salesFlowChain(type: String!, documentId: ID!): JSON
      }
    `,
    resolvers: {
      Mutation: {
        orderFromQuotation: (_: unknown, a: any) => made(service().orderFromQuotation(a.documentId, plain(a.data))),
        reviseQuotation: (_: unknown, a: any) => made(service().reviseQuotation(a.documentId, plain(a.data))),
        deliveryFromOrder: (_: unknown, a: any) => made(service().deliveryFromOrder(a.documentId, plain(a.data))),
        billingTableFromOrder: (_: unknown, a: any) => made(service().billingTableFromOrder(a.documentId, plain(a.data))),
        creditNoteFromInvoice: (_: unknown, a: any) => made(service().creditNoteFromInvoice(a.documentId, plain(a.data))),
        invoiceSources: (_: unknown, a: any) => made(service().invoiceSources(plain(a.data))),
        allocateReceipt: (_: unknown, a: any) => service().allocate(a.documentId, plain({ invoice: a.invoice, amount: a.amount })),
        unallocateReceipt: (_: unknown, a: any) => service().unallocate(a.documentId, a.invoice, plain({ amount: a.amount })),
      },
      Query: {
        async salesFlowPreview(_: unknown, a: { operation: string; documentId?: string; data?: Record<string, unknown> }) {
          if (!PREVIEWABLE.includes(a.operation)) refuse('operation', `operation must be one of ${PREVIEWABLE.join(', ')}`);
          const body = { ...plain(a.data), preview: true };
          if (a.operation === 'invoiceSources') return preview(service().invoiceSources(body));
          if (!a.documentId) refuse('documentId', 'give the documentId of the source');
          return preview(service()[a.operation](a.documentId, body));
        },
        salesFlowChain: (_: unknown, a: { type: string; documentId: string }) => service().chain(a.type, a.documentId),
      },
    },
    resolversConfig: {
      'Mutation.orderFromQuotation': scope('orderFromQuotation'),
      'Mutation.reviseQuotation': scope('reviseQuotation'),
      'Mutation.deliveryFromOrder': scope('deliveryFromOrder'),
      'Mutation.billingTableFromOrder': scope('billingTableFromOrder'),
      'Mutation.creditNoteFromInvoice': scope('creditNoteFromInvoice'),
      'Mutation.invoiceSources': scope('invoiceSources'),
      'Mutation.allocateReceipt': scope('allocate'),
      'Mutation.unallocateReceipt': scope('unallocate'),
      'Query.salesFlowPreview': scope('chain'),
      'Query.salesFlowChain': scope('chain'),
    },
  };
};
