import { adminSession } from '../../helpers/credit';
import { Factories } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

/** The record sheet's links panel: a customer's affiliation and business links, both ways. */
const app = testApp();
let f: Factories;
let admin: Awaited<ReturnType<typeof adminSession>>;
beforeAll(async () => {
  f = new Factories(app.api);
  admin = await adminSession(app);
});

it('lists the links a customer holds and those held towards it, with the other party, type, site and project', async () => {
  const [group, subsidiary, payer] = await Promise.all([f.customer({ callName: 'Groupe Ouest' }), f.customer({ callName: 'Ouest Atlantique' }), f.customer({ callName: 'Payeur Central' })]);
  const held = await f.affiliationLink({ customer: subsidiary.documentId, linkedCustomer: group.documentId, role: 'parent', name: 'Groupe' });
  const project = await f.project({ customer: subsidiary.documentId });
  const business = await f.businessLink({ customer: subsidiary.documentId, linkedCustomer: payer.documentId, project: project.documentId, isDefault: true });

  const res = await admin.get(`/customer-records/customers/${subsidiary.documentId}/links`);
  expect(res.status).toBe(200);
  const { affiliations, businessLinks } = res.body.data;
  expect(affiliations).toEqual({
    total: 1,
    data: [expect.objectContaining({ documentId: held.documentId, direction: 'outgoing', role: 'parent', name: 'Groupe', other: expect.objectContaining({ documentId: group.documentId, callName: 'Groupe Ouest' }) })],
  });
  expect(businessLinks.total).toBe(1);
  expect(businessLinks.data[0]).toMatchObject({
    documentId: business.documentId,
    direction: 'outgoing',
    isDefault: true,
    other: { documentId: payer.documentId, callName: 'Payeur Central' },
    project: { documentId: project.documentId },
    linkType: expect.objectContaining({ label: expect.any(String), kind: expect.any(String) }),
  });

  // seen from the group: the same link, incoming
  const fromGroup = (await admin.get(`/customer-records/customers/${group.documentId}/links`)).body.data;
  expect(fromGroup.affiliations.data).toEqual([expect.objectContaining({ documentId: held.documentId, direction: 'incoming', other: expect.objectContaining({ documentId: subsidiary.documentId }) })]);
  expect(fromGroup.businessLinks).toEqual({ total: 0, data: [] });
});

it('answers 404 for an unknown record, in the admin’s language', async () => {
  const res = await admin.get('/customer-records/customers/nope/links').set('Accept-Language', 'fr');
  expect(res.status).toBe(404);
  expect(res.body.error).toMatchObject({ message: 'aucun client ni prospect nope', details: { code: 'linksCustomerNotFound' } });
});

it('needs an admin login', async () => {
  expect((await app.http.get('/customer-records/customers/x/links')).status).toBe(401);
});
