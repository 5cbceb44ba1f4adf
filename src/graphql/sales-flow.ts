import type { Core } from '@strapi/strapi';
import { RUN_UID } from '../flow/operations/contract-billing-run';
import { refuse } from '../rules/validation-error';
import { say } from '../domain/messages';

/** The operations a preview can show; each takes the source's documentId except the billing tool. */
const PREVIEWABLE = ['orderFromQuotation', 'reviseQuotation', 'deliveryFromOrder', 'billingTableFromOrder', 'creditNoteFromInvoice', 'invoiceSources', 'deliveryFromContract', 'rebillExpenses', 'deliverSessions', 'purchaseForOrder', 'subcontractOrder', 'quoteProject', 'billSchedule'];

const scope = (action: string) => ({ auth: { scope: [`api::sales-flow.sales-flow.${action}`] } });
const plain = (data: Record<string, unknown> | null | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).filter(([, value]) => value !== undefined && value !== null));

/** GraphQL's Date scalar may hand a Date: the operations take calendar days as YYYY-MM-DD. */
const dates = (data: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [key, value instanceof Date ? value.toISOString().slice(0, 10) : value]));

/** The sales flow's operations over GraphQL: the same service, permissions and refusals as REST. */
export default (strapi: Core.Strapi) => {
  // a contract billing run is read through the queries below, written only by the batch
  strapi.plugin('graphql').service('extension').shadowCRUD(RUN_UID).disable();
  return () => build(strapi);
};

function build(strapi: Core.Strapi) {
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
      input ContractDeliveryInput { periodStart: Date number: String date: Date deliveredOn: Date }
      input ExpensesRebillingInput { expenseReports: [ID!] article: ID number: String date: Date deliveredOn: Date }
      input TrainingDeliveryInput { sessions: [String!] article: ID number: String date: Date deliveredOn: Date }
      input PurchaseLineInput { sourceKey: String! quantity: String unitPrice: String }
      input PurchaseForOrderInput { supplier: ID! purpose: String lines: [PurchaseLineInput!] pricePercent: String number: String date: Date expectedOn: Date supplierReference: String state: String }
      input SubcontractingInput { company: ID! make: String lines: [PurchaseLineInput!] pricePercent: String number: String date: Date validUntil: Date customerReference: String }
      input ProjectQuotationInput { from: String items: [String!] article: ID number: String date: Date validUntil: Date }
      input ScheduleBillingInput { make: String items: [String!] dueDate: Date article: ID number: String date: Date deliveredOn: Date }
      input ContractBillingInput { dueDate: Date! date: Date company: ID wait: Boolean }
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
        deliveryFromContract(documentId: ID!, data: ContractDeliveryInput): Delivery!
        startContractBilling(data: ContractBillingInput!): JSON
        rebillExpenses(documentId: ID!, data: ExpensesRebillingInput): Delivery!
        deliverSessions(documentId: ID!, data: TrainingDeliveryInput): Delivery!
        purchaseForOrder(documentId: ID!, data: PurchaseForOrderInput!): SupplierOrder!
        subcontractOrder(documentId: ID!, data: SubcontractingInput!): JSON
        quoteProject(documentId: ID!, data: ProjectQuotationInput): Quotation!
        billSchedule(documentId: ID!, data: ScheduleBillingInput): JSON
      }
      extend type Query {
        salesFlowPreview(operation: String!, documentId: ID, data: JSON): JSON
        salesFlowChain(type: String!, documentId: ID!): JSON
        contractBillingRun(documentId: ID!): JSON
        contractBillingRuns: JSON
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
        deliveryFromContract: (_: unknown, a: any) => made(service().deliveryFromContract(a.documentId, dates(plain(a.data)))),
        startContractBilling: (_: unknown, a: any) => service().startContractBilling(dates(plain(a.data))),
        rebillExpenses: (_: unknown, a: any) => made(service().rebillExpenses(a.documentId, dates(plain(a.data)))),
        deliverSessions: (_: unknown, a: any) => made(service().deliverSessions(a.documentId, dates(plain(a.data)))),
        purchaseForOrder: (_: unknown, a: any) => made(service().purchaseForOrder(a.documentId, dates(plain(a.data)))),
        subcontractOrder: (_: unknown, a: any) => made(service().subcontractOrder(a.documentId, dates(plain(a.data)))),
        quoteProject: (_: unknown, a: any) => made(service().quoteProject(a.documentId, dates(plain(a.data)))),
        billSchedule: (_: unknown, a: any) => made(service().billSchedule(a.documentId, dates(plain(a.data)))),
      },
      Query: {
        async salesFlowPreview(_: unknown, a: { operation: string; documentId?: string; data?: Record<string, unknown> }) {
          if (!PREVIEWABLE.includes(a.operation)) refuse('operation', say('operationValues', { values: PREVIEWABLE.join(', ') }));
          const body = { ...plain(a.data), preview: true };
          if (a.operation === 'invoiceSources') return preview(service().invoiceSources(body));
          if (!a.documentId) refuse('documentId', say('sourceDocumentIdNeeded'));
          return preview(service()[a.operation](a.documentId, body));
        },
        salesFlowChain: (_: unknown, a: { type: string; documentId: string }) => service().chain(a.type, a.documentId),
        contractBillingRun: (_: unknown, a: { documentId: string }) => service().contractBillingRun(a.documentId),
        contractBillingRuns: () => service().contractBillingRuns(),
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
      'Mutation.deliveryFromContract': scope('deliveryFromContract'),
      'Mutation.startContractBilling': scope('startContractBilling'),
      'Mutation.rebillExpenses': scope('rebillExpenses'),
      'Mutation.deliverSessions': scope('deliverSessions'),
      'Mutation.purchaseForOrder': scope('purchaseForOrder'),
      'Mutation.subcontractOrder': scope('subcontractOrder'),
      'Mutation.quoteProject': scope('quoteProject'),
      'Mutation.billSchedule': scope('billSchedule'),
      'Query.contractBillingRun': scope('contractBillingRun'),
      'Query.contractBillingRuns': scope('contractBillingRuns'),
      'Query.salesFlowPreview': scope('chain'),
      'Query.salesFlowChain': scope('chain'),
    },
  };
}
