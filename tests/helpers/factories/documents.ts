import { line, uniq, type Data } from './core';
import { RecordFactories } from './records';

/** Lines as [quantity, unit price] pairs, each made a line at 20 % VAT with no article. */
export type PricePairs = [number | string, number | string][];
const pricedLines = (pairs: PricePairs) => pairs.map(([quantity, unitPrice], i) => ({ label: `item ${i + 1}`, quantity, unitPrice, vatRate: 20 }));

/**
 * The test builders: reference data and parties (RecordFactories), management objects and sales
 * documents, and the bare set-up of the credit-control and sales-flow tests.
 */
export class Factories extends RecordFactories {
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

  // ---- credit-control and sales-flow set-up -------------------------------------------------------
  // Bare records: a customer with no company, site or contact; documents whose lines carry their own
  // price and VAT rate. The invoice and receipt writes return the response: the credit tests read
  // refusals from it.

  /** A currency of this ISO code (named by its code, 2 minor units). */
  /** The currency of that ISO code: the one already made in this database, or a new one. */
  isoCurrency = async (code = 'EUR') => {
    const found = await this.api().get('/api/currencies').query({ filters: { code: { $eq: code } } });
    return found.body?.data?.[0] ?? this.post('currencies', { code, name: code, minorUnits: 2 }, [200, 201]);
  };

  /** A customer with no company, site or contact. */
  bareCustomer = (o: Data = {}) => this.post('customers', { callName: uniq('Customer'), kind: 'customer', ...o }, [200, 201]);

  /** Sets the party's credit policy (201 when created, 200 when it replaces one): the policy. */
  creditPolicy = (party: string, o: Data) => this.post('credit-control/policies', { party, ...o }, [200, 201]);

  /** `POST /api/invoices` of an issued invoice of one line of `amount` at 20 % VAT: the response. */
  invoiceResponse = (customer: string, currency: string, amount: number, o: Data = {}) =>
    this.api().post('/api/invoices').send({
      data: { number: uniq('INV'), customer, currency, date: '2026-01-10', state: 'issued', lines: [{ quantity: 1, unitPrice: amount, vatRate: 20 }], ...o },
    });

  /** `POST /api/receipts` of a receipt of `amount`: the response. */
  receiptResponse = (customer: string, currency: string, amount: number, o: Data = {}) =>
    this.api().post('/api/receipts').send({ data: { number: uniq('REC'), customer, currency, date: '2026-01-12', amount, ...o } });

  /** A quotation (state `sent`) of one line per [quantity, unit price] pair, at 20 % VAT. */
  quotationFor = (customer: string, currency: string, pairs: PricePairs, o: Data = {}) =>
    this.post('quotations', { number: uniq('QUO'), customer, currency, date: '2026-01-05', state: 'sent', lines: pricedLines(pairs), ...o });

  /** An order (state `confirmed`) of one line per [quantity, unit price] pair, at 20 % VAT. */
  orderFor = (customer: string, currency: string, pairs: PricePairs, o: Data = {}) =>
    this.post('orders', { number: uniq('ORD'), customer, currency, date: '2026-01-05', state: 'confirmed', lines: pricedLines(pairs), ...o });
}
