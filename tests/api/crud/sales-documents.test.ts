/**
 * REST CRUD of the priced sales documents (quotation, order, delivery, billing table, invoice):
 * lines → article & VAT code round-trip, totals computed by the server and recomputed when the
 * lines are replaced; money round-trips to the cent, up to the DECIMAL(15,2) maximum.
 */
import { dec, Factories, line, type Data, type Doc } from '../../helpers/factories';
import { startApp } from '../../helpers/strapi';
import { byRel, describeCrud, query, useApp, type CrudCase } from './crud-table';

const getApp = useApp(startApp);

const LINES_POPULATE = { lines: { populate: ['article', 'vatCode'] } };
const lineAmounts = (doc: Doc) => (doc.lines as Doc[]).map((l) => [dec(l.quantity, 3), dec(l.unitPrice), dec(l.vatRate), dec(l.amountExclTax)]);
const lineRefs = (doc: Doc) => (doc.lines as Doc[]).map((l) => [l.article?.documentId ?? null, l.vatCode?.documentId ?? null]);
const totals = (doc: Doc) => [dec(doc.amountExclTax), dec(doc.taxAmount), dec(doc.amountInclTax)];
const sentRefs = (lines: Data[]) => lines.map((l) => [l.article, l.vatCode]);

/**
 * 2 × 850.00 at 20 % + 3 × 12.34 at 5.5 % → 1737.02 excl., VAT 340.00 + 2.04 = 342.04, 2079.06 incl.
 */
const FIRST = { amountExclTax: '1737.02', taxAmount: '342.04', amountInclTax: '2079.06' };
const FIRST_LINES = [['2.000', '850.00', '20.00', '1700.00'], ['3.000', '12.34', '5.50', '37.02']];
/**
 * Replacement lines: 1.5 × 33.33 = 49.995 → 50.00 (half-up), 7 × 0.33, 2 × (1 × 0.07) at 20 %, 0.001 × 0.01 → 0.00 at 0 %.
 * VAT on the 20 % base 52.45 = 10.49 (per line it would be 10.48).
 */
const SECOND = { amountExclTax: '52.45', taxAmount: '10.49', amountInclTax: '62.94' };
const SECOND_LINES = [
  ['1.500', '33.33', '20.00', '50.00'],
  ['7.000', '0.33', '20.00', '2.31'],
  ['1.000', '0.07', '20.00', '0.07'],
  ['1.000', '0.07', '20.00', '0.07'],
  ['0.001', '0.01', '0.00', '0.00'],
];

async function secondLines(f: Factories) {
  const [normal, zero] = [await f.vatCode({ rate: '20.00' }), await f.vatCode({ rate: '0.00', label: 'Exempt' })];
  const a = await f.article({ vatCode: normal.documentId });
  return [
    line(a, normal, '1.5', '33.33'),
    line(a, normal, '7', '0.33'),
    line(a, normal, '1', '0.07'),
    line(a, normal, '1', '0.07'),
    line(a, zero, '0.001', '0.01'),
  ];
}

/** `currency` is the document's: a source it is made from must be in the same one. */
type Extra = (f: Factories, customer: string, currency: string) => Promise<{ data?: Data; relations?: Record<string, string> }>;

/** A sales-document case; `extra` adds type-specific fields and relations, `updateExtra` fields kept consistent with SECOND. */
function salesCase(name: string, plural: string, extra: Extra, updateExtra: Data = {}): CrudCase {
  return {
    name,
    plural,
    build: async (f) => {
      const customer = (await f.customer()).documentId;
      const currency = (await f.currency()).documentId;
      const { lines } = await f.lines();
      const more = await extra(f, customer, currency);
      return {
        data: { number: `${plural}-1`, date: '2025-01-15', customer, currency, lines, ...more.data },
        relations: { customer, currency, ...more.relations },
        expect: FIRST,
      };
    },
    components: (doc) => expect(lineAmounts(doc)).toEqual(FIRST_LINES),
    deep: {
      populate: LINES_POPULATE,
      check: (doc, built) => {
        expect(lineRefs(doc)).toEqual(sentRefs(built.data.lines as Data[]));
        expect(lineAmounts(doc)).toEqual(FIRST_LINES);
      },
    },
    list: byRel('customer'),
    update: async (f) => {
      const customer = (await f.customer()).documentId;
      const lines = await secondLines(f);
      // a link set to null is a relation the update clears
      const cleared = Object.fromEntries(Object.entries(updateExtra).filter(([, value]) => value === null));
      return {
        data: { customer, lines, ...updateExtra },
        relations: { customer, ...cleared } as Record<string, any>,
        expect: SECOND,
        check: (doc) => {
          expect(lineRefs(doc)).toEqual(sentRefs(lines));
          expect(lineAmounts(doc)).toEqual(SECOND_LINES);
          expect(totals(doc)).toEqual([SECOND.amountExclTax, SECOND.taxAmount, SECOND.amountInclTax]);
        },
      };
    },
  };
}

const cases: CrudCase[] = [
  salesCase('quotation', 'quotations', async (f, customer) => {
    const rel = {
      company: (await f.company()).documentId,
      customerToBill: (await f.customer()).documentId,
      billingSite: (await f.site({ customer })).documentId,
      opportunity: (await f.opportunity({ customer })).documentId,
      salesman: (await f.employee()).documentId,
      paymentTerm: (await f.paymentTerm()).documentId,
    };
    return { data: { ...rel, validUntil: '2025-02-15', state: 'sent', origin: 'direct' }, relations: rel };
  }, { state: 'signed', signedOn: '2025-01-20' }),
  // a document made from another names it; the update moves it to another customer, so it drops the link
  // (a made document is for its source's customer: src/flow)
  salesCase('order', 'orders', async (f, customer, currency) => {
    const rel = {
      quotation: (await f.quotation({ customer, currency })).documentId,
      billingSite: (await f.site({ customer })).documentId,
      deliverySite: (await f.site({ customer, isDeliverySite: true })).documentId,
      project: (await f.project({ customer })).documentId,
    };
    return { data: { ...rel, customerReference: 'PO-4711', state: 'confirmed' }, relations: rel };
  }, { quotation: null, customerReference: 'PO-4712', state: 'cancelled' }),
  salesCase('delivery', 'deliveries', async (f, customer, currency) => {
    const rel = { order: (await f.order({ customer, currency, state: 'confirmed' })).documentId, deliverySite: (await f.site({ customer })).documentId };
    return { data: { ...rel, deliveredOn: '2025-01-16', state: 'delivered', origin: 'order' }, relations: rel };
  }, { order: null, state: 'cancelled' }),
  salesCase('billing table', 'billing-tables', async (f, customer, currency) => {
    const rel = {
      project: (await f.project({ customer })).documentId,
      order: (await f.order({ customer, currency, state: 'confirmed' })).documentId,
      customerToBill: (await f.customer()).documentId,
    };
    return { data: { ...rel, state: 'validated' }, relations: rel };
  }, { order: null, state: 'cancelled' }),
  salesCase('invoice', 'invoices', async (f, customer) => {
    const rel = {
      billingSite: (await f.site({ customer })).documentId,
      order: (await f.order({ customer })).documentId,
      contract: (await f.maintenanceContract({ customer })).documentId,
      salesman: (await f.employee()).documentId,
      paymentTerm: (await f.paymentTerm()).documentId,
    };
    return { data: { ...rel, dueDate: '2025-02-28', state: 'issued' }, relations: rel };
  }, { dueDate: '2025-03-31', state: 'cancelled' }),
];

describeCrud(getApp, cases);

describe('money round-trips to the cent', () => {
  const read = async (documentId: string) => {
    const res = await getApp().api().get(`/api/invoices/${documentId}?${query({ populate: LINES_POPULATE })}`);
    expect(res.status).toBe(200);
    return res.body.data as Doc;
  };

  it('keeps 9 999 999 999.99 + ten 0.01 lines + 3 × 0.01 exact in lines and totals (response, read, list)', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const [normal, zero] = [await f.vatCode({ rate: '20.00' }), await f.vatCode({ rate: '0.00' })];
    const a = await f.article({ vatCode: normal.documentId });
    const lines = [line(a, normal, '1', '9999999999.99'), ...Array.from({ length: 10 }, () => line(a, normal, '1', '0.01')), line(a, zero, '3', '0.01')];
    const [customer, currency] = [(await f.customer()).documentId, (await f.currency()).documentId];
    const invoice = await f.invoice({ lines, state: 'issued', customer, currency });
    const expected = ['10000000000.12', '2000000000.02', '12000000000.14'];
    expect(totals(invoice)).toEqual(expected);
    // paid in full by one receipt allocated to it: the amount paid follows, to the cent
    await f.receipt({ customer, currency, amount: '12000000000.14', allocations: [{ invoice: invoice.documentId, amount: '12000000000.14' }] });

    const back = await read(invoice.documentId);
    expect(totals(back)).toEqual(expected);
    expect(dec(back.amountPaid)).toBe('12000000000.14');
    expect(back.lines.map((l: Doc) => dec(l.amountExclTax))).toEqual(['9999999999.99', ...Array(10).fill('0.01'), '0.03']);
    expect(back.lines.every((l: Doc) => l.article?.documentId === a.documentId)).toBe(true);

    const list = await api().get(`/api/invoices?${query({ filters: { documentId: { $eq: invoice.documentId } } })}`);
    expect(list.status).toBe(200);
    expect(totals(list.body.data[0])).toEqual(expected);
  });

  it('stores the DECIMAL(15,2) maximum 9 999 999 999 999.99 exactly', async () => {
    const f = new Factories(getApp().api);
    const zero = await f.vatCode({ rate: '0.00' });
    const invoice = await f.invoice({ lines: [line(await f.article({ vatCode: zero.documentId }), zero, '1', '9999999999999.99')] });
    const back = await read(invoice.documentId);
    expect(totals(back)).toEqual(['9999999999999.99', '0.00', '9999999999999.99']);
    expect(dec(back.lines[0].unitPrice)).toBe('9999999999999.99');
  });

  it('rejects (400, not 500) lines whose VAT-inclusive total would not fit DECIMAL(15,2)', async () => {
    const f = new Factories(getApp().api);
    const normal = await f.vatCode({ rate: '20.00' });
    const data = { number: 'INV-OVERFLOW', date: '2025-01-15', customer: (await f.customer()).documentId, currency: (await f.currency()).documentId,
      lines: [line(await f.article({ vatCode: normal.documentId }), normal, '1', '9999999999999.99')] };
    const res = await getApp().api().post('/api/invoices').send({ data });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([expect.objectContaining({ path: ['amountInclTax'] })]);
  });

  it('keeps totals and lines on an update that does not touch the lines, and rejects a header that disagrees', async () => {
    const { api } = getApp();
    const f = new Factories(api);
    const invoice = await f.invoice();
    const upd = await api().put(`/api/invoices/${invoice.documentId}`).send({ data: { state: 'issued', dueDate: '2025-03-31' } });
    expect(upd.status).toBe(200);
    const back = await read(invoice.documentId);
    expect(back.state).toBe('issued');
    expect(totals(back)).toEqual([FIRST.amountExclTax, FIRST.taxAmount, FIRST.amountInclTax]);
    expect(lineAmounts(back)).toEqual(FIRST_LINES);

    const bad = await api().put(`/api/invoices/${invoice.documentId}`).send({ data: { amountExclTax: '1737.03' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['amountExclTax']);
    expect(totals(await read(invoice.documentId))).toEqual([FIRST.amountExclTax, FIRST.taxAmount, FIRST.amountInclTax]);
  });
});
