import type { Core } from '@strapi/strapi';
import type { TransferService } from '../api/customer/services/transfer';

/** GraphQL twin of POST /api/customers/:documentId/transfer, behind the same permission. */
export default (strapi: Core.Strapi) => () => ({
  typeDefs: `
    type CustomerTransferResult {
      data: Customer!
      meta: JSON!
    }
    extend type Mutation {
      transferProspect(documentId: ID!, target: ID!): CustomerTransferResult!
    }
  `,
  resolvers: {
    Mutation: {
      transferProspect: {
        async resolve(_parent: unknown, args: { documentId: string; target: string }) {
          const service = strapi.service('api::customer.transfer') as unknown as TransferService;
          return service.transfer(args.documentId, args.target);
        },
      },
    },
  },
  resolversConfig: {
    'Mutation.transferProspect': { auth: { scope: ['api::customer.transfer.transfer'] } },
  },
});
