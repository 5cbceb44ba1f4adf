import { Factories, IDS, type Doc } from '../../helpers/factories';
import { customerPortalUser } from '../../helpers/portal-user';
import { testApp } from '../../helpers/strapi';

// GraphQL `filters` arguments must not be an oracle on another customer's records. The cases are
// generated from the schema: every list a portal user can query (root lists and to-many relation
// fields, plain and `_connection`) × every path of one or two relations through portal types ×
// the other customer's identifying values (documentId, every text field). Customer A owns a record
// of each type linked through each relation to B's record; a filter on B's real value must answer
// exactly as a filter on a value that matches nothing.

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { PORTAL_SCOPED_UIDS, scopeWhere } = require('../../../dist/src/security/portal-permissions');
const SCOPED: string[] = [...PORTAL_SCOPED_UIDS];
const TEXT_TYPES = ['string', 'email', 'uid', 'text'];
const MISS_ID = 'zzzzzzzzzzzzzzzzzzzzzzzz';

const app = testApp();
let portalA: Awaited<ReturnType<typeof customerPortalUser>>;
/** each customer's base record of every scoped type, by uid */
const A: Record<string, Doc> = {};
const B: Record<string, Doc> = {};

/** the field names of each type's GraphQL filters input, read from the served schema */
const filterable: Record<string, Set<string>> = {};
let aCustomerId: number;

const model = (uid: string) => app.strapi.getModel(uid);
const relations = (uid: string) => Object.entries<any>(model(uid).attributes).filter(([name, a]) => a.type === 'relation' && filterable[uid].has(name));
/** relations of `uid` to portal types GraphQL filters can cross, with the to-many flag */
const scopedRelations = (uid: string) =>
  relations(uid)
    .filter(([, a]) => SCOPED.includes(a.target))
    .map(([name, a]) => ({ name, target: a.target as string, toMany: String(a.relation).endsWith('Many'), owning: !a.mappedBy }));

async function makeRecord(f: Factories, uid: string, customer: Doc | null, name: string, refs: Record<string, Doc>): Promise<Doc> {
  const c = customer?.documentId;
  switch (uid) {
    case 'api::customer.customer':
      return f.customer({ callName: name, company: refs.company.documentId, siret: name === 'Beta' ? IDS.siret2 : IDS.siret });
    case 'api::site.site':
      return f.site({ customer: c, name: `${name} HQ` });
    case 'api::contact.contact':
      return f.contact({ customer: c, lastName: name, email: `${name.toLowerCase()}@example.fr` });
    case 'api::invoice.invoice':
      return f.invoice({ customer: c, currency: refs.currency.documentId, company: refs.company.documentId });
    case 'api::helpdesk-issue.helpdesk-issue':
      return f.helpdeskIssue({ customer: c, title: `${name} issue` });
    case 'api::maintenance-contract.maintenance-contract':
      return f.maintenanceContract({ customer: c, currency: refs.currency.documentId, title: `${name} contract` });
    default:
      throw new Error(`the test has no factory for the portal type ${uid}: add one`);
  }
}

const isOwnedBy = async (uid: string, id: number, customerId: number) =>
  Boolean(await app.strapi.db.query(uid).findOne({ where: { $and: [{ id }, scopeWhere(app.strapi, uid, customerId)] }, select: ['id'] }));
const rowOf = (uid: string, doc: Doc) => app.strapi.db.query(uid).findOne({ where: { documentId: doc.documentId } });

beforeAll(async () => {
  const naming = app.strapi.plugin('graphql').service('utils').naming;
  for (const uid of SCOPED) {
    const res = await app.api().post('/graphql').send({ query: `{ __type(name: "${naming.getFiltersInputTypeName(model(uid))}") { inputFields { name } } }` });
    filterable[uid] = new Set(res.body.data.__type.inputFields.map((field: { name: string }) => field.name));
  }
  const f = new Factories(app.api);
  const currency = await f.currency({ code: 'EUR', name: 'Euro' });
  const refs = { currency, company: await f.company({ currency: currency.documentId }) };
  for (const [records, name] of [[A, 'Alpha'], [B, 'Beta']] as const) {
    records['api::customer.customer'] = await makeRecord(f, 'api::customer.customer', null, name, refs);
    for (const uid of SCOPED.filter((u) => u !== 'api::customer.customer')) records[uid] = await makeRecord(f, uid, records['api::customer.customer'], name, refs);
  }
  const aId = (aCustomerId = (await rowOf('api::customer.customer', A['api::customer.customer'])).id);
  // A's base records link to A's own records (the positive control); for each relation, one more A
  // record links to B's record (the probe's way in). Written below the rules: data can get there.
  for (const uid of SCOPED) {
    for (const rel of scopedRelations(uid).filter((r) => r.owning && !r.toMany)) {
      const own = await rowOf(uid, A[uid]);
      const ownTarget = await rowOf(rel.target, A[rel.target]);
      if (rel.target !== uid && !own[rel.name]) await app.strapi.db.query(uid).update({ where: { id: own.id }, data: { [rel.name]: ownTarget.id } });
      if (uid === 'api::customer.customer') continue;
      const cross = await rowOf(uid, await makeRecord(f, uid, A['api::customer.customer'], 'Alpha', refs));
      await app.strapi.db.query(uid).update({ where: { id: cross.id }, data: { [rel.name]: (await rowOf(rel.target, B[rel.target])).id } });
      // a link that makes the record B's is an ownership link, not a way in
      if (!(await isOwnedBy(uid, cross.id, aId))) await app.strapi.db.query(uid).delete({ where: { id: cross.id } });
    }
  }
  portalA = await customerPortalUser(app, A['api::customer.customer'].documentId);
}, 180_000);

type Wrap = (args: string, selection: string) => string;

/** Every list a portal user can query with `filters`, as [label, target uid, query of (args, selection)]. */
function listContexts(): [string, string, Wrap][] {
  const naming = app.strapi.plugin('graphql').service('utils').naming;
  const out: [string, string, Wrap][] = [];
  for (const uid of SCOPED) {
    const ct = model(uid);
    const [list, connection] = [naming.getFindQueryName(ct), naming.getFindConnectionQueryName(ct)];
    out.push([list, uid, (args, selection) => `${list}${args} ${selection}`]);
    out.push([connection, uid, (args, selection) => `${connection}${args} { nodes ${selection} }`]);
    for (const rel of scopedRelations(uid).filter((r) => r.toMany)) {
      out.push([`${list}.${rel.name}`, rel.target, (args, selection) => `${list} { documentId ${rel.name}${args} ${selection} }`]);
      out.push([`${list}.${rel.name}_connection`, rel.target, (args, selection) => `${list} { documentId ${rel.name}_connection${args} { nodes ${selection} } }`]);
    }
  }
  return out;
}

/** Filter paths from `uid` of one or two relations to portal types, each with the type it ends on. */
function paths(uid: string): { path: string[]; end: string }[] {
  const out: { path: string[]; end: string }[] = [];
  for (const r1 of scopedRelations(uid)) {
    out.push({ path: [r1.name], end: r1.target });
    for (const r2 of scopedRelations(r1.target)) out.push({ path: [r1.name, r2.name], end: r2.target });
  }
  return out;
}

/**
 * B's identifying values on the record of type `uid`: its documentId, and (`texts`) every text field
 * whose value none of A's own records of that type has (a value both share tells nothing of B).
 */
async function probeValues(uid: string, texts: boolean): Promise<{ field: string; type: string; real: string; miss: string }[]> {
  const row = await rowOf(uid, B[uid]);
  const own = await app.strapi.db.query(uid).findMany({ where: scopeWhere(app.strapi, uid, aCustomerId) });
  const values = [{ field: 'documentId', type: 'ID', real: row.documentId, miss: MISS_ID }];
  for (const [name, a] of Object.entries<any>(model(uid).attributes)) {
    if (!texts || !filterable[uid].has(name) || own.some((r: Record<string, unknown>) => r[name] === row[name])) continue;
    if (TEXT_TYPES.includes(a.type) && !a.private && typeof row[name] === 'string' && row[name] !== '') {
      values.push({ field: name, type: 'String', real: row[name], miss: `${row[name]}-matches-nothing` });
    }
  }
  return values;
}

const nest = (path: string[], leaf: string): string => path.reduceRight((inner, key) => `{ ${key}: ${inner} }`, leaf);

/** One request per context and path: for each probed value, alias `r<i>` filters on B's real value and `m<i>` on the miss. */
async function ask(wrap: Wrap, path: string[], values: Awaited<ReturnType<typeof probeValues>>) {
  const vars: Record<string, string> = {};
  const decls: string[] = [];
  const fields = values.flatMap((v, i) =>
    (['real', 'miss'] as const).map((side) => {
      const name = `${side[0]}${i}`;
      vars[name] = v[side];
      decls.push(`$${name}: ${v.type}`);
      return `${name}: ${wrap(`(filters: ${nest(path, `{ ${v.field}: { eq: $${name} } }`)})`, '{ documentId }')}`;
    })
  );
  return (await portalA.graphql(`query(${decls.join(', ')}) { ${fields.join(' ')} }`, vars)).body;
}

describe('GraphQL filters as a portal user', () => {
  it('a filter through any relation on another customer’s value answers as one matching nothing (lists, relation fields, _connection)', async () => {
    const differ: string[] = [];
    let cases = 0;
    for (const [label, target, wrap] of listContexts()) {
      for (const { path, end } of paths(target)) {
        // text fields on the first relation; beyond it the documentId stands for the record
        const values = await probeValues(end, path.length === 1);
        const body = await ask(wrap, path, values);
        // every path here is through portal types: it must run, not fail alike for both values
        expect([label, path.join('.'), body.errors]).toEqual([label, path.join('.'), undefined]);
        values.forEach((v, i) => {
          cases += 1;
          const [r, m] = [JSON.stringify(body.data[`r${i}`]), JSON.stringify(body.data[`m${i}`])];
          if (r !== m) differ.push(`${label}(filters: ${path.join('.')}.${v.field} = ${v.real}): ${r} ≠ ${m}`);
        });
      }
    }
    expect(differ).toEqual([]);
    expect(cases).toBeGreaterThan(100);
  });

  it('the same filters on the user’s own values still find the user’s records', async () => {
    const empty: string[] = [];
    for (const [label, target, wrap] of listContexts()) {
      for (const { path, end } of paths(target).filter((p) => p.path.length === 1 && p.end !== target)) {
        const own = (await rowOf(end, A[end])).documentId;
        const res = await portalA.graphql(`query($v: ID) { p: ${wrap(`(filters: ${nest(path, '{ documentId: { eq: $v } }')})`, '{ documentId }')} }`, { v: own });
        expect(res.body.errors).toBeUndefined();
        if (!JSON.stringify(res.body.data).includes('"documentId"')) empty.push(`${label} ${path.join('.')}`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('a filter through a type the portal cannot read is refused (403 or 400), whatever the list', async () => {
    const answered: string[] = [];
    let cases = 0;
    for (const [label, target, wrap] of listContexts()) {
      for (const [name, a] of relations(target).filter(([, a]) => !SCOPED.includes(a.target) && a.target !== 'plugin::upload.file')) {
        cases += 1;
        const res = await portalA.graphql(`{ p: ${wrap(`(filters: { ${name}: { documentId: { eq: "x" } } })`, '{ documentId }')} }`);
        const code = res.body.errors?.[0]?.extensions?.code;
        if (code !== 'FORBIDDEN' && code !== 'BAD_USER_INPUT') answered.push(`${label}(filters: ${name} → ${a.target}): ${code ?? JSON.stringify(res.body.data)}`);
      }
    }
    expect(answered).toEqual([]);
    expect(cases).toBeGreaterThan(10);
  });
});
