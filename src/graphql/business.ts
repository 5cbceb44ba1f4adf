import type { Core } from '@strapi/strapi';
import { refuse } from '../rules/validation-error';
import { say } from '../domain/messages';
import { notFound } from '../rules/said-errors';

/** Business-link resolution and the customer record's management objects over GraphQL. */
export default (strapi: Core.Strapi) => () => ({
  typeDefs: `
    type BillingParty { documentId: ID! code: String callName: String kind: String reliabilityColour: String }
    type BillingSiteRef { documentId: ID! name: String }
    type BillingProjectRef { documentId: ID! code: String }
    type BillingCandidate { link: ID! customerToBill: ID! }
    type BillingResolution {
      customer: BillingParty!
      customerToBill: BillingParty!
      billingSite: BillingSiteRef
      source: String!
      link: ID
      candidates: [BillingCandidate!]!
      project: BillingProjectRef
      warnings: [String!]!
    }
    type LinkedManagementCount { type: String! uid: String! count: Int! }
    extend type Query {
      resolveBilling(customer: ID!, project: ID): BillingResolution
      linkedManagementObjectCounts(customer: ID!): [LinkedManagementCount!]!
    }
  `,
  resolvers: {
    Query: {
      async resolveBilling(_parent: unknown, args: { customer: string; project?: string }) {
        const service = strapi.service('api::business-link.resolver') as any;
        const resolved = await service.resolve({ documentId: args.customer }, args.project ? { documentId: args.project } : null);
        if (!resolved) throw notFound(say('noCustomerOrProspect', { documentId: args.customer }));
        if (args.project && !resolved.project) refuse('project', say('noProject', { project: args.project }));
        return service.present(resolved);
      },
      async linkedManagementObjectCounts(_parent: unknown, args: { customer: string }) {
        return (await (strapi.service('api::customer.management-objects') as any).linked(args.customer, {})).data;
      },
    },
  },
  resolversConfig: {
    'Query.resolveBilling': { auth: { scope: ['api::business-link.resolver.resolve'] } },
    'Query.linkedManagementObjectCounts': { auth: { scope: ['api::customer.management-objects.linked'] } },
  },
});
