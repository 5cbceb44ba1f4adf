import type { Core } from '@strapi/strapi';

/**
 * SIRENE / VIES look-ups and customer identification over GraphQL: the same services and the same
 * permissions (action uids) as the REST routes.
 */
const typeDefs = /* GraphQL */ `
  type SireneAddress {
    line1: String
    line2: String
    line3: String
    postalCode: String
    city: String
    country: String
  }

  type SireneUnit {
    siren: String!
    siret: String
    headOfficeSiret: String
    callName: String
    apeCode: String
    legalForm: String
    legalFormCode: String
    address: SireneAddress
    closed: Boolean!
    withheld: [String!]!
    warnings: [String!]!
  }

  type ViesCheck {
    vatNumber: String!
    status: String!
    name: String
    address: String
    checkedAt: String!
    reason: String
  }

  type IdentifyCustomerResult {
    customer: Customer!
    withheld: [String!]!
    warnings: [String!]!
  }

  extend type Query {
    sireneBySiret(siret: String!): SireneUnit!
    sireneBySiren(siren: String!): SireneUnit!
    viesCheck(vatNumber: String!): ViesCheck!
  }

  extend type Mutation {
    identifyCustomer(documentId: ID!, siret: String, siren: String): IdentifyCustomerResult!
  }
`;

const scope = (action: string) => ({ auth: { scope: [action] } });

export default (strapi: Core.Strapi) => () => ({
  typeDefs,
  resolvers: {
    Query: {
      sireneBySiret: (_: unknown, args: { siret: string }) => strapi.service('api::identification.sirene').bySiret(args.siret),
      sireneBySiren: (_: unknown, args: { siren: string }) => strapi.service('api::identification.sirene').bySiren(args.siren),
      viesCheck: (_: unknown, args: { vatNumber: string }) => strapi.service('api::identification.vies').check(args.vatNumber),
    },
    Mutation: {
      identifyCustomer: (_: unknown, args: { documentId: string; siret?: string | null; siren?: string | null }) =>
        strapi.service('api::customer.identify').identify(args.documentId, { siret: args.siret, siren: args.siren }),
    },
  },
  resolversConfig: {
    'Query.sireneBySiret': scope('api::identification.sirene.bySiret'),
    'Query.sireneBySiren': scope('api::identification.sirene.bySiren'),
    'Query.viesCheck': scope('api::identification.vies.check'),
    'Mutation.identifyCustomer': scope('api::customer.identify.identify'),
  },
});
