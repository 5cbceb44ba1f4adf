/**
 * Valid-data factories: each creates one record over REST (`POST /api/<plural>` with `{ data }`),
 * creating the related records it needs unless the caller passes them. Relations are given
 * as documentIds. Every factory returns the created document (`res.body.data`).
 */
import Decimal from 'decimal.js';
import type request from 'supertest';

export type Api = () => request.Agent;
export type Doc = { id: number; documentId: string; [key: string]: any };
export type Data = Record<string, unknown>;

/** Real, valid French identifiers (Luhn-valid SIRET/SIREN, VAT key (12 + 3 × (SIREN mod 97)) mod 97). */
export const IDS = {
  siret: '73282932000074',
  siren: '732829320',
  vat: 'FR44732829320',
  siret2: '44306184100047',
  siren2: '443061841',
  vat2: 'FR64443061841',
};

/** A stored decimal (number on SQLite, string on Postgres) as an exact string with `scale` decimals. */
export const dec = (value: unknown, scale = 2): string | null =>
  value === null || value === undefined ? null : new Decimal(String(value)).toFixed(scale);

let seq = 0;
const run = (Date.now() % 100000).toString(36).toUpperCase();
/** A code unique in the test database (max 40 chars). */
export const uniq = (prefix: string) => `${prefix}-${run}-${++seq}`;
/** A 3-letter currency code unique in the test database (ISO 4217 shape, `X` prefix as for test codes). */
const currencyCode = () => {
  const n = ++seq;
  return `X${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;
};

/** The one poster of the test builders: `POST /api/<path>` with `{ data }`, the created document, or a throw naming the answer. */
export async function post(api: Api, plural: string, data: Data, accepted: number[] = [201]): Promise<Doc> {
  const res = await api().post(`/api/${plural}`).send({ data });
  if (!accepted.includes(res.status)) {
    throw new Error(`POST /api/${plural} → ${res.status}: ${JSON.stringify(res.body?.error ?? res.body)}`);
  }
  return res.body.data;
}

/** A priced document line (sales.document-line). */
export const line = (article: Doc | string, vatCode: Doc | string, quantity: string, unitPrice: string, label = 'line'): Data => ({
  article: typeof article === 'string' ? article : article.documentId,
  vatCode: typeof vatCode === 'string' ? vatCode : vatCode.documentId,
  label,
  quantity,
  unitPrice,
});

export class Factories {
  constructor(private readonly api: Api) {}

  private make(plural: string, defaults: Data, overrides: Data): Promise<Doc> {
    return post(this.api, plural, { ...defaults, ...overrides });
  }

  /** `overrides[key]` when given (even null), else the documentId of a record made by `create`. */
  private async rel(overrides: Data, key: string, create: () => Promise<Doc>): Promise<unknown> {
    return key in overrides ? overrides[key] : (await create()).documentId;
  }

  // ---- reference data -------------------------------------------------------------------------
  currency = (o: Data = {}) => this.make('currencies', { code: currencyCode(), name: 'Test currency', symbol: '¤', minorUnits: 2 }, o);

  company = async (o: Data = {}) =>
    this.make(
      'companies',
      {
        code: uniq('CO'),
        name: 'Société Test',
        siren: IDS.siren,
        vatNumber: IDS.vat,
        customerNumbering: 'automatic',
        customerCodePrefix: 'C',
        address: { line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
        managementRules: { reliabilityColour: false },
        currency: await this.rel(o, 'currency', this.currency),
      },
      o
    );

  division = async (o: Data = {}) =>
    this.make('divisions', { code: uniq('DIV'), name: 'Division', company: await this.rel(o, 'company', this.company) }, o);

  entity = async (o: Data = {}) =>
    this.make('entities', { code: uniq('ENT'), name: 'Entity', company: await this.rel(o, 'company', this.company) }, o);

  paymentTerm = (o: Data = {}) =>
    this.make('payment-terms', { code: uniq('PT'), label: '30 days end of month', days: 30, endOfMonth: true, discountRate: '1.50' }, o);

  vatCode = (o: Data = {}) => this.make('vat-codes', { code: uniq('VAT'), label: 'Normal rate', rate: '20.00', country: 'FR' }, o);

  functionalArea = async (o: Data = {}) => {
    if ('equivalences' in o) return this.make('functional-areas', { code: uniq('FA'), label: 'Intra-EU' }, o);
    const [source, target] = [await this.vatCode(), await this.vatCode({ rate: '0.00', label: 'Exempt' })];
    return this.make(
      'functional-areas',
      { code: uniq('FA'), label: 'Intra-EU', equivalences: [{ sourceVatCode: source.documentId, targetVatCode: target.documentId }] },
      o
    );
  };

  articleFamily = (o: Data = {}) => this.make('article-families', { code: uniq('FAM'), label: 'Services' }, o);

  articleSubFamily = async (o: Data = {}) =>
    this.make('article-sub-families', { code: uniq('SUB'), label: 'Consulting', family: await this.rel(o, 'family', this.articleFamily) }, o);

  article = async (o: Data = {}) => {
    const family = await this.rel(o, 'family', this.articleFamily);
    return this.make(
      'articles',
      {
        code: uniq('ART'),
        label: 'Consulting day',
        unitPrice: '850.00',
        unit: 'day',
        family,
        subFamily: await this.rel(o, 'subFamily', () => this.articleSubFamily({ family })),
        vatCode: await this.rel(o, 'vatCode', this.vatCode),
      },
      o
    );
  };

  linkType = (o: Data = {}) => this.make('link-types', { code: uniq('LT'), label: 'Customer to bill', kind: 'invoice' }, o);

  employee = async (o: Data = {}) =>
    this.make(
      'employees',
      { code: uniq('EMP'), firstName: 'Jeanne', lastName: 'Martin', email: 'jeanne.martin@example.fr', isSalesman: true, company: await this.rel(o, 'company', this.company) },
      o
    );

  // ---- parties ----------------------------------------------------------------------------------
  customer = async (o: Data = {}) =>
    this.make(
      'customers',
      { kind: 'customer', callName: 'Acme France', siret: IDS.siret, country: 'FR', company: await this.rel(o, 'company', this.company) },
      o
    );

  site = async (o: Data = {}) =>
    this.make('sites', { name: 'Head office', owner: 'customer', isBillingSite: true, customer: await this.rel(o, 'customer', this.customer) }, o);

  contact = async (o: Data = {}) =>
    this.make('contacts', { civility: 'mrs', firstName: 'Claire', lastName: 'Dupont', email: 'claire.dupont@example.fr', customer: await this.rel(o, 'customer', this.customer) }, o);

  supplier = (o: Data = {}) => this.make('suppliers', { code: uniq('SUP'), callName: 'Fournisseur SA', siret: IDS.siret2, siren: IDS.siren2, country: 'FR' }, o);

  affiliationLink = async (o: Data = {}) =>
    this.make(
      'affiliation-links',
      { role: 'parent', name: 'Group', customer: await this.rel(o, 'customer', this.customer), linkedCustomer: await this.rel(o, 'linkedCustomer', this.customer) },
      o
    );

  businessLink = async (o: Data = {}) =>
    this.make(
      'business-links',
      {
        customer: await this.rel(o, 'customer', this.customer),
        linkType: await this.rel(o, 'linkType', this.linkType),
        linkedCustomer: await this.rel(o, 'linkedCustomer', this.customer),
      },
      o
    );

  project = async (o: Data = {}) =>
    this.make('projects', { code: uniq('PRJ'), name: 'ERP roll-out', state: 'active', customer: await this.rel(o, 'customer', this.customer) }, o);

  event = async (o: Data = {}) =>
    this.make('events', { type: 'call', subject: 'Follow-up call', date: '2025-03-04T10:00:00.000Z', customer: await this.rel(o, 'customer', this.customer) }, o);

  // ---- management objects -----------------------------------------------------------------------
  /** Lines on fresh articles and VAT codes: 2 × 850.00 at 20 % and 3 × 12.34 at 5.5 %. */
  lines = async () => {
    const [normal, reduced] = [await this.vatCode({ rate: '20.00' }), await this.vatCode({ rate: '5.50', label: 'Reduced' })];
    const [a1, a2] = [await this.article({ vatCode: normal.documentId }), await this.article({ vatCode: reduced.documentId })];
    return { normal, reduced, a1, a2, lines: [line(a1, normal, '2', '850.00'), line(a2, reduced, '3', '12.34')] };
  };

  // ---- purchases ----------------------------------------------------------------------------------
  supplierOrder = (o: Data = {}) => this.make('supplier-orders', { number: uniq('PO'), date: '2025-05-02', state: 'draft', purpose: 'resale' }, o);
  supplierInvoice = (o: Data = {}) => this.make('supplier-invoices', { number: uniq('SINV'), date: '2025-05-03', state: 'received' }, o);

  private async salesDocument(plural: string, prefix: string, o: Data) {
    return this.make(
      plural,
      {
        number: uniq(prefix),
        date: '2025-01-15',
        customer: await this.rel(o, 'customer', this.customer),
        currency: await this.rel(o, 'currency', this.currency),
        lines: 'lines' in o ? o.lines : (await this.lines()).lines,
      },
      o
    );
  }

  quotation = (o: Data = {}) => this.salesDocument('quotations', 'QUO', o);
  order = (o: Data = {}) => this.salesDocument('orders', 'ORD', o);
  delivery = (o: Data = {}) => this.salesDocument('deliveries', 'DEL', o);
  billingTable = (o: Data = {}) => this.salesDocument('billing-tables', 'BT', o);
  invoice = (o: Data = {}) => this.salesDocument('invoices', 'INV', o);

  opportunity = async (o: Data = {}) =>
    this.make(
      'opportunities',
      { number: uniq('OPP'), title: 'ERP deal', date: '2025-01-10', expectedAmountExclTax: '12000.00', probability: 40, customer: await this.rel(o, 'customer', this.customer) },
      o
    );

  receipt = async (o: Data = {}) =>
    this.make(
      'receipts',
      {
        number: uniq('REC'),
        date: '2025-02-01',
        amount: '100.00',
        method: 'transfer',
        customer: await this.rel(o, 'customer', this.customer),
        currency: await this.rel(o, 'currency', this.currency),
      },
      o
    );

  trainingOpportunity = async (o: Data = {}) =>
    this.make(
      'training-opportunities',
      {
        number: uniq('TOP'),
        title: 'Strapi training',
        date: '2025-01-20',
        customer: await this.rel(o, 'customer', this.customer),
        currency: await this.rel(o, 'currency', this.currency),
        trainingLines: [
          { label: 'Session 1', trainees: 4, amountExclTax: '1200.00', status: 'open' },
          { label: 'Session 2', trainees: 2, amountExclTax: '600.50', status: 'open' },
        ],
      },
      o
    );

  registrationFile = async (o: Data = {}) =>
    this.make(
      'registration-files',
      {
        number: uniq('REG'),
        sessionTitle: 'Strapi basics',
        traineeName: 'Paul Durand',
        date: '2025-01-21',
        amountExclTax: '900.00',
        allocatedAmount: '300.00',
        customer: await this.rel(o, 'customer', this.customer),
        currency: await this.rel(o, 'currency', this.currency),
      },
      o
    );

  maintenanceContract = async (o: Data = {}) =>
    this.make(
      'maintenance-contracts',
      {
        number: uniq('MC'),
        title: 'Support contract',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
        annualAmountExclTax: '4800.00',
        customer: await this.rel(o, 'customer', this.customer),
        currency: await this.rel(o, 'currency', this.currency),
      },
      o
    );

  helpdeskIssue = async (o: Data = {}) =>
    this.make(
      'helpdesk-issues',
      { number: uniq('HD'), title: 'Cannot log in', priority: 'high', customer: await this.rel(o, 'customer', this.customer) },
      o
    );
}
