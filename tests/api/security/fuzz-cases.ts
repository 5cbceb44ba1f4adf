import { Rng } from '../../../database/seeds/prng';

/** One generated bad request. */
export interface FuzzCase {
  method: string;
  path: string;
  /** a JSON value, or a raw string sent as is with `contentType` */
  body?: unknown;
  raw?: string;
  contentType?: string;
  label: string;
}

export interface RouteInfo {
  method: string;
  /** e.g. /api/customers/:id */
  template: string;
  /** path parameters may be real documentIds (core reads and updates only) */
  realIds?: boolean;
  /** the content type behind a core route, when there is one */
  uid?: string;
}

type Attributes = Record<string, any>;

/** Every content-API route Strapi serves, each mapped to the content type its body is about. */
export function contentApiRoutes(strapi: any): RouteInfo[] {
  const byPlural = new Map<string, string>();
  for (const [uid, ct] of Object.entries<any>(strapi.contentTypes)) if (uid.startsWith('api::')) byPlural.set(ct.info.pluralName, uid);
  const out: RouteInfo[] = [];
  for (const layer of strapi.server.listRoutes() as { path: string; methods: string[] }[]) {
    if (!layer.path.startsWith('/api/')) continue;
    const segments = layer.path.split('/');
    const uid = byPlural.get(segments[2]) ?? (segments[2] === 'credit-control' ? 'plugin::credit-control.policy' : undefined);
    const core = segments.length <= 4 && byPlural.has(segments[2]);
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) out.push({ method, template: layer.path, uid, realIds: core });
  }
  return out.sort((a, b) => `${a.template} ${a.method}`.localeCompare(`${b.template} ${b.method}`));
}

const HUGE = 'x'.repeat(100_000);

/** Values that are wrong for a field of this attribute type (or wrong everywhere). */
export function badValues(attribute: any): unknown[] {
  const common = [HUGE, { $gt: 1 }, ['a', 'b'], { nested: { deeper: true } }];
  switch (attribute?.type) {
    case 'decimal':
    case 'float':
      return ['1e400', 1e300, -1, '-1', 'NaN', '1e5', '12,50', 'Infinity', '0x10', '', true, {}, [1], '99999999999999999.999', ...common];
    case 'integer':
    case 'biginteger':
      return [1.5, '12abc', 2 ** 63, -(2 ** 63), 'NaN', '1e400', true, {}, ...common];
    case 'date':
      return ['2026-02-30', '2026-13-01', 'not-a-date', '30/02/2026', '2026-1-1x', true, ...common];
    case 'datetime':
      return ['2026-02-30T10:00:00Z', '2026-01-01T25:61:00Z', 'yesterday', ...common];
    case 'time':
      return ['25:00', 'noon', 12, ...common];
    case 'boolean':
      return ['maybe', 2, {}, [true], ...common];
    case 'enumeration':
      return ['notAValue', 1, '', ['a'], ...common];
    case 'email':
      return ['not-an-email', '@', 'a@', 12, ...common];
    case 'relation':
      return ['zzzzzzzzzzzzzzzzzzzzzzzz', 999999, -1, { connect: 'x' }, { connect: [{ documentId: 'nope' }] }, { set: 'x' }, [1, 'x', {}], { id: -1 }, { documentId: 123 }, HUGE];
    case 'component':
      return attribute.repeatable ? ['text', { a: 1 }, [1, 2], [{ unknownField: 1 }], HUGE] : ['text', [{ a: 1 }], 42, { unknownField: 1 }, HUGE];
    case 'media':
      return ['file', 999999, [{}], HUGE];
    case 'json':
      return [HUGE];
    case 'string':
    case 'text':
    case 'richtext':
    case 'uid':
      return [12, true, {}, [], HUGE, ...(attribute.maxLength ? ['a'.repeat(attribute.maxLength + 1)] : []), ...(attribute.regex ? ['!!!not matching!!!'] : [])];
    default:
      return common;
  }
}

/** French identifiers and VAT numbers that fail their check digit or format. */
const BAD_IDENTIFIERS: Record<string, unknown[]> = {
  siret: ['73282932000075', '1234', 'ABCDEFGHIJKLMN', '7328293200007400'],
  siren: ['732829321', '12', 'ABCDEFGHI'],
  vatNumber: ['FR00732829320', 'XX123', 'FR'],
  vat: ['FR00732829320', 'XX123'],
};

const PATH_PARAMS = ['zzzzzzzzzzzzzzzzzzzzzzzz', '%00', "' OR 1=1 --", '..%2F..%2Fetc%2Fpasswd', '-1', '1e400', 'a'.repeat(3000), '%7B%7D'];

const BAD_QUERIES = [
  'filters[unknownField][$eq]=1',
  'filters[id][$notAnOperator]=1',
  'filters[$or]=x',
  'filters[$and][0][$or][0][nope]=1',
  'sort=nope:asc',
  'sort[0]=documentId:sideways',
  'pagination[pageSize]=-1',
  'pagination[page]=1e400',
  'pagination[page]=abc&pagination[pageSize]=abc',
  'pagination[start]=-5&pagination[limit]=NaN',
  'populate[nope]=*',
  'populate=nope',
  'populate[0]=a.b.c.d.e.f',
  'fields[0]=nope',
  'fields=password',
  `filters[documentId][$eq]=${'y'.repeat(20_000)}`,
  `${'filters'}${'[a]'.repeat(40)}=1`,
  'filters[createdAt][$gt]=2026-02-30',
  'filters[createdAt][$between][0]=x',
  'locale=zz-ZZ&status=nope',
];

const SYSTEM = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'];

/** A body for a write that is wrong in 1 to 3 fields (on top of a base that may be valid). */
function badData(rng: Rng, attributes: Attributes, base: Record<string, unknown>): { data: Record<string, unknown>; label: string } {
  const fields = Object.keys(attributes).filter((name) => !SYSTEM.includes(name));
  const data: Record<string, unknown> = { ...base };
  const labels: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i += 1) {
    const roll = rng.next();
    if (roll < 0.1 || fields.length === 0) {
      data[`unknown_${rng.int(1, 99)}`] = 'x';
      labels.push('unknown field');
      continue;
    }
    const name = rng.pick(fields);
    const identifier = BAD_IDENTIFIERS[name];
    const value = identifier && rng.chance(0.7) ? rng.pick(identifier) : rng.pick(badValues(attributes[name]));
    data[name] = value;
    labels.push(`${name}=${typeof value === 'string' ? value.slice(0, 20) : JSON.stringify(value)?.slice(0, 20)}`);
  }
  return { data, label: labels.join(', ') };
}

/**
 * `count` bad requests spread over `routes`, deterministic for a seed. Path parameters get fake or
 * real documentIds (real ones only for reads and updates: a DELETE never gets a real id, since a
 * valid delete is not a bad request) or hostile strings; writes get bodies wrong in 1-3 fields,
 * malformed JSON, a wrong content type, an array or a string for `data`.
 */
export function generateCases(
  seed: number,
  count: number,
  routes: RouteInfo[],
  attributesOf: (uid: string) => Attributes,
  realIdOf: (uid: string) => string | undefined,
  baseOf: (uid: string) => Record<string, unknown>
): FuzzCase[] {
  const rng = new Rng(seed, 'fuzz');
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i += 1) {
    const route = routes[i % routes.length];
    const real = route.uid && route.realIds && route.method !== 'DELETE' ? realIdOf(route.uid) : undefined;
    const param = () => (real && rng.chance(0.5) ? real : rng.chance(0.5) ? rng.documentId() : rng.pick(PATH_PARAMS));
    let path = route.template.replace(/:[A-Za-z]+/g, param);
    let label = route.method + ' ' + route.template;
    if (route.method === 'GET' || route.method === 'DELETE' || rng.chance(0.2)) {
      const query = rng.pick(BAD_QUERIES);
      path += `?${query}`;
      label += ` ?${query.slice(0, 40)}`;
    }
    if (route.method === 'GET' || route.method === 'DELETE') {
      cases.push({ method: route.method, path, label });
      continue;
    }
    const attributes = route.uid ? attributesOf(route.uid) : {};
    const shape = rng.weighted({ fields: 6, malformed: 1, contentType: 1, arrayData: 1, stringData: 1, noData: 1, topArray: 1 });
    switch (shape) {
      case 'fields': {
        const { data, label: what } = badData(rng, attributes, route.uid ? baseOf(route.uid) : {});
        // custom routes read top-level fields as well as `data`
        const body = rng.chance(0.5) ? { data } : { ...data, data };
        cases.push({ method: route.method, path, body, label: `${label} ${what}` });
        break;
      }
      case 'malformed':
        cases.push({ method: route.method, path, raw: rng.pick(['{"data":', '{data: 1}', '[1,2', '{"data": {"a": }}', '\u0000', '{"a":1}}']), contentType: 'application/json', label: `${label} malformed JSON` });
        break;
      case 'contentType':
        cases.push({ method: route.method, path, raw: rng.pick(['<data><a>1</a></data>', 'data=1&x=2', 'plain text']), contentType: rng.pick(['application/xml', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz']), label: `${label} wrong content type` });
        break;
      case 'arrayData':
        cases.push({ method: route.method, path, body: { data: [{ a: 1 }, 2] }, label: `${label} data is an array` });
        break;
      case 'stringData':
        cases.push({ method: route.method, path, body: { data: rng.pick(['x', HUGE, '1e400']) }, label: `${label} data is a string` });
        break;
      case 'noData':
        cases.push({ method: route.method, path, body: rng.pick([{}, { unknown: 1 }, { data: null }]), label: `${label} no data` });
        break;
      default:
        cases.push({ method: route.method, path, body: [1, 'two', { three: 3 }], label: `${label} body is an array` });
    }
  }
  return cases;
}
