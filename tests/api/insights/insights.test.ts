import { adminSession } from '../../helpers/credit';
import { Factories, line, uniq, type Doc } from '../../helpers/factories';
import { joining, reading, statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';
import { dayFromToday as day } from '../../helpers/days';

/** The customer's 360 view and dashboard over the admin API, on figures made here. */
const app = testApp();
let f: Factories;
let admin: Awaited<ReturnType<typeof adminSession>>;
let customer: Doc;
const made: Record<string, Doc> = {};

beforeAll(async () => {
  f = new Factories(app.api);
  admin = await adminSession(app);
  const currency = (await f.currency({ code: 'EUR', name: 'Euro' })).documentId;
  customer = await f.customer({
    callName: uniq('Insight'),
    notes: 'Prefers invoices by email.',
    address: { line1: '3 rue des Lilas', postalCode: '69001', city: 'Lyon', country: 'FR' },
    currency,
  });
  const c = customer.documentId;
  made.site = await f.site({ customer: c, name: 'Siège', isHeadOffice: true, address: { line1: '10 quai Saint-Antoine', postalCode: '69002', city: 'Lyon', country: 'FR' } });
  made.contact = await f.contact({ customer: c, lastName: 'Durand', isMainContact: true });
  await f.contact({ customer: c, lastName: 'Bernard' });
  made.event = await f.event({ customer: c, subject: 'Kick-off', contact: made.contact.documentId, date: '2025-06-01T09:00:00.000Z' });
  await f.event({ customer: c, subject: 'Older call', date: '2024-01-01T09:00:00.000Z' });
  made.supplier = await f.supplier({ callName: uniq('Linked supplier'), linkedProspect: c });

  const vat = (await f.vatCode({ rate: '20.00' })).documentId;
  const [f1, f2] = [await f.articleFamily({ code: 'F1', label: 'Hardware' }), await f.articleFamily({ code: 'F2', label: 'Services' })];
  const [s1, s2] = [await f.articleSubFamily({ code: 'S1', label: 'Servers', family: f1.documentId }), await f.articleSubFamily({ code: 'S2', label: 'Audit', family: f2.documentId })];
  made.f1 = f1; made.f2 = f2; made.s1 = s1; made.s2 = s2;
  const a1 = await f.article({ family: f1.documentId, subFamily: s1.documentId, vatCode: vat });
  const a2 = await f.article({ family: f2.documentId, subFamily: s2.documentId, vatCode: vat });
  const doc = { customer: c, currency };
  made.inv1 = await f.invoice({ ...doc, date: '2025-03-01', dueDate: day(10), state: 'issued', lines: [line(a1, vat, '2', '100.00'), line(a2, vat, '1', '50.00')] });
  made.inv2 = await f.invoice({ ...doc, date: '2024-06-01', dueDate: '2024-07-01', state: 'issued', lines: [line(a1, vat, '1', '1000.00')] });
  made.credit = await f.invoice({ ...doc, kind: 'creditNote', date: '2025-04-01', state: 'issued', lines: [line(a1, vat, '1', '20.00')] });
  made.draft = await f.invoice({ ...doc, date: '2025-04-02', state: 'draft', lines: [line(a2, vat, '1', '9999.00')] });
  made.inv4 = await f.invoice({ ...doc, date: '2025-05-01', dueDate: day(-5), state: 'issued', lines: [line(a2, vat, '1', '500.00')] });
  // inv2 paid in full and inv4 in part: one receipt allocated to both (what is paid follows from it)
  made.receipt = await f.receipt({ ...doc, date: '2025-05-10', amount: '1300.00', allocations: [{ invoice: made.inv2.documentId, amount: '1200.00' }, { invoice: made.inv4.documentId, amount: '100.00' }] });
  made.signedQuote = await f.quotation({ ...doc, state: 'signed', signedOn: '2025-02-01', date: '2025-01-20', lines: [line(a1, vat, '1', '10.00')] });
  made.sentQuote = await f.quotation({ ...doc, state: 'sent', date: '2025-01-21', lines: [line(a1, vat, '1', '10.00')] });
  made.confirmedOrder = await f.order({ ...doc, state: 'confirmed', lines: [line(a1, vat, '1', '10.00')] });
  made.draftOrder = await f.order({ ...doc, state: 'draft', lines: [line(a1, vat, '1', '10.00')] });
  made.wonDeal = await f.opportunity({ customer: c, state: 'won' });
  // purchases: of the linked supplier, or made for the customer's order from another supplier
  const other = await f.supplier({ callName: uniq('Other supplier') });
  const buy = { currency, lines: [line(a1, vat, '1', '70.00')] };
  made.draftPurchase = await f.supplierOrder({ ...buy, supplier: made.supplier.documentId, date: '2025-05-04' });
  made.confirmedPurchase = await f.supplierOrder({ ...buy, supplier: made.supplier.documentId, state: 'confirmed' });
  made.supplierInvoice = await f.supplierInvoice({ ...buy, supplier: other.documentId, salesOrder: made.confirmedOrder.documentId, date: '2025-05-06' });
  await f.supplierInvoice({ ...buy, supplier: other.documentId }); // another customer's business
  await f.project({ customer: c, code: uniq('P1'), yearlyFigures: [{ year: 2024, revenue: '1000.00', cost: '700.00' }, { year: 2025, revenue: '2000.00', cost: '2500.00' }] });
  made.p2 = await f.project({ customer: c, code: uniq('P2'), yearlyFigures: [{ year: 2025, revenue: '300.50', cost: '100.25' }] });
});

describe('GET /customer-records/customers/:documentId/overview', () => {
  it('fills every section, leaves out signed sales objects and shows the linked supplier as purchases', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/overview`);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.customer).toMatchObject({ uid: 'api::customer.customer', documentId: customer.documentId, kind: 'customer' });
    expect(data.address.address).toMatchObject({ line1: '3 rue des Lilas', city: 'Lyon' });
    expect(data.address.headOffice).toMatchObject({ uid: 'api::site.site', documentId: made.site.documentId, address: { line1: '10 quai Saint-Antoine' } });
    expect(data.notes).toBe('Prefers invoices by email.');
    expect(data.contacts).toMatchObject({ total: 2, hidden: false });
    expect(data.contacts.rows[0]).toMatchObject({ uid: 'api::contact.contact', documentId: made.contact.documentId, lastName: 'Durand' });
    expect(data.events.total).toBe(2);
    expect(data.events.rows[0]).toMatchObject({ uid: 'api::event.event', documentId: made.event.documentId, subject: 'Kick-off', contact: 'Claire Durand' });

    const shown = data.sales.rows.map((r: any) => r.documentId);
    for (const hidden of [made.signedQuote, made.confirmedOrder, made.wonDeal]) expect(shown).not.toContain(hidden.documentId);
    for (const visible of [made.sentQuote, made.draftOrder, made.inv1, made.inv2, made.credit, made.draft, made.inv4, made.receipt]) expect(shown).toContain(visible.documentId);
    expect(data.sales.total).toBe(8);
    expect(data.sales.byType).toEqual(
      expect.arrayContaining([
        { type: 'invoices', uid: 'api::invoice.invoice', total: 5 },
        { type: 'quotations', uid: 'api::quotation.quotation', total: 1 },
        { type: 'orders', uid: 'api::order.order', total: 1 },
        { type: 'receipts', uid: 'api::receipt.receipt', total: 1 },
      ])
    );
    const inv4 = data.sales.rows.find((r: any) => r.documentId === made.inv4.documentId);
    expect(inv4).toMatchObject({ uid: 'api::invoice.invoice', type: 'invoices', state: 'partiallyPaid', date: '2025-05-01', currency: 'EUR' });
    expect(Number(inv4.amountExclTax)).toBe(500);
    expect(Number(inv4.amountInclTax)).toBe(600);
    // purchase documents: unsigned supplier orders and every supplier invoice, of the linked supplier or for the customer's orders
    expect(data.purchases.suppliers).toMatchObject({ total: 1, rows: [{ uid: 'api::supplier.supplier', documentId: made.supplier.documentId }] });
    expect(data.purchases.total).toBe(2);
    expect(data.purchases.rows.map((r: any) => [r.documentId, r.type, r.state, r.supplier === made.supplier.callName, r.salesOrder, Number(r.amountExclTax)])).toEqual([
      [made.supplierInvoice.documentId, 'supplier-invoice', 'received', false, made.confirmedOrder.number, 70],
      [made.draftPurchase.documentId, 'supplier-order', 'draft', true, null, 70],
    ]);
  });

  it('caps each section at limit and keeps the totals', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/overview?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.data.sales.rows.map((r: any) => r.date)).toEqual(['2025-05-10', '2025-05-01']);
    expect(res.body.data.sales.total).toBe(8);
    expect(res.body.data.contacts.rows).toHaveLength(2);
    const bad = await admin.get(`/customer-records/customers/${customer.documentId}/overview?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['limit'], message: 'limit must be a whole number from 1 to 100' });
  });

  it("reads the customer's objects from its link tables, never through a join of every object to its customer", async () => {
    // a where through the relation joins customers to the whole table of a type: SQLite then scans
    // every invoice to find a customer's few (~1 s a view at a million objects)
    const c = customer.documentId;
    const statements = await statementsOf(app.strapi, async () => {
      expect((await admin.get(`/customer-records/customers/${c}/overview`)).status).toBe(200);
      expect((await admin.get(`/customer-records/customers/${c}/dashboard`)).status).toBe(200);
      expect((await app.api().get(`/api/customers/${c}/management-objects`)).status).toBe(200);
      expect((await app.api().get(`/api/customers/${c}/management-objects?type=invoices`)).body.data).toHaveLength(5);
    });
    expect(reading(statements, 'invoices').length).toBeGreaterThan(0);
    expect(joining(statements, 'customers')).toEqual([]);
    // a customer's objects by any of its roles are one subquery (a union): Postgres tests
    // `id in (a) or id in (b)` row by row over the whole table (350 ms a section at a million objects)
    expect(statements.filter((sql) => /in \(select[^()]*\)\)? or \(?["`\w.]+ in \(select/i.test(sql))).toEqual([]);
    expect(statements.some((sql) => /in \(select [^()]* union select/i.test(sql))).toBe(true);
  });

  it("lists the linked objects with each one's amount and currency, for the admin too", async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/management-objects?type=invoices&state=partiallyPaid`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ documentId: made.inv4.documentId, state: 'partiallyPaid', date: '2025-05-01', currency: { code: 'EUR' } });
    expect(Number(res.body.data[0].amountExclTax)).toBe(500);
    const events = await admin.get(`/customer-records/customers/${customer.documentId}/management-objects?type=events`);
    expect(events.body.data).toHaveLength(2);
  });

  it('answers 404 for an unknown customer', async () => {
    const res = await admin.get('/customer-records/customers/nosuchdocument0000000000/overview');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('no customer or prospect nosuchdocument0000000000');
  });
});

describe('GET /customer-records/customers/:documentId/overview/:section', () => {
  const section = (name: string, query = '') => admin.get(`/customer-records/customers/${customer.documentId}/overview/${name}${query}`);
  const ids = (rows: any[]) => rows.map((r) => r.documentId);

  it('reads any page of the sales: page 2 is the next rows of the view, with the total', async () => {
    const all = (await admin.get(`/customer-records/customers/${customer.documentId}/overview?limit=100`)).body.data.sales.rows;
    expect(all).toHaveLength(8);
    const first = await section('sales', '?pageSize=3');
    expect(first.status).toBe(200);
    expect(ids(first.body.data)).toEqual(ids(all.slice(0, 3)));
    const second = await section('sales', '?page=2&pageSize=3');
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual(all.slice(3, 6));
    expect(second.body.meta).toMatchObject({ section: 'sales', hidden: false, pagination: { page: 2, pageSize: 3, pageCount: 3, total: 8 } });
    expect(second.body.meta.byType).toEqual(expect.arrayContaining([{ type: 'invoices', uid: 'api::invoice.invoice', total: 5 }]));
    const last = await section('sales', '?page=3&pageSize=3');
    expect(ids(last.body.data)).toEqual(ids(all.slice(6)));
    // newest first across the types, undated last
    const dates = all.map((r: any) => r.date).filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await section('sales', '?page=4&pageSize=3')).body).toMatchObject({ data: [], meta: { pagination: { page: 4, total: 8 } } });
  });

  it('pages the contacts, events, purchases and linked suppliers as the view orders them', async () => {
    const page2 = async (name: string) => (await section(name, '?page=2&pageSize=1')).body;
    expect(await page2('contacts')).toMatchObject({ data: [{ uid: 'api::contact.contact', lastName: 'Bernard' }], meta: { pagination: { total: 2, pageCount: 2 } } });
    expect(await page2('events')).toMatchObject({ data: [{ uid: 'api::event.event', subject: 'Older call', contact: null }], meta: { pagination: { total: 2 } } });
    expect(await page2('purchases')).toMatchObject({ data: [{ documentId: made.draftPurchase.documentId, type: 'supplier-order', state: 'draft' }], meta: { pagination: { total: 2 } } });
    expect((await section('suppliers')).body).toMatchObject({ data: [{ uid: 'api::supplier.supplier', documentId: made.supplier.documentId }], meta: { pagination: { page: 1, pageSize: 20, total: 1 } } });
  });

  it('reads a page from the maintained index: the database cuts a range of it, the page rows alone are read', async () => {
    const statements = await statementsOf(app.strapi, async () => expect((await section('sales', '?page=2&pageSize=2')).status).toBe(200));
    const page = reading(statements, 'customer_view_rows');
    expect(page).toHaveLength(1);
    expect(page[0]).toMatch(/\blimit\b.*\boffset\b/i);
    expect(reading(statements, 'customer_view_counts')).toHaveLength(1);
    // the invoices are read by the page's ids (at most 2 of them), their link tables not at all
    const invoices = reading(statements, 'invoices');
    expect(invoices.length).toBeGreaterThan(0);
    for (const sql of invoices) expect(sql).toMatch(/[`"]id[`"] in \((\?|\$\d+)(, (\?|\$\d+))?\)/i);
    expect(statements.filter((sql) => /_(customer|customer_to_bill|donor_customer|linked_prospect|sales_order)_lnk\b/i.test(sql))).toEqual([]);
  });

  it('refuses a bad page, page size or section with a 400 naming it, and answers 404 for an unknown customer', async () => {
    const cases: [string, string, string][] = [
      ['sales', '?page=0', 'page'],
      ['sales', '?page=two', 'page'],
      ['events', '?pageSize=101', 'pageSize'],
      ['contacts', '?pageSize=-5', 'pageSize'],
      ['invoices', '', 'section'],
    ];
    for (const [name, query, field] of cases) {
      const res = await section(name, query);
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0].path).toEqual([field]);
    }
    expect((await section('invoices')).body.error.message).toBe('section must be one of contacts, events, sales, purchases, suppliers (got "invoices")');
    expect((await section('invoices').set('Accept-Language', 'fr')).body.error.message).toBe('« section » doit valoir l’une de ces valeurs : contacts, events, sales, purchases, suppliers (reçu « invoices »)');
    expect((await section('sales', '?pageSize=101')).body.error.message).toBe('pageSize must be a whole number from 1 to 100');
    const unknown = await admin.get('/customer-records/customers/nosuchdocument0000000000/overview/sales').set('Accept-Language', 'fr');
    expect([unknown.status, unknown.body.error.message]).toEqual([404, 'aucun client ni prospect nosuchdocument0000000000']);
  });
});

describe('GET /customer-records/customers/:documentId/dashboard', () => {
  it('computes profitability, payment terms and billing by family and sub-family', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard`);
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.currency).toBe('EUR');
    expect(data.profitability.years).toEqual([
      { year: 2024, revenue: '1000.00', cost: '700.00', margin: '300.00', marginRate: '30.00' },
      { year: 2025, revenue: '2300.50', cost: '2600.25', margin: '-299.75', marginRate: '-13.03' },
    ]);
    expect(data.profitability.projects.map((p: any) => p.revenue)).toEqual(['3000.00', '300.50']);
    expect(data.profitability.projects[1]).toMatchObject({ documentId: made.p2.documentId, margin: '200.25' });
    // the statement's open items: the open invoices less the credit note still to apply (24.00, due on its date: overdue); no payment on account, so the balance due is the same
    expect(data.paymentTerms).toEqual({
      bands: [
        { band: 'overdue', count: 2, amount: '476.00' },
        { band: 'dueIn0to30', count: 1, amount: '300.00' },
        { band: 'dueIn31to60', count: 0, amount: '0.00' },
        { band: 'dueIn61to90', count: 0, amount: '0.00' },
        { band: 'dueAfter90', count: 0, amount: '0.00' },
      ],
      invoices: '800.00',
      creditNotes: '24.00',
      total: '776.00',
      unallocatedPayments: '0.00',
      balanceDue: '776.00',
    });
    const family = data.billingByFamily;
    expect(family.groups.map((g: any) => g.code)).toEqual(['F1', 'F2']);
    expect(family.years).toEqual([
      { year: 2024, total: '1000.00', groups: [{ key: made.f1.documentId, amount: '1000.00', share: '100.00' }] },
      {
        year: 2025,
        total: '730.00',
        groups: [
          { key: made.f1.documentId, amount: '180.00', share: '24.66' },
          { key: made.f2.documentId, amount: '550.00', share: '75.34' },
        ],
      },
    ]);
    expect(data.billingBySubFamily.groups.map((g: any) => g.label)).toEqual(['Servers', 'Audit']);
    expect(data.billingBySubFamily.years[1].groups).toEqual([
      { key: made.s1.documentId, amount: '180.00', share: '24.66' },
      { key: made.s2.documentId, amount: '550.00', share: '75.34' },
    ]);
  });

  it('keeps the chosen years only, and refuses a malformed years parameter', async () => {
    const res = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard?years=2025`);
    expect(res.status).toBe(200);
    expect(res.body.data.profitability.years.map((y: any) => y.year)).toEqual([2025]);
    expect(res.body.data.billingByFamily.years.map((y: any) => y.year)).toEqual([2025]);
    const bad = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard?years=last`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('years must be years between 1900 and 2200 separated by commas (got "last")');
    expect(bad.body.error.details.errors[0]).toMatchObject({ path: ['years'], message: 'years must be years between 1900 and 2200 separated by commas (got "last")' });
    // in the language the admin asks for, coded for programs
    const french = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard?years=2024,dernière`).set('Accept-Language', 'fr');
    expect(french.status).toBe(400);
    expect(french.body.error.message).toBe('Années : des années entre 1900 et 2200 séparées par des virgules sont attendues (reçu « dernière »)');
    expect(french.body.error.details.errors[0]).toMatchObject({ path: ['years'], code: 'insightsYearsOutOfRange', message: french.body.error.message });
    const list = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard?years[]=2024`).set('Accept-Language', 'fr');
    expect(list.body.error.message).toBe('Années : une liste d’années séparées par des virgules est attendue');
    // whatever a query string holds (a list, an object, a stray %, an empty part, a huge entry): a 400 on years, never a 500
    const huge = Array.from({ length: 1000 }, () => '2024').join(',') + ',x';
    for (const query of ['years[]=2024', 'years[a]=1', 'years=2024&years=2025', 'years=%', 'years=%zz', 'years=2024,', 'years=,', 'years=%00', 'years[0][1]=2', 'years=9999', `years=${huge}`]) {
      const res = await admin.get(`/customer-records/customers/${customer.documentId}/dashboard?${query}`);
      expect([query.slice(0, 30), res.status, res.body.error?.details?.errors?.[0]?.path]).toEqual([query.slice(0, 30), 400, ['years']]);
    }
  });

  it('answers 404 for an unknown customer, 403 without the read permission, 200 with it, without the types the role may not read', async () => {
    expect((await admin.get('/customer-records/customers/nosuchdocument0000000000/dashboard')).status).toBe(404);
    const roles = app.strapi.service('admin::role');
    const empty = await roles.create({ name: uniq('Role'), description: 'no rights' });
    const nobody = await adminSession(app, [empty.id]);
    expect((await nobody.get(`/customer-records/customers/${customer.documentId}/dashboard`)).status).toBe(403);
    expect((await nobody.get(`/customer-records/customers/${customer.documentId}/overview`)).status).toBe(403);
    expect((await nobody.get(`/customer-records/customers/${customer.documentId}/overview/sales`)).status).toBe(403);
    const readerRole = await roles.create({ name: uniq('Role'), description: 'reader' });
    await roles.assignPermissions(readerRole.id, [{ action: 'api::customer-records.read', properties: {}, conditions: [] }]);
    const reader = await adminSession(app, [readerRole.id]);
    const dashboard = await reader.get(`/customer-records/customers/${customer.documentId}/dashboard`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.data.paymentTerms.total).toBe('776.00');

    // the 360 view leaves out what the role may not read in the Content Manager, as the linked-objects list does
    const bare = await reader.get(`/customer-records/customers/${customer.documentId}/overview`);
    expect(bare.status).toBe(200);
    expect(bare.body.data.sales).toEqual({ rows: [], total: 0, byType: [] });
    expect(bare.body.data.contacts).toEqual({ total: 0, hidden: true, rows: [] });
    expect(bare.body.data.address.headOffice).toBeNull();
    expect(bare.body.data.notes).toBe('Prefers invoices by email.');
    expect((await reader.get(`/customer-records/customers/${customer.documentId}/overview/contacts`)).body).toEqual({ data: [], meta: { section: 'contacts', hidden: true, pagination: { page: 1, pageSize: 20, pageCount: 0, total: 0 } } });
    await roles.assignPermissions(readerRole.id, [
      { action: 'api::customer-records.read', properties: {}, conditions: [] },
      { action: 'plugin::content-manager.explorer.read', subject: 'api::invoice.invoice', properties: {}, conditions: [] },
    ]);
    const invoicesOnly = await reader.get(`/customer-records/customers/${customer.documentId}/overview`);
    expect(invoicesOnly.body.data.sales.total).toBe(5);
    expect(new Set(invoicesOnly.body.data.sales.rows.map((r: any) => r.uid))).toEqual(new Set(['api::invoice.invoice']));
    const invoicesPage = await reader.get(`/customer-records/customers/${customer.documentId}/overview/sales?page=2&pageSize=3`);
    expect(invoicesPage.body.meta.pagination).toMatchObject({ total: 5, pageCount: 2 });
    expect(invoicesPage.body.data.map((r: any) => r.uid)).toEqual(['api::invoice.invoice', 'api::invoice.invoice']);
    expect(invoicesOnly.body.data.events.hidden).toBe(true);
  });
});
