/**
 * What an app writes under `'credit-control': { config }` in config/plugins.ts: the public, typed
 * shape of the mapping (the package's `./config` export). `defineConfig()` returns it unchanged; in
 * a TypeScript app it makes a misspelt key or a wrong value a compile error, not only a boot error.
 * The boot check (mapping.ts) still checks every uid and field against the app's models.
 */

/** A content type uid, as Strapi spells it: `api::invoice.invoice`, `plugin::x.y`. */
export type ContentTypeUid = `${'api' | 'plugin' | 'admin'}::${string}.${string}`;
/** One field name or several, tried in order. */
export type FieldList = string | string[];
type Scalar = string | number | boolean;

/** "this field's value is (not) one of": `{ field: 'state', in: ['issued'] }`. */
export type FieldPredicateConfig = { field: string; in: Scalar[]; notIn?: never } | { field: string; notIn: Scalar[]; in?: never };

export interface DocumentConfig {
  /** the policy checkbox this type answers to (`invoices`); none: counted, never gated */
  gate?: string;
  /** the relation(s) to the party; the first one set is the party */
  partyField: FieldList;
  /** counted in this exposure bucket (needs `amountField`) */
  bucket?: string;
  /** the bucket counts in a policy that names no buckets (default true; false leaves it to the clerk, e.g. opportunities) */
  countedByDefault?: boolean;
  amountField?: string;
  /** a relation to `currency.uid`, or a text field holding the ISO code when there is no currency type */
  currencyField?: string;
  sign?: 1 | -1;
  negativeWhen?: FieldPredicateConfig;
  open?: FieldPredicateConfig;
  minus?: FieldList;
  unpaidShare?: { paidField: string; totalField: string };
  gatedActions?: ('create' | 'update' | 'delete')[];
  labelField?: string;
  /** the date the open amount falls due (a `date` field of a type with a `bucket`): what the overdue rules read */
  dueDateField?: string;
  /** falls due only while this holds (issued invoices, not drafts); default: whenever counted */
  dueWhen?: FieldPredicateConfig;
  /** the delivery date (a `date` field of a type with a `bucket`) a policy's horizon compares */
  horizonDateField?: string;
}

export interface CallTakingConfig {
  uid: ContentTypeUid;
  partyField: string;
  contractField?: string;
  channelField?: string;
  invoices: { uid: ContentTypeUid; partyField: string; contractField?: string; unpaid: FieldPredicateConfig; excludeWhen?: FieldPredicateConfig };
}

export interface GroupsConfig {
  uid: ContentTypeUid;
  memberField: string;
  parentField: string;
  where?: FieldPredicateConfig;
}

export interface ReportsConfig {
  party: {
    codeField: string;
    nameField: string;
    addressField?: string;
    addressLines?: string[];
    postalCodeField?: string;
    cityField?: string;
    countryField?: string;
    companyField?: string;
    divisionField?: string;
    entityField?: string;
    professional?: { when?: FieldPredicateConfig; anyOf: string[] };
  };
  company: {
    uid: ContentTypeUid;
    nameField: string;
    addressField?: string;
    sirenField?: string;
    vatField?: string;
    lateRateField?: string;
    /** annual %, when the company has no rate of its own */
    defaultLateRate?: number;
    cityField?: string;
  };
  invoices: {
    uid: ContentTypeUid;
    partyField: FieldList;
    numberField: string;
    dateField: string;
    dueDateField: string;
    totalField: string;
    paidField: string;
    /** the date an invoice was fully paid: enables payment behaviour (DSO, days late, suggested colour) */
    paidOnField?: string;
    currencyField?: string;
    companyField?: string;
    open: FieldPredicateConfig;
    creditNote?: FieldPredicateConfig;
  };
  payments: {
    uid: ContentTypeUid;
    partyField: string;
    numberField: string;
    dateField: string;
    amountField: string;
    allocatedField?: string;
    currencyField?: string;
    counted?: FieldPredicateConfig;
  };
  recipients?: {
    employees?: { uid: ContentTypeUid; partyFields: FieldList; component?: { field: string; employeeField: string }; emailField: string; nameFields: FieldList };
    contacts?: { uid: ContentTypeUid; partyField: string; emailField: string; nameFields: FieldList; dunningFlag?: string };
  };
}

/** Payment behaviour over a rolling window (needs `reports.invoices.paidOnField`). */
export interface BehaviourConfig {
  /** even, 2–60; default 12 (two halves of 6 months give the trend) */
  windowMonths?: number;
  /** a colour is suggested when either figure reaches its threshold; defaults amber 20 % / 15 days, red 50 % / 45 days */
  thresholds?: { amber?: { lateSharePercent?: number; averageDaysLate?: number }; red?: { lateSharePercent?: number; averageDaysLate?: number } };
  /** the party's field (an enumeration or text) a clerk accepts the suggested colour into */
  colourField?: string;
  /** that field's value for each colour, when it is not the colour's name: `{ amber: 'orange' }` */
  colourValues?: { green?: string; amber?: string; red?: string };
}

/** What a hook is given: the request's Koa context (`ctx.state.user`, `ctx.state.auth`) and Strapi. */
export interface HookRequest {
  strapi: any;
  ctx: any;
}

/**
 * The app's say in what a request may see and touch. Each is called once per request, inside a
 * request only (code outside one sees everything); a hook that throws (a Strapi `ForbiddenError`,
 * say) fails the request with that error.
 */
export interface CreditControlHooks {
  /**
   * May this requester read credit figures (outstanding amounts, thresholds, the controller's notes)?
   * Default: yes. When not, a refusal or warning of the credit limit says only "Credit control: please
   * contact our accounts department" (its reason code stays), and the routes that return figures answer 403.
   */
  figuresVisible?: (request: HookRequest) => boolean | Promise<boolean>;
  /**
   * The parties (documentIds) this requester may act on; null: any. A route naming another party
   * answers 403, and a route over many parties answers 403 to a scoped requester.
   */
  partyScope?: (request: HookRequest) => string[] | null | Promise<string[] | null>;
}

export interface CreditControlConfig {
  /** the type that holds credit policies (a customer, a client, an account) */
  party: {
    uid: ContentTypeUid;
    /** the field naming one party (the decision log, the admin) */
    labelField?: string;
    /** the party's short code, shown before its label ("C0042 – Dupont SA") and searched with it */
    codeField?: string;
    /** blocking rules are offered only on parties where this holds (e.g. customers, not prospects) */
    policyWhen?: FieldPredicateConfig;
    /**
     * the party's fields a default policy can be keyed by, first match wins: a scalar, a to-one
     * relation or `component.field`, e.g. `[{ key: 'family', field: 'marketing.family' }, { key: 'company', field: 'company' }]`
     */
    defaultPolicyBy?: { key: string; field: string; labelField?: string }[];
  };
  currency?: { default?: string; uid?: ContentTypeUid; codeField?: string };
  /** the documents counted against a party's limit, keyed by uid */
  documents: Record<ContentTypeUid, DocumentConfig>;
  callTaking?: CallTakingConfig;
  groups?: GroupsConfig;
  reports?: ReportsConfig;
  behaviour?: BehaviourConfig | false;
  /** the limit history's four-eyes approval and periodic review (README "Limit history and approval") */
  limitChanges?: LimitChangesConfig;
  /** Postgres: the engine's reads and writes as named statements, planned once per connection (default true; false behind a PgBouncer in transaction pooling before 1.21) */
  preparedStatements?: boolean;
  hooks?: CreditControlHooks;
}

/** A raise above `amount` (decimal string, policy currency) or `factor` × the old limit waits for an approver. */
export interface LimitChangesConfig {
  approval?: { amount?: string; factor?: number | string };
  /** months after which a limit nobody changed or confirmed is listed for review (1–120, default 12) */
  reviewMonths?: number;
}

/** The mapping, typed: `config: defineConfig({ party: { uid: 'api::client.client' }, documents: { ... } })`. */
export const defineConfig = (config: CreditControlConfig): CreditControlConfig => config;
