import type { Core } from '@strapi/strapi';

const allowedMediaTypes = ['image/*', 'application/pdf', 'text/plain', 'text/csv'];
const deniedTypes = ['image/svg+xml', 'application/x-msdownload', 'application/x-sh', 'text/x-shellscript'];

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: { security: { allowedTypes: allowedMediaTypes, deniedTypes } },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      landingPage: false,
      depthLimit: 10,
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', true) },
    },
  },
  // The plugin knows this app only through this mapping; the engine that reads it comes with issue 3.
  'credit-control': {
    enabled: true,
    resolve: './src/plugins/credit-control',
    config: {
      party: { uid: 'api::customer.customer' },
      documents: {
        'api::opportunity.opportunity': { partyField: 'customer', amountField: 'expectedAmountExclTax', currencyField: 'currency', bucket: 'opportunities', gate: 'opportunities' },
        'api::quotation.quotation': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'quotations', gate: 'quotations' },
        'api::order.order': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'orders', gate: 'orders' },
        'api::delivery.delivery': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'deliveries', gate: 'deliveries' },
        'api::billing-table.billing-table': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'billingTables', gate: 'billingTables' },
        'api::invoice.invoice': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'invoices', gate: 'invoices' },
        'api::receipt.receipt': { partyField: 'customer', amountField: 'amount', currencyField: 'currency', bucket: 'receipts', sign: -1, gate: 'receipts' },
        'api::training-opportunity.training-opportunity': { partyField: 'customer', amountField: 'amountExclTax', currencyField: 'currency', bucket: 'trainingOpportunities', gate: 'trainingOpportunities' },
        'api::registration-file.registration-file': { partyField: 'donorCustomer', amountField: 'allocatedAmount', currencyField: 'currency', bucket: 'registrationFiles', gate: 'registrationFiles' },
      },
    },
  },
});

export default config;
