import type { Doc } from '../../helpers/factories';
import { portalFixtures, type PortalFixtures } from '../../helpers/portal-fixtures';
import { joining, reading, statementsOf } from '../../helpers/statements';
import { testApp } from '../../helpers/strapi';

// A portal user's filters, several relation keys together: no condition may be lost on the way to
// SQL (Strapi merges two relations' `$and` with Object.assign), and the answer is the one an API
// token gets for the same records, less what the owner rule hides.
const app = testApp();
let x: PortalFixtures;
/** ordered by and billed to A */
let both: Doc;

beforeAll(async () => {
  x = await portalFixtures(app);
  const invoice = await app.api().get(`/api/invoices/${x.A.invoice.documentId}?populate=*`).expect(200);
  both = await x.f.invoice({ customer: x.A.customer.documentId, customerToBill: x.A.customer.documentId, currency: invoice.body.data.currency.documentId, company: invoice.body.data.company.documentId });
});

const ids = (body: any) => (body?.data ?? []).map((d: Doc) => d.documentId).sort();
const portal = async (path: string) => ids((await x.portalA.agent().get(path).expect(200)).body);
const token = async (path: string) => ids((await app.api().get(path).expect(200)).body);

/** The portal user's answer equals the API token's, kept to the records the user owns. */
async function sameAsToken(path: string): Promise<string[]> {
  const owned = await portal(path.split('?')[0]);
  const got = await portal(path);
  expect([path, got]).toEqual([path, (await token(path)).filter((id) => owned.includes(id))]);
  return got;
}

describe('several relation keys in one filter object', () => {
  it('customer and customerToBill together keep both conditions', async () => {
    const a = x.A.customer.documentId;
    const b = x.B.customer.documentId;
    expect(await sameAsToken(`/api/invoices?filters[customer][documentId][$eq]=${a}&filters[customerToBill][documentId][$eq]=${a}`)).toEqual([both.documentId]);
    expect(await sameAsToken('/api/invoices?filters[customer][callName][$eq]=Alpha&filters[customerToBill][callName][$eq]=Alpha')).toEqual([both.documentId]);
    // naming B's record through A's invoice finds nothing (the owner rule), not billedToA
    expect(await portal(`/api/invoices?filters[customer][documentId][$eq]=${b}&filters[customerToBill][documentId][$eq]=${a}`)).toEqual([]);
  });

  it('nested relations under one relation keep every branch', async () => {
    for (const [contact, site] of [['Nobody', 'Alpha HQ'], ['Alpha', 'Nowhere']]) {
      const path = `/api/invoices?filters[customer][contacts][lastName][$eq]=${contact}&filters[customer][sites][name][$eq]=${site}`;
      expect(await sameAsToken(path)).toEqual([]);
    }
    expect(await sameAsToken('/api/invoices?filters[customer][contacts][lastName][$eq]=Alpha&filters[customer][sites][name][$eq]=Alpha HQ')).toEqual([x.A.invoice.documentId, both.documentId].sort());
    const contacts = '/api/contacts?filters[site][name][$eq]=Alpha HQ&filters[customer][callName][$eq]=Alpha&filters[customer][sites][name][$eq]=Alpha HQ';
    expect(await sameAsToken(contacts)).toEqual([x.A.contact.documentId]);
  });

  it('$or and $not mixes with two relations per branch', async () => {
    const or = `/api/invoices?filters[$or][0][customer][callName][$eq]=Nobody&filters[$or][0][customerToBill][callName][$eq]=Alpha&filters[$or][1][number][$eq]=${x.A.invoice.number}`;
    expect(await sameAsToken(or)).toEqual([x.A.invoice.documentId]);
    const not = '/api/invoices?filters[$not][customer][callName][$eq]=Alpha&filters[$not][customerToBill][callName][$eq]=Alpha';
    expect(await sameAsToken(not)).toEqual([x.billedToA.documentId]);
    const mixed = `/api/invoices?filters[$and][0][customer][callName][$eq]=Alpha&filters[$and][0][$or][0][customerToBill][callName][$eq]=Alpha&filters[$and][0][$or][1][customerToBill][$null]=true&filters[customer][sites][name][$eq]=Alpha HQ`;
    expect(await sameAsToken(mixed)).toEqual([x.A.invoice.documentId, both.documentId].sort());
  });
});

describe('several relation keys in populate filters', () => {
  const contactsOf = async (query: string) => {
    const res = await x.portalA.agent().get(`/api/customers/${x.A.customer.documentId}?${query}`).expect(200);
    return res.body.data.contacts.map((c: Doc) => c.documentId).sort();
  };
  const tokenContactsOf = async (query: string) => {
    const res = await app.api().get(`/api/customers/${x.A.customer.documentId}?${query}`).expect(200);
    return res.body.data.contacts.map((c: Doc) => c.documentId).sort();
  };

  it('keep both conditions, and answer as the token does on the user’s own records', async () => {
    const own = 'populate[contacts][filters][site][name][$eq]=Alpha HQ&populate[contacts][filters][customer][callName][$eq]=Alpha';
    expect(await contactsOf(own)).toEqual([x.A.contact.documentId]);
    expect(await tokenContactsOf(own)).toEqual([x.A.contact.documentId]);
    // crossContact sits on B's site: through it the filter reaches B, so nothing comes back
    expect(await contactsOf('populate[contacts][filters][site][name][$eq]=Beta HQ&populate[contacts][filters][customer][callName][$eq]=Alpha')).toEqual([]);
    const or = 'populate[contacts][filters][$or][0][site][name][$eq]=Nowhere&populate[contacts][filters][$or][0][customer][callName][$eq]=Alpha&populate[contacts][filters][$or][1][lastName][$eq]=Crossover';
    expect(await contactsOf(or)).toEqual(await tokenContactsOf(or));
    expect(await contactsOf(or)).toEqual([x.crossContact.documentId]);
  });
});

describe('operators put straight on a relation compare the other record\'s id', () => {
  const total = async (path: string) => (await x.portalA.agent().get(path).expect(200)).body.meta.pagination.total;

  it('another customer\'s id answers as an id that matches nothing ($eq, $in, $ne, $lt, $gt, $between)', async () => {
    const b = x.B.customer.id;
    const missing = 999_999;
    const probes = (id: number) => [
      `filters[customer][$eq]=${id}`,
      `filters[customer][$in][0]=${id}`,
      `filters[customer][$notIn][0]=${x.A.customer.id}&filters[customer][$notIn][1]=${id === b ? missing : b}`,
      `filters[customer][$ne]=${x.A.customer.id}`,
      `filters[customer][$lt]=${id + 1}`,
      `filters[customer][$gt]=${id - 1}`,
      `filters[customer][$between][0]=${id}&filters[customer][$between][1]=${id}`,
      `filters[customer]=${id}`,
    ];
    const withB = await Promise.all(probes(b).map((q) => total(`/api/invoices?${q}`)));
    const withNothing = await Promise.all(probes(missing).map((q) => total(`/api/invoices?${q}`)));
    expect(withB).toEqual(withNothing);
  });

  it('the user\'s own id still finds the records, and $null still asks whether the relation is set', async () => {
    expect(await total(`/api/invoices?filters[customer][$eq]=${x.A.customer.id}`)).toBe(2);
    // A's own invoice without a customer to bill (the two others are billed to A)
    expect(await total(`/api/invoices?filters[customerToBill][$null]=true`)).toBe(1);
    expect(await total(`/api/invoices?filters[customerToBill][$notNull]=true`)).toBe(2);
  });
});

describe('the owner rule in SQL', () => {
  it('reads the owned ids from the link tables, never joining customers to the whole table of a type', async () => {
    // a where through the relation (`{ customer: { id } }`) left-joins customers to every invoice,
    // contact and site of the base: a portal list of a customer's few scanned them all
    let lists: string[][] = [];
    const statements = await statementsOf(app.strapi, async () => {
      lists = await Promise.all(['/api/invoices', '/api/contacts', '/api/sites', '/api/customers?populate[contacts]=true'].map(portal));
    });
    expect(lists[0]).toEqual([x.A.invoice.documentId, x.billedToA.documentId, both.documentId].sort());
    const a = x.A.customer.documentId;
    expect(lists[1]).toContain(x.A.contact.documentId);
    expect(lists[1]).toEqual(await token(`/api/contacts?filters[customer][documentId][$eq]=${a}`));
    expect(lists[2]).toEqual(await token(`/api/sites?filters[customer][documentId][$eq]=${a}`));
    expect(lists[3]).toEqual([x.A.customer.documentId]);
    expect(reading(statements, 'invoices').length).toBeGreaterThan(0);
    expect(joining(statements, 'customers')).toEqual([]);
    // the invoice's party is one subquery: its customer to bill, else its customer
    expect(statements.some((sql) => /in \(select [^()]* union select/i.test(sql))).toBe(true);
  });
});
