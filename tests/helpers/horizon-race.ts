import type request from 'supertest';
import { Factories, Probes, uniq } from './factories';
import { dayFromToday } from './days';

type Api = () => request.Agent;


/**
 * Issue 22, concurrency with the new rules: a policy of 1,000.00 raised to 3,000.00 by a temporary
 * limit today, capped at an insured 2,000.00, with a 30-day horizon. 1,500.00 counts and 5,000.00
 * delivers beyond the horizon. Then, at once (each through `clientOf(i)`): 20 orders of 100.00
 * delivering in 10 days (counted), 20 delivering in 90 days (left out), and 10 moves of far orders
 * of 100.00 into the horizon (each a raise of 100.00). Only 5 raises fit under the limit in force.
 */
export async function horizonRace(api: Api, clientOf: (i: number) => Api) {
  const f = new Factories(api);
  const probe = new Probes(api);
  const eur = (await f.isoCurrency('EUR')).documentId;
  const customer = (await f.bareCustomer()).documentId;
  const order = (client: Api, amount: number, days: number) =>
    client()
      .post('/api/orders')
      .send({ data: { number: uniq('HR'), customer, currency: eur, date: dayFromToday(0), state: 'confirmed', deliveryDate: dayFromToday(days), lines: [{ quantity: 1, unitPrice: amount, vatRate: 20 }] } });
  expect((await f.invoiceResponse(customer, eur, 1500)).status).toBe(201);
  expect((await order(api, 5000, 60)).status).toBe(201);
  const movable: string[] = [];
  for (let i = 0; i < 10; i += 1) movable.push((await order(api, 100, 120)).body.data.documentId);
  await f.creditPolicy(customer, { mode: 'block', threshold: '1000.00', currency: 'EUR', horizonDays: 30, capAtInsured: true });
  const limits = `/api/credit-control/parties/${customer}`;
  expect((await api().post(`${limits}/temporary-limits`).send({ data: { amount: '3000.00', from: dayFromToday(-1), to: dayFromToday(1) } })).status).toBe(201);
  expect((await api().put(`${limits}/insurance`).send({ data: { insurer: 'Atradius', reference: 'RACE-1', insuredAmount: '2000.00' } })).status).toBe(200);
  const before = await probe.summary(customer);
  expect(before).toMatchObject({ exposure: '1500.00', limit: { source: 'insuredCap', inForce: '2000.00' }, horizon: { leftOut: '6000.00' } });

  const writes = [
    ...Array.from({ length: 20 }, () => ({ kind: 'near' as const, run: (c: Api) => order(c, 100, 10) })),
    ...Array.from({ length: 20 }, () => ({ kind: 'far' as const, run: (c: Api) => order(c, 100, 90) })),
    ...movable.map((id) => ({ kind: 'move' as const, run: (c: Api) => c().put(`/api/orders/${id}`).send({ data: { deliveryDate: dayFromToday(5) } }) })),
  ];
  // interleaved so that each client gets every kind
  const order_ = writes.map((w, i) => ({ w, key: (i * 7919) % writes.length })).sort((a, b) => a.key - b.key).map((x) => x.w);
  const results = await Promise.all(order_.map((w, i) => w.run(clientOf(i)).then((res) => ({ kind: w.kind, status: res.status }))));
  const passed = (kind: string) => results.filter((r) => r.kind === kind && (r.status === 200 || r.status === 201)).length;
  expect(results.filter((r) => ![200, 201, 400].includes(r.status))).toEqual([]);
  const after = await probe.summary(customer);
  const drift = (await api().post('/api/credit-control/reconcile').send({})).body.data.drift;
  return { results, passed, after, drift };
}
