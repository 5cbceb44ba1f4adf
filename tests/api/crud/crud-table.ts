/**
 * Table-driven REST CRUD: for each case, create (201) → read (populate) → list filtered on a
 * relation → update (PUT) → delete (204, then 404). Tests of one case share state and run in order.
 */
import qs from 'qs';
import { dec, Factories, type Data, type Doc } from '../../helpers/factories';
import type { TestApp } from '../../helpers/strapi';

/** documentId of a to-one relation, documentIds of a to-many, or null for an empty relation */
export type Rel = string | string[] | null;

export interface Built {
  /** the `data` sent */
  data: Data;
  /** relations set by `data`, as documentIds, checked on read (populate=*) */
  relations: Record<string, Rel>;
  /** expected scalar values that differ from `data` or are computed by the server (totals, codes…) */
  expect?: Data;
}

export interface Update extends Built {
  /** further checks on the record read back after the update (deep-populated when the case has `deep`) */
  check?: (doc: Doc) => void;
}

export interface CrudCase {
  name: string;
  plural: string;
  build: (f: Factories) => Promise<Built>;
  /** checks of components on a record (create response and read-back) */
  components?: (doc: Doc, built: Built) => void;
  /** populate for relations inside components, and checks on the deep read */
  deep?: { populate: object; check: (doc: Doc, built: Built) => void };
  /** list filter: path under `filters` and its value; the value is specific to this record */
  list: { path: string[]; value: (built: Built) => string };
  update: (f: Factories, doc: Doc, built: Built) => Promise<Update>;
}

export const byRel = (relation: string): CrudCase['list'] => ({
  path: [relation, 'documentId'],
  value: (b) => b.relations[relation] as string,
});
export const byField = (field: string): CrudCase['list'] => ({ path: [field], value: (b) => b.data[field] as string });

const DECIMAL = /^-?\d+\.(\d+)$/;

/** Every scalar of `expected` is on `doc`; decimal strings are compared exactly at their own scale. */
export function expectScalars(doc: Doc, expected: Data, skip: Record<string, unknown> = {}) {
  for (const [key, value] of Object.entries(expected)) {
    if (key in skip || (value !== null && typeof value === 'object')) continue;
    const match = typeof value === 'string' ? DECIMAL.exec(value) : null;
    const actual = match ? dec(doc[key], match[1].length) : doc[key];
    expect({ [key]: actual }).toEqual({ [key]: value });
  }
}

export const ids = (docs: { documentId: string }[] | null | undefined) => (docs ?? []).map((d) => d.documentId).sort();

/** Each relation of `relations` is populated on `doc` with the expected documentId(s). */
export function expectRelations(doc: Doc, relations: Record<string, Rel>) {
  for (const [key, value] of Object.entries(relations)) {
    const actual = Array.isArray(value) ? ids(doc[key]) : (doc[key]?.documentId ?? null);
    expect({ [key]: actual }).toEqual({ [key]: Array.isArray(value) ? [...value].sort() : value });
  }
}

export const query = (params: object) => qs.stringify(params, { encodeValuesOnly: true });

export function describeCrud(getApp: () => TestApp, cases: CrudCase[]) {
  const api = () => getApp().api();
  const f = () => new Factories(getApp().api);

  for (const c of cases) {
    describe(`${c.name} (/api/${c.plural})`, () => {
      let built: Built;
      let doc: Doc;
      const get = (populate: object | string = '*') => api().get(`/api/${c.plural}/${doc.documentId}?${query({ populate })}`);
      const expected = (b: Built) => ({ ...b.data, ...b.expect });

      it('creates: 201 with its fields, components, relations and server-computed values', async () => {
        built = await c.build(f());
        const res = await api().post(`/api/${c.plural}?populate=*`).send({ data: built.data });
        expect({ status: res.status, error: res.body?.error }).toEqual({ status: 201, error: undefined });
        doc = res.body.data;
        expect(doc.documentId).toMatch(/^[a-z0-9]{24}$/);
        expectScalars(doc, expected(built), built.relations);
        expectRelations(doc, built.relations);
        c.components?.(doc, built);
      });

      it('reads it back with populate=*: fields, components and relation documentIds', async () => {
        const res = await get();
        expect(res.status).toBe(200);
        expect(res.body.data.documentId).toBe(doc.documentId);
        expectScalars(res.body.data, expected(built), built.relations);
        expectRelations(res.body.data, built.relations);
        c.components?.(res.body.data, built);
        if (c.deep) {
          const deep = await get(c.deep.populate);
          expect(deep.status).toBe(200);
          c.deep.check(deep.body.data, built);
        }
      });

      it('lists it with a filter on a relation (or code)', async () => {
        const filters = c.list.path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), { $eq: c.list.value(built) });
        const res = await api().get(`/api/${c.plural}?${query({ filters })}`);
        expect(res.status).toBe(200);
        expect(res.body.data.map((d: Doc) => d.documentId)).toEqual([doc.documentId]);
        expect(res.body.meta.pagination.total).toBe(1);
      });

      it('updates it (PUT): fields, relations and computed values persist', async () => {
        const update = await c.update(f(), doc, built);
        const res = await api().put(`/api/${c.plural}/${doc.documentId}`).send({ data: update.data });
        expect({ status: res.status, error: res.body?.error }).toEqual({ status: 200, error: undefined });
        expect(res.body.data.documentId).toBe(doc.documentId);
        expectScalars(res.body.data, expected(update), update.relations);

        const read = await get();
        expect(read.status).toBe(200);
        expectScalars(read.body.data, { ...expected(built), ...expected(update) }, { ...built.relations, ...update.relations });
        // relations the update did not mention are kept
        expectRelations(read.body.data, { ...built.relations, ...update.relations });
        if (update.check) {
          const deep = c.deep ? await get(c.deep.populate) : read;
          expect(deep.status).toBe(200);
          update.check(deep.body.data);
        }
      });

      it('deletes it: 204, then GET → 404 and the list no longer has it', async () => {
        const res = await api().delete(`/api/${c.plural}/${doc.documentId}`);
        expect(res.status).toBe(204);
        const after = await get();
        expect(after.status).toBe(404);
        expect(after.body.error?.name).toBe('NotFoundError');
        const list = await api().get(`/api/${c.plural}?${query({ filters: { documentId: { $eq: doc.documentId } } })}`);
        expect(list.status).toBe(200);
        expect(list.body.data).toEqual([]);
      });
    });
  }
}

/** Boots one app for the file; `getApp()` is valid inside tests. */
export function useApp(start: () => Promise<TestApp>): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await start();
  });
  afterAll(async () => {
    await app?.stop();
  });
  return () => {
    if (!app) throw new Error('app not started');
    return app;
  };
}
