import { currencyCode, IDS, post, uniq, type Api, type Data, type Doc } from './core';

/**
 * Reference data and parties. Each factory creates one record over REST (`POST /api/<plural>` with
 * `{ data }`), creating the related records it needs unless the caller passes them; relations are
 * given as documentIds. Every factory returns the created document (`res.body.data`).
 */
export class RecordFactories {
  constructor(protected readonly api: Api) {}

  /** The one poster (./core.ts `post`) on this app: `POST /api/<plural>` with `{ data }`, the created document. */
  post = (plural: string, data: Data, accepted: number[] = [201]): Promise<Doc> => post(this.api, plural, data, accepted);

  protected make(plural: string, defaults: Data, overrides: Data): Promise<Doc> {
    return this.post(plural, { ...defaults, ...overrides });
  }

  /** `overrides[key]` when given (even null), else the documentId of a record made by `create`. */
  protected async rel(overrides: Data, key: string, create: () => Promise<Doc>): Promise<unknown> {
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
}
