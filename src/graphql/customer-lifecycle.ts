import type { Core } from '@strapi/strapi';

const scope = (action: string) => ({ auth: { scope: [action] } });

/** Conversion, opportunity → order, linked supplier and accounting view over GraphQL: same services and permissions as REST. */
export default (strapi: Core.Strapi) => () => {
  const service = (uid: string) => strapi.service(uid as any);
  return {
    typeDefs: `
      type OpportunityOrderResult { order: Order! opportunity: Opportunity! customer: Customer! }
      type CustomerAccountingIssue { field: String! code: String! message: String! }
      type CustomerAccountingConsistency { consistent: Boolean! expected: String issues: [CustomerAccountingIssue!]! }
      extend type Mutation {
        convertProspect(documentId: ID!, code: String): Customer!
        opportunityToOrder(documentId: ID!, data: OrderInput!, customerCode: String): OpportunityOrderResult!
        createLinkedSupplier(documentId: ID!, data: SupplierInput): Supplier!
        manageCustomerInAccounting(documentId: ID!, replace: Boolean): Customer!
      }
      extend type Query {
        customerAccountingConsistency(documentId: ID!): CustomerAccountingConsistency!
      }
    `,
    resolvers: {
      Mutation: {
        convertProspect: (_: unknown, args: { documentId: string; code?: string | null }) =>
          service('api::customer.lifecycle').convert(args.documentId, { code: args.code ?? undefined }),
        opportunityToOrder: (_: unknown, args: { documentId: string; data: Record<string, unknown>; customerCode?: string | null }) =>
          service('api::opportunity.to-order').toOrder(args.documentId, { ...args.data, customerCode: args.customerCode ?? undefined }),
        createLinkedSupplier: (_: unknown, args: { documentId: string; data?: Record<string, unknown> | null }) =>
          service('api::customer.linked-supplier').create(args.documentId, { ...(args.data ?? {}) }),
        manageCustomerInAccounting: async (_: unknown, args: { documentId: string; replace?: boolean | null }) =>
          (await service('api::customer.accounting').manage(args.documentId, { replace: args.replace ?? undefined })).customer,
      },
      Query: {
        customerAccountingConsistency: (_: unknown, args: { documentId: string }) => service('api::customer.accounting').consistency(args.documentId),
      },
    },
    resolversConfig: {
      'Mutation.convertProspect': scope('api::customer.lifecycle.convert'),
      'Mutation.opportunityToOrder': scope('api::opportunity.to-order.toOrder'),
      'Mutation.createLinkedSupplier': scope('api::customer.lifecycle.linkedSupplier'),
      'Mutation.manageCustomerInAccounting': scope('api::customer.accounting.manage'),
      'Query.customerAccountingConsistency': scope('api::customer.accounting.consistency'),
    },
  };
};
