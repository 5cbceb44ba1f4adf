import type { Core } from '@strapi/strapi';
import { BILLED_TO, CREDIT_DOCUMENTS, OWED_INVOICE_STATES } from '../src/domain/management-types';
import { DEFAULT_CURRENCY } from '../src/domain/money';
import { creditHooks } from '../src/security/credit-hooks';

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
      // Apollo adds server stack traces to every error unless NODE_ENV is production or test, and the
      // demo runs in development (production sets Secure admin cookies that plain http drops)
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        includeStacktraceInErrorResponses: env.bool('GRAPHQL_STACKTRACES', false),
      },
    },
  },
  // Dunning emails (credit-control reports) go through @strapi/email and SMTP; see .env.example.
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: {
        host: env('SMTP_HOST', 'localhost'),
        port: env.int('SMTP_PORT', 587),
        secure: env.bool('SMTP_SECURE', false),
        ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASS') } } : {}),
      },
      settings: {
        defaultFrom: env('EMAIL_FROM', 'no-reply@localhost'),
        defaultReplyTo: env('EMAIL_REPLY_TO', env('EMAIL_FROM', 'no-reply@localhost')),
      },
    },
  },
  // The plugin knows this app only through this mapping (see the plugin README).
  'credit-control': {
    enabled: true,
    resolve: './src/plugins/credit-control',
    config: {
      // blocking rules are set on customers, not on prospects (spec: the customer record's "Blocking rules")
      party: {
        uid: 'api::customer.customer', labelField: 'callName', codeField: 'code', policyWhen: { field: 'kind', in: ['customer'] },
        // a customer without blocking rules of its own is covered by its family's default policy, else its company's
        defaultPolicyBy: [{ key: 'family', field: 'marketing.family' }, { key: 'company', field: 'company', labelField: 'name' }],
      },
      currency: { default: DEFAULT_CURRENCY, uid: 'api::currency.currency', codeField: 'code' },
      // one declaration per management type (src/domain/management-types.ts)
      documents: CREDIT_DOCUMENTS,
      // what a request may see and act on: portal users see no credit figure and act on their own customer
      hooks: creditHooks,
      // limit history and four-eyes approval (plugin README, "Limit history and approval"): a raise of a
      // limit by more than CREDIT_LIMIT_APPROVAL_AMOUNT (or by more than CREDIT_LIMIT_APPROVAL_FACTOR times) waits
      // for a second person holding policy.approve; off when neither is set. Limits unreviewed for 12 months are listed.
      limitChanges: {
        reviewMonths: 12,
        ...(env('CREDIT_LIMIT_APPROVAL_AMOUNT') || env('CREDIT_LIMIT_APPROVAL_FACTOR')
          ? { approval: { ...(env('CREDIT_LIMIT_APPROVAL_AMOUNT') ? { amount: env('CREDIT_LIMIT_APPROVAL_AMOUNT') } : {}), ...(env('CREDIT_LIMIT_APPROVAL_FACTOR') ? { factor: env('CREDIT_LIMIT_APPROVAL_FACTOR') } : {}) } }
          : {}),
      },
      // Postgres: the engine's statements named, planned once per connection (config/database.ts)
      preparedStatements: env.bool('DATABASE_PREPARED_STATEMENTS', true),
      // a parent's policy with `group` counts its affiliates (links whose linked party is their parent)
      groups: {
        uid: 'api::affiliation-link.affiliation-link', memberField: 'customer', parentField: 'linkedCustomer',
        where: { field: 'role', in: ['parent'] },
      },
      // statements, dunning letters and dunning emails (see the plugin README, "Reports")
      reports: {
        party: {
          codeField: 'code', nameField: 'callName', addressField: 'address',
          // letters and statements are addressed to the corporate name ("Bocage Ouest SASU"), else the call name
          legalNameField: 'corporateName',
          companyField: 'company', divisionField: 'division', entityField: 'entity',
          // the late-payment mentions and the €40 indemnity apply to professional customers: external
          // businesses, whatever their country's identifier (a SIRET or SIREN, a VAT number, a legal form)
          professional: { when: { field: 'customerType', notIn: ['internal', 'virtual'] }, anyOf: ['siret', 'siren', 'vatNumber', 'legalForm'] },
        },
        company: {
          uid: 'api::company.company', nameField: 'name', addressField: 'address', sirenField: 'siren', vatField: 'vatNumber',
          // IBAN, BIC and bank printed as the payment details of letters and statements
          bankField: 'bankDetails',
          defaultLateRate: 12.15, // ECB refinancing rate (2.15 %) + 10 points, when the company has no rate of its own
        },
        invoices: {
          uid: 'api::invoice.invoice', partyField: [...BILLED_TO], numberField: 'number', dateField: 'date',
          dueDateField: 'dueDate', totalField: 'amountInclTax', paidField: 'amountPaid', paidOnField: 'paidOn', currencyField: 'currency', companyField: 'company',
          // the dashboard's balance due reads the same items (src/api/customer/services/dashboard.ts)
          open: { field: 'state', in: [...OWED_INVOICE_STATES] }, creditNote: { field: 'kind', in: ['creditNote'] },
        },
        payments: {
          uid: 'api::receipt.receipt', partyField: 'customer', numberField: 'number', dateField: 'date', amountField: 'amount',
          allocatedField: 'allocatedAmount', currencyField: 'currency', counted: { field: 'state', notIn: ['cancelled'] },
        },
        recipients: {
          employees: {
            uid: 'api::employee.employee', partyFields: ['salesman', 'accountManager'],
            component: { field: 'salesmen', employeeField: 'employee' }, emailField: 'email', nameFields: ['firstName', 'lastName'],
          },
          contacts: {
            uid: 'api::contact.contact', partyField: 'customer', emailField: 'email', nameFields: ['firstName', 'lastName'],
            dunningFlag: 'receivesDunning',
          },
        },
      },
      // payment behaviour over 12 months; an accepted colour goes to the record's CLIPRO_COULEUR colour
      behaviour: { colourField: 'reliabilityColour', colourValues: { amber: 'orange' } },
      callTaking: {
        uid: 'api::helpdesk-issue.helpdesk-issue', partyField: 'customer', contractField: 'contract', channelField: 'channel',
        invoices: {
          uid: 'api::invoice.invoice', partyField: 'customer', contractField: 'contract',
          unpaid: { field: 'state', in: ['issued', 'partiallyPaid'] },
        },
      },
    },
  },
});

export default config;
