import { Factories } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// A policy on an affiliation parent with `group` counts its affiliates' documents against one limit.
const app = testApp();
let f: Factories;
let eur: string;
beforeAll(async () => {
  f = new Factories(app.api);
  eur = (await f.isoCurrency('EUR')).documentId;
});

const affiliate = (member: string, parent: string) =>
  f.post('affiliation-links', { customer: member, linkedCustomer: parent, role: 'parent', name: 'group' });

it('refuses a write that takes the group past the parent limit, and audits it on the parent', async () => {
  const parent = (await f.bareCustomer()).documentId;
  const a = (await f.bareCustomer()).documentId;
  const b = (await f.bareCustomer()).documentId;
  await affiliate(a, parent);
  await affiliate(b, parent);
  await f.creditPolicy(parent, { mode: 'block', threshold: '1000.00', group: true });

  expect((await f.invoiceResponse(a, eur, 600)).status).toBe(201);
  const refused = await f.invoiceResponse(b, eur, 500);
  expect(refused.status).toBe(400);
  expect(refused.body.error.message).toBe('Credit blocked for the group: outstanding 1,100.00 EUR exceeds the 1,000.00 EUR threshold');
  expect((await f.invoiceResponse(b, eur, 400)).status).toBe(201);

  const audit = await app.api().get(`/api/credit-control/decisions?party=${parent}&outcome=refused`);
  expect(audit.body.data).toHaveLength(1);
  expect(audit.body.data[0].details.group.sort()).toEqual([parent, a, b].sort());
});

it('leaves members alone when the parent policy does not count the group', async () => {
  const parent = (await f.bareCustomer()).documentId;
  const a = (await f.bareCustomer()).documentId;
  await affiliate(a, parent);
  await f.creditPolicy(parent, { mode: 'block', threshold: '100.00', group: false });
  expect((await f.invoiceResponse(a, eur, 600)).status).toBe(201);
});
