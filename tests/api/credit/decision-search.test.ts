import { adminSession } from '../../helpers/credit';
import { Factories } from '../../helpers/factories';
import { testApp } from '../../helpers/strapi';

// The decision log found by a customer's code or name (case and accents ignored, in SQL), and the
// plugin's party lookup behind the admin's picker. Runs on SQLite, and on Postgres through pg-throwaway.
const CUSTOMER = 'api::customer.customer';
const app = testApp();
let f: Factories;
// a word no other row holds: every search below is narrowed by it
const tag = `zq${Math.random().toString(36).slice(2, 8)}`;
const P: Record<'dupre' | 'martin' | 'fun' | 'gone', { documentId: string; code: string; callName: string }> = {} as any;

const decisions = (query: string) => app.api().get(`/api/credit-control/decisions?${query}&pageSize=100`);
const parties = (rows: any[]) => [...new Set(rows.map((d) => d.party))].sort();
const ids = (...keys: (keyof typeof P)[]) => keys.map((k) => P[k].documentId).sort();

async function blockedCustomer(callName: string, code: string) {
  const customer = await f.bareCustomer({ callName, code });
  for (const path of ['block', 'unblock']) {
    const res = await app.api().post(`/api/credit-control/parties/${customer.documentId}/${path}`).send({ reason: `e2e ${path}` });
    expect(res.status).toBe(200);
  }
  return { documentId: customer.documentId as string, code, callName };
}

beforeAll(async () => {
  f = new Factories(app.api);
  P.dupre = await blockedCustomer(`Éléonore ${tag} Dupré`, `ÉLÉ-${tag}-1`);
  P.martin = await blockedCustomer(`ELEONORE ${tag} Martin`, `MAR-${tag}-2`);
  P.fun = await blockedCustomer(`Zoë ${tag} 100%_Fun`, `FUN-${tag}-3`);
  P.gone = await blockedCustomer(`Ophélie ${tag} Partie`, `GON-${tag}-4`);
  expect((await app.api().delete(`/api/customers/${P.gone.documentId}`)).status).toBeLessThan(300);
});

it('finds decisions by part of the name, whatever its case and accents', async () => {
  const res = await decisions(`partyName=${encodeURIComponent(`eleonore ${tag}`)}`);
  expect(res.status).toBe(200);
  expect(parties(res.body.data)).toEqual(ids('dupre', 'martin'));
  // two per customer (block, unblock), counted in SQL
  expect(res.body.meta.pagination.total).toBe(4);

  const accented = await decisions(`q=${encodeURIComponent(`${tag} DUPRÉ`)}`);
  expect(parties(accented.body.data)).toEqual(ids('dupre'));
  const plain = await decisions(`q=${encodeURIComponent(`${tag} dupre`)}`);
  expect(plain.body.data.map((d: any) => d.id)).toEqual(accented.body.data.map((d: any) => d.id));
});

it('finds decisions by part of the code, and names each row by code and label', async () => {
  const res = await decisions(`q=${encodeURIComponent(`mar-${tag}`)}`);
  expect(parties(res.body.data)).toEqual(ids('martin'));
  expect(res.body.data[0]).toMatchObject({ party: P.martin.documentId, partyCode: P.martin.code, partyLabel: P.martin.callName, kind: 'unblock' });
  // the code folds like the name: "ÉLÉ" is found by "ele"
  expect(parties((await decisions(`q=${encodeURIComponent(`ele-${tag}`)}`)).body.data)).toEqual(ids('dupre'));
});

it('takes % and _ literally', async () => {
  expect(parties((await decisions(`q=${encodeURIComponent(`${tag} 100%_`)}`)).body.data)).toEqual(ids('fun'));
  // "%" alone would match every row if it were a wildcard
  const percent = await decisions(`q=${encodeURIComponent('%')}`);
  expect(parties(percent.body.data)).toEqual(ids('fun'));
  expect(parties((await decisions(`q=${encodeURIComponent(`${tag}_`)}`)).body.data)).toEqual([]);
});

it('finds a deleted party by the label its decisions kept', async () => {
  const res = await decisions(`q=${encodeURIComponent(`ophelie ${tag}`)}`);
  expect(res.status).toBe(200);
  expect(parties(res.body.data)).toEqual(ids('gone'));
  expect(res.body.data.every((d: any) => d.partyLabel === P.gone.callName)).toBe(true);
});

it('combines the name with the other filters', async () => {
  const res = await decisions(`partyName=${encodeURIComponent(`eleonore ${tag}`)}&kind=block`);
  expect(res.body.data.map((d: any) => [d.party, d.kind]).sort()).toEqual(ids('dupre', 'martin').map((p) => [p, 'block']));
  const both = await decisions(`partyName=${encodeURIComponent(tag)}&party=${P.fun.documentId}`);
  expect(parties(both.body.data)).toEqual(ids('fun'));
});

it('refuses bad search filters with a 400 naming the field', async () => {
  const cases: [string, string][] = [
    [`q=${'x'.repeat(101)}`, 'q'],
    [`partyName=${'x'.repeat(101)}`, 'partyName'],
    ['q=a&partyName=b', 'q'],
    ['partyName[]=a&partyName[]=b', 'partyName'],
    ['partyName[$ne]=a', 'partyName'],
  ];
  for (const [query, field] of cases) {
    const res = await app.api().get(`/api/credit-control/decisions?${query}`);
    expect([query, res.status, res.body.error?.details?.errors?.[0]?.path]).toEqual([query, 400, [field]]);
  }
});

it('the party lookup lists the customers whose code or name contains the text, by name', async () => {
  const res = await app.api().get(`/api/credit-control/parties?q=${encodeURIComponent(`ÉLÉONORE ${tag}`)}`);
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual([
    { party: P.martin.documentId, code: P.martin.code, name: P.martin.callName },
    { party: P.dupre.documentId, code: P.dupre.code, name: P.dupre.callName },
  ]);
  // by code, deleted parties gone, and bounded by pageSize
  expect((await app.api().get(`/api/credit-control/parties?q=fun-${tag}`)).body.data.map((p: any) => p.party)).toEqual(ids('fun'));
  expect((await app.api().get(`/api/credit-control/parties?q=ophelie ${tag}`)).body.data).toEqual([]);
  expect((await app.api().get(`/api/credit-control/parties?q=${tag}&pageSize=2`)).body.data).toHaveLength(2);
  for (const [query, field] of [['pageSize=51', 'pageSize'], [`q=${'y'.repeat(101)}`, 'q']]) {
    const bad = await app.api().get(`/api/credit-control/parties?${query}`);
    expect([bad.status, bad.body.error?.details?.errors?.[0]?.path]).toEqual([400, [field]]);
  }
});

it('the admin API answers with the read permission only', async () => {
  const admin = await adminSession(app);
  const found = await admin.get(`/credit-control/parties?q=${tag}`);
  expect(found.status).toBe(200);
  expect(found.body.data.map((p: any) => p.party).sort()).toEqual(ids('dupre', 'martin', 'fun'));
  const all = (await decisions(`q=${tag}`)).body.meta.pagination.total;
  expect(all).toBeGreaterThanOrEqual(8);
  expect((await admin.get(`/credit-control/decisions?q=${tag}`)).body.meta.pagination.total).toBe(all);

  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name: `No credit ${Date.now()}`, description: 'customers only' });
  await roles.assignPermissions(role.id, [{ action: 'plugin::content-manager.explorer.read', subject: CUSTOMER, properties: {}, conditions: [] }]);
  const clerk = await adminSession(app, [role.id]);
  expect((await clerk.get(`/credit-control/parties?q=${tag}`)).status).toBe(403);
  expect((await clerk.get(`/credit-control/decisions?q=${tag}`)).status).toBe(403);
});
