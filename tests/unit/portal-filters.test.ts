import { scopeFilters, splitKeys } from '../../src/security/portal-filters';
import { scopeWhereByRelation } from '../../src/security/portal-permissions';

// A minimal model map: invoices point at two customers, contacts at a customer and a site.
const rel = (target: string) => ({ type: 'relation', relation: 'manyToOne', target });
const MODELS: Record<string, any> = {
  'api::invoice.invoice': { attributes: { number: { type: 'string' }, customer: rel('api::customer.customer'), customerToBill: rel('api::customer.customer'), order: rel('api::order.order'), lines: { type: 'component', component: 'docs.line' } } },
  'api::customer.customer': { attributes: { callName: { type: 'string' }, contacts: { type: 'relation', relation: 'oneToMany', target: 'api::contact.contact' }, sites: { type: 'relation', relation: 'oneToMany', target: 'api::site.site' } } },
  'api::contact.contact': { attributes: { lastName: { type: 'string' }, customer: rel('api::customer.customer'), site: rel('api::site.site') } },
  'api::site.site': { attributes: { name: { type: 'string' }, customer: rel('api::customer.customer') } },
  'api::order.order': { attributes: { number: { type: 'string' } } },
  'docs.line': { attributes: { label: { type: 'string' }, contact: rel('api::contact.contact') } },
};
const strapi = { getModel: (uid: string) => MODELS[uid] } as any;
const owner = (uid: string) => scopeWhereByRelation(uid, 7);
const scope = (filters: unknown, uid = 'api::invoice.invoice') => scopeFilters(strapi, uid, filters, owner);

/** Every object in `where` has at most one key that is a relation or a logical operator. */
function collisions(where: unknown, uid: string, path = '$'): string[] {
  if (Array.isArray(where)) return where.flatMap((item, i) => collisions(item, uid, `${path}[${i}]`));
  if (!where || typeof where !== 'object') return [];
  const attributes = MODELS[uid]?.attributes ?? {};
  const entries = Object.entries(where as Record<string, unknown>);
  const merging = entries.filter(([key]) => ['$and', '$or', '$not'].includes(key) || ['relation', 'component'].includes(attributes[key]?.type));
  const out = merging.length > 1 ? [`${path}: ${merging.map(([k]) => k).join(', ')}`] : [];
  for (const [key, value] of entries) {
    const attribute = attributes[key];
    const next = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : uid;
    if (key.startsWith('$') || attribute?.type === 'relation' || attribute?.type === 'component') out.push(...collisions(value, next, `${path}.${key}`));
  }
  return out;
}

describe('scopeFilters', () => {
  it('emits each key of an object as its own entry of an $and', () => {
    expect(scope({ customer: { callName: 'A' }, customerToBill: { callName: 'B' } })).toEqual({
      $and: [
        { customer: { $and: [{ callName: 'A' }, owner('api::customer.customer')] } },
        { customerToBill: { $and: [{ callName: 'B' }, owner('api::customer.customer')] } },
      ],
    });
    expect(scope({ number: 'X' })).toEqual({ number: 'X' });
    expect(scope({})).toEqual({});
  });

  it('leaves no object with two keys that the query engine would merge, however the filter nests', () => {
    const filters = {
      number: { $eq: 'N' },
      customer: { callName: 'A', contacts: { lastName: 'L', site: { name: 'S' } }, sites: { name: 'S' } },
      customerToBill: { documentId: 'd', $or: [{ callName: 'x' }, { contacts: { site: { name: 'y' } }, sites: { name: 'z' } }] },
      $or: [{ customer: { callName: 'a' }, customerToBill: { callName: 'b' } }, { $not: { customer: { sites: { name: 'n' } }, number: 'n' } }],
      $and: [{ customerToBill: { $null: true } }],
      lines: { label: 'l', contact: { lastName: 'c' } },
    };
    const out = scope(filters);
    expect(collisions(out, 'api::invoice.invoice')).toEqual([]);
    expect(collisions(filters, 'api::invoice.invoice').length).toBeGreaterThan(0); // the input did have some
  });

  it('adds the owner condition at every scoped relation, nested ones and those inside $or/$not and components', () => {
    const text = JSON.stringify(scope({ $or: [{ customer: { contacts: { site: { name: 's' } } } }], $not: { customerToBill: { callName: 'b' } }, lines: { contact: { lastName: 'x' } } }));
    // customer, contact, site, customer (to bill), contact (in the line): five owner conditions
    expect(text.match(/"customer":\{"id":7\}|"id":7\}/g)?.length).toBe(5);
  });

  it('keeps $null/$notNull on a relation as is, reads a bare value as an id, leaves other types to the sanitizer', () => {
    expect(scope({ customerToBill: { $null: true } })).toEqual({ customerToBill: { $null: true } });
    expect(scope({ customer: 12 })).toEqual({ customer: { $and: [{ id: 12 }, owner('api::customer.customer')] } });
    expect(scope({ order: { number: 'x' } })).toEqual({ order: { number: 'x' } });
  });

  it('maps lists item by item', () => {
    expect(scope([{ number: 'a' }, { number: 'b', customer: { callName: 'c' } }])).toEqual([
      { number: 'a' },
      { $and: [{ number: 'b' }, { customer: { $and: [{ callName: 'c' }, owner('api::customer.customer')] } }] },
    ]);
  });
});

describe('splitKeys', () => {
  it('keeps a lone entry as it is', () => {
    expect(splitKeys([{ a: 1 }])).toEqual({ a: 1 });
    expect(splitKeys([])).toEqual({});
    expect(splitKeys([{ a: 1 }, { b: 2 }])).toEqual({ $and: [{ a: 1 }, { b: 2 }] });
  });
});
