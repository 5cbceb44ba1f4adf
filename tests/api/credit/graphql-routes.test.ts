import { Factories, Probes, startingKit } from '../../helpers/factories';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';
import { dayFromToday as day } from '../../helpers/days';

// The plugin's routes as GraphQL fields (issue 22: "REST and GraphQL"): each answers what its REST
// route answers, behind the same guards and the same content-API permission, with REST's error codes.
const app = testApp();
let f: Factories;
let probe: Probes;
let eur: string;

beforeAll(async () => {
  ({ f, probe, eur } = await startingKit(app.api));
});

const gql = (query: string, variables: Record<string, unknown> = {}) => app.api().post('/graphql').send({ query, variables });
const rest = (path: string) => app.api().get(`/api/credit-control${path}`);

describe('queries answer what REST answers', () => {
  it('the credit summary, the limits in force, the payment behaviour and the decision log', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'alert', threshold: '100.00', currency: 'EUR' });
    expect((await f.invoiceResponse(customer, eur, 150)).status).toBe(201);
    const res = await gql(
      `query ($party: ID!, $q: JSON) {
        creditControlCredit(party: $party) { data }
        creditControlPartyLimits(party: $party) { data }
        creditControlPaymentBehaviour(party: $party) { data }
        creditControlDecisions(query: $q) { data meta }
      }`,
      { party: customer, q: { party: customer, pageSize: 5 } }
    );
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data;
    expect(d.creditControlCredit.data).toEqual((await rest(`/parties/${customer}/credit`)).body.data);
    expect(d.creditControlCredit.data).toMatchObject({ status: 'over', exposure: '150.00' });
    const limits = (await rest(`/parties/${customer}/limits`)).body.data;
    expect(d.creditControlPartyLimits.data).toEqual(limits);
    expect(d.creditControlPaymentBehaviour.data).toEqual((await rest(`/parties/${customer}/payment-behaviour`)).body.data);
    // the query's numbers are read as a URL's strings: pageSize 5 is the REST ?pageSize=5
    expect(d.creditControlDecisions.meta.pagination).toMatchObject({ page: 1, pageSize: 5 });
    expect(d.creditControlDecisions.data[0]).toMatchObject({ party: customer, outcome: 'warned', reason: 'overThreshold' });
  });

  it('the over-threshold list pages like REST', async () => {
    const res = await gql(`{ creditControlOverThreshold(query: { page: 1, pageSize: 2 }) { data meta } }`);
    expect(res.body.errors).toBeUndefined();
    const viaRest = (await rest('/parties/over-threshold?page=1&pageSize=2')).body;
    expect(res.body.data.creditControlOverThreshold).toEqual({ data: viaRest.data, meta: viaRest.meta });
  });
});

describe('mutations write through the same controllers', () => {
  it('a temporary limit added, listed and removed; the insurance set', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100.00', currency: 'EUR' });
    const added = await gql(
      `mutation ($party: ID!, $body: JSON) { creditControlAddTemporaryLimit(party: $party, body: $body) { data } }`,
      { party: customer, body: { data: { amount: '300.00', from: day(-1), to: day(1), reason: 'salon' } } }
    );
    expect(added.body.errors).toBeUndefined();
    const temporary = added.body.data.creditControlAddTemporaryLimit.data;
    expect(temporary).toMatchObject({ amount: '300.00', currency: 'EUR', reason: 'salon' });
    expect((await probe.summary(customer)).limit).toMatchObject({ source: 'temporary', inForce: '300.00' });

    const insured = await gql(
      `mutation ($party: ID!, $body: JSON) { creditControlSetInsurance(party: $party, body: $body) { data } }`,
      { party: customer, body: { data: { insurer: 'Allianz Trade', reference: 'AT-1', insuredAmount: '50.00' } } }
    );
    expect(insured.body.errors).toBeUndefined();
    expect(insured.body.data.creditControlSetInsurance.data.insurance).toMatchObject({ insurer: 'Allianz Trade', insuredAmount: '50.00' });

    const removed = await gql(`mutation ($party: ID!, $id: ID!) { creditControlRemoveTemporaryLimit(party: $party, id: $id) { data } }`, { party: customer, id: temporary.id });
    expect(removed.body.errors).toBeUndefined();
    expect((await probe.summary(customer)).limit).toMatchObject({ source: 'own', inForce: '100.00' });
  });

  it('the party policy upserted with its reason, and the limit history read back', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const put = await gql(
      `mutation ($party: ID!, $body: JSON) { creditControlPutPartyPolicy(party: $party, body: $body) { data meta } }`,
      { party: customer, body: { data: { mode: 'block', threshold: '500.00', currency: 'EUR' }, reason: 'ouverture de compte' } }
    );
    expect(put.body.errors).toBeUndefined();
    expect(put.body.data.creditControlPutPartyPolicy.data).toMatchObject({ party: customer, mode: 'block', threshold: '500.00' });
    const history = await gql(`query ($party: ID!) { creditControlLimitHistory(party: $party) { data meta } }`, { party: customer });
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data.creditControlLimitHistory.data[0]).toMatchObject({ reason: 'ouverture de compte' });
    expect(history.body.data.creditControlLimitHistory).toEqual((await rest(`/parties/${customer}/limit-history`)).body);
  });
});

describe('errors are REST’s, in GraphQL’s shape', () => {
  it('bad input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const customer = (await f.bareCustomer()).documentId;
    await f.creditPolicy(customer, { mode: 'block', threshold: '100.00', currency: 'EUR' });
    const res = await gql(
      `mutation ($party: ID!, $body: JSON) { creditControlAddTemporaryLimit(party: $party, body: $body) { data } }`,
      { party: customer, body: { data: { amount: '-5', from: day(2), to: day(1) } } }
    );
    const error = res.body.errors[0];
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.error.details.errors.map((e: any) => e.path.join('.'))).toEqual(expect.arrayContaining(['amount', 'to']));
    expect((await rest(`/parties/${customer}/limits`)).body.data.temporaryLimits).toEqual([]);
  });

  it('accepting a colour that is not green, amber or red is a 400 on colour', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const res = await gql(`mutation ($party: ID!) { creditControlAcceptColour(party: $party, body: { colour: "mauve" }) { data } }`, { party: customer });
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', error: { details: { errors: [expect.objectContaining({ path: ['colour'] })] } } });
  });

  it('an unknown party is a not-found with its code', async () => {
    const res = await gql(`{ creditControlCredit(party: "no-such-party") { data } }`);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'STRAPI_NOT_FOUND_ERROR', error: { details: { code: 'partyNotFound' } } });
  });

  it('the answer follows the requester’s language, as over REST', async () => {
    const res = await app.api().post('/graphql').set('Accept-Language', 'fr').send({ query: `{ creditControlCredit(party: "inconnu") { data } }` });
    const viaRest = await app.api().get('/api/credit-control/parties/inconnu/credit').set('Accept-Language', 'fr');
    expect(res.body.errors[0].message).toBe(viaRest.body.error.message);
  });
});

describe('who may call what', () => {
  it('a requester without the route’s permission is refused, as over REST', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const portal = await customerPortalUser(app, customer);
    const res = await portal.graphql(`query ($party: ID!) { creditControlCredit(party: $party) { data } }`, { party: customer });
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(res.body.data?.creditControlCredit ?? null).toBeNull();
  });

  it('the app’s hooks apply: a portal user granted the route still may not see figures (figuresHidden)', async () => {
    const customer = (await f.bareCustomer()).documentId;
    const portal = await customerPortalUser(app, customer);
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'portal' } });
    const granted = await app.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::credit-control.credit.summary', role: role.id } });
    try {
      const res = await portal.graphql(`query ($party: ID!) { creditControlCredit(party: $party) { data } }`, { party: customer });
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', error: { details: { reason: 'figuresHidden' } } });
      expect((await portal.agent().get(`/api/credit-control/parties/${customer}/credit`)).status).toBe(403);
    } finally {
      await app.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: granted.id } });
    }
  });
});
