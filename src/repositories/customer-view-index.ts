/**
 * The 360 view's maintained index (README, "P7"): per customer, the rows of its merged sections
 * (sales, purchases) in the order the view lists them, and per customer, section and type how many
 * it shows. A page is a range of one index, the totals a few rows, whatever the customer's history.
 * Kept on every write (src/hooks/customer-view-index.ts) in the write's transaction; `rebuild`
 * recomputes it from the documents (boot, seeders).
 */
import type { Core } from '@strapi/strapi';
import type { PageParams } from '../http/paging';
import { indexChanges, indexFingerprint, type IndexedPart, type IndexRow } from '../domain/view-index';
import type { MergedPage } from './newest-across';
import { batchedRun, batchesWrites, compile, compiledCache, runCompiled, slot } from './compiled';
import { takeDeferred } from './deferred-writes';
import { columnOf, linksAlong, sqlClient, tableOf, withKnex } from './sql';

export const VIEW_TABLES = { rows: 'customer_view_rows', counts: 'customer_view_counts' } as const;
const PAGE_INDEX = 'customer_view_rows_page_idx';
const COLUMNS = ['customer_id', 'section', 'uid', 'part_rank', 'doc_id', 'sort_date', 'undated', 'shown'];
/** ids per statement: far below SQLite's bound variables */
const CHUNK = 500;
const STORE = { type: 'app', name: 'customer-view-index' } as const;
// 1: the first index
const VERSION = 1;

const chunks = <T>(list: T[], size = CHUNK): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const asRow = (r: any): IndexRow => ({
  customerId: Number(r.customer_id), section: String(r.section), uid: String(r.uid), rank: Number(r.part_rank), docId: Number(r.doc_id),
  sortDate: r.sort_date === null || r.sort_date === undefined ? null : String(r.sort_date), undated: Number(r.undated), shown: Number(r.shown),
});
const toColumns = (r: IndexRow) => ({
  customer_id: r.customerId, section: r.section, uid: r.uid, part_rank: r.rank, doc_id: r.docId, sort_date: r.sortDate, undated: r.undated, shown: r.shown,
});

export async function ensureViewTables(strapi: Core.Strapi): Promise<void> {
  // a fresh schema builder per statement: a reused one replays its earlier statements
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(VIEW_TABLES.rows))) {
    await schema().createTable(VIEW_TABLES.rows, (table) => {
      table.integer('customer_id').notNullable();
      table.string('section', 16).notNullable();
      table.string('uid', 255).notNullable();
      table.integer('part_rank').notNullable();
      table.integer('doc_id').notNullable();
      table.date('sort_date');
      table.smallint('undated').notNullable();
      table.smallint('shown').notNullable();
      table.primary(['uid', 'doc_id', 'customer_id']);
    });
    // the view's order, so that a page is a range scan: newest first, undated last, then type, then id (newest first)
    await strapi.db.connection.raw(`create index ?? on ?? (customer_id, section, shown, undated, sort_date desc, part_rank, doc_id desc)`, [PAGE_INDEX, VIEW_TABLES.rows]);
  }
  if (!(await schema().hasTable(VIEW_TABLES.counts))) {
    await schema().createTable(VIEW_TABLES.counts, (table) => {
      table.integer('customer_id').notNullable();
      table.string('section', 16).notNullable();
      table.string('uid', 255).notNullable();
      table.integer('n').notNullable().defaultTo(0);
      table.primary(['customer_id', 'section', 'uid']);
    });
  }
}

export function customerViewIndex(strapi: Core.Strapi, parts: IndexedPart[]) {
  const partsOf = (uid: string) => parts.filter((p) => p.uid === uid);

  /** The (document, customer) pairs of `part`, along any of its paths, on the link tables alone (a union). */
  function reaching(knex: any, part: IndexedPart, ids: number[] | null) {
    const [first, ...rest] = part.paths.map((path) => {
      const links = linksAlong(strapi, part.uid, path);
      const last = links.length - 1;
      const query = knex(`${links[0].name} as p0`).select({ doc_id: `p0.${links[0].joinColumn.name}`, customer_id: `p${last}.${links[last].inverseJoinColumn.name}` });
      links.forEach((link, i) => {
        if (i > 0) query.join(`${link.name} as p${i}`, `p${i}.${link.joinColumn.name}`, `p${i - 1}.${links[i - 1].inverseJoinColumn.name}`);
        for (const [column, value] of Object.entries(link.on ?? {})) query.where(`p${i}.${column}`, value);
      });
      if (ids) query.whereIn(`p0.${links[0].joinColumn.name}`, ids);
      return query;
    });
    return rest.length ? first.union(rest) : first;
  }

  /** The index rows of `part`'s documents `ids` (every document when null), as the documents say. */
  function rowsQuery(knex: any, part: IndexedPart, ids: number[] | null) {
    const date = columnOf(strapi, part.uid, part.dateField);
    const { states, keepNoState } = part.leaveOut;
    const state = states.length ? columnOf(strapi, part.uid, 'state') : null;
    // the rank and flags are ours (numbers), inlined so Postgres knows their type in an insert's select
    const shown = state ? `case when d.?? is null then ${keepNoState ? 1 : 0} when d.?? in (${states.map(() => '?').join(', ')}) then 0 else 1 end` : '1';
    const query = knex
      .from(reaching(knex, part, ids).as('l'))
      .join(`${tableOf(strapi, part.uid)} as d`, 'd.id', 'l.doc_id')
      .select(
        knex.raw(
          `l.customer_id as customer_id, ? as section, ? as uid, ${Number(part.rank)} as part_rank, d.id as doc_id, d.?? as sort_date, case when d.?? is null then 1 else 0 end as undated, ${shown} as shown`,
          [part.section, part.uid, date, date, ...(state ? [state, state, ...states] : [])]
        )
      );
    return ids ? query.whereIn('d.id', ids) : query;
  }

  /** Adds the shown counts' changes (an upsert: a customer's first row of a type makes its count). */
  async function moveCounts(knex: any, counts: ReturnType<typeof indexChanges>['counts']) {
    for (const slice of chunks(counts)) {
      await knex(VIEW_TABLES.counts)
        .insert(slice.map((c) => ({ customer_id: c.customerId, section: c.section, uid: c.uid, n: c.delta })))
        .onConflict(['customer_id', 'section', 'uid'])
        .merge({ n: knex.raw('?? + ??', [`${VIEW_TABLES.counts}.n`, 'excluded.n']) });
    }
  }

  /** The insert of `part`'s rows of documents `ids`. */
  function rowsInsert(knex: any, part: IndexedPart, ids: number[]) {
    const { sql, bindings } = rowsQuery(knex, part, ids).toSQL();
    return knex.raw(`insert into ?? (${COLUMNS.map(() => '??').join(', ')}) ${sql}`, [VIEW_TABLES.rows, ...COLUMNS, ...bindings]);
  }

  /** The upsert of the shown counts of `uid`'s documents `ids`, from their rows. */
  function countsUpsert(knex: any, uid: string, ids: number[]) {
    const counted = knex(VIEW_TABLES.rows)
      .select('customer_id', 'section', 'uid', knex.raw('count(*) as n'))
      .where({ uid, shown: 1 })
      .whereIn('doc_id', ids)
      .groupBy('customer_id', 'section', 'uid');
    // knex drops `onConflict` from an insert of a select: the upsert is spelled out
    const { sql, bindings } = counted.toSQL();
    const upsert = sqlClient(strapi) === 'mysql' ? 'on duplicate key update n = n + values(n)' : 'on conflict (customer_id, section, uid) do update set n = ??.n + excluded.n';
    return knex.raw(`insert into ?? (customer_id, section, uid, n) ${sql} ${upsert}`, [VIEW_TABLES.counts, ...bindings, ...(upsert.includes('??') ? [VIEW_TABLES.counts] : [])]);
  }

  // one shape per type, part and number of documents: compiled once each
  const compiled = compiledCache();
  const slots = (ids: number[]) => ids.map((_, i) => slot(i) as unknown as number);

  /**
   * The rows of documents just created (none yet), then their counts: a statement per part and one
   * for the counts, whatever the rows; on Postgres (`batchesWrites`) one in all, the counts taken
   * from the rows the inserts return, with the statements deferred to it (the dashboard's sums).
   */
  async function insertCreated(knex: any, uid: string, ids: number[]) {
    const connection = strapi.db.connection;
    const inserts = partsOf(uid).map((part, i) => ({ compiled: compiled(`rows|${uid}|${i}|${ids.length}`, () => compile(strapi, rowsInsert(connection, part, slots(ids)))), values: ids }));
    if (batchesWrites(strapi)) {
      const deferred = takeDeferred();
      const rows = inserts.map((_, i) => `select customer_id, section, uid from w${deferred.length + i} where shown = 1`).join(' union all ');
      const counts = `insert into ${VIEW_TABLES.counts} (customer_id, section, uid, n) select customer_id, section, uid, count(*) from (${rows}) r group by customer_id, section, uid on conflict (customer_id, section, uid) do update set n = ${VIEW_TABLES.counts}.n + excluded.n`;
      const returning = [...deferred.map(() => '1'), ...inserts.map(() => 'customer_id, section, uid, shown')];
      await batchedRun(strapi, knex, compiled, [...deferred, ...inserts], { key: 'counts', sql: counts, returning });
      return;
    }
    for (const insert of inserts) await runCompiled(strapi, knex, insert.compiled, insert.values);
    await runCompiled(strapi, knex, compiled(`counts|${uid}|${ids.length}`, () => compile(strapi, countsUpsert(connection, uid, slots(ids)))), ids);
  }

  /** Rewrites the rows of `uid`'s documents `ids` that differ from the documents, and moves the counts. */
  async function refreshChunk(knex: any, uid: string, ids: number[], lock: boolean, created: boolean) {
    // a refresh of documents this write did not write (their supplier or order moved) waits for their own writers
    if (lock && sqlClient(strapi) !== 'sqlite') await knex(tableOf(strapi, uid)).select('id').whereIn('id', ids).orderBy('id').forUpdate();
    // a document this write created has no rows yet: its rows are written from the documents, and counted, in SQL
    if (created) return insertCreated(knex, uid, ids);
    const stored: IndexRow[] = (await knex(VIEW_TABLES.rows).select(COLUMNS).where('uid', uid).whereIn('doc_id', ids)).map(asRow);
    const fresh: IndexRow[] = [];
    for (const part of partsOf(uid)) fresh.push(...(await rowsQuery(knex, part, ids)).map(asRow));
    const changes = indexChanges(stored, fresh);
    if (changes.docs.length === 0) return;
    const had = new Set(stored.map((r) => r.docId));
    const gone = changes.docs.filter((doc) => had.has(doc));
    if (gone.length) await knex(VIEW_TABLES.rows).where('uid', uid).whereIn('doc_id', gone).del();
    for (const slice of chunks(changes.insert, 100)) await knex(VIEW_TABLES.rows).insert(slice.map(toColumns));
    await moveCounts(knex, changes.counts);
  }

  return {
    parts,

    indexes: (uid: string) => partsOf(uid).length > 0,

    /**
     * Brings the rows of `uid`'s documents `ids` (written, moved or deleted) in line with them, in the
     * current transaction. `lock`: documents this write did not write; `created`: documents it just created.
     */
    async refresh(uid: string, ids: number[], { lock = false, created = false }: { lock?: boolean; created?: boolean } = {}): Promise<void> {
      if (!partsOf(uid).length || !ids.length) return;
      const unique = [...new Set(ids.map(Number))].sort((a, b) => a - b);
      await withKnex(strapi, async (knex) => {
        for (const slice of chunks(unique)) await refreshChunk(knex, uid, slice, lock, created);
      });
    },

    /** The customers `ids` are gone: their rows and counts too. */
    async forgetCustomers(ids: number[]): Promise<void> {
      if (!ids.length) return;
      await withKnex(strapi, async (knex) => {
        await knex(VIEW_TABLES.rows).whereIn('customer_id', ids).del();
        await knex(VIEW_TABLES.counts).whereIn('customer_id', ids).del();
      });
    },

    /** Recomputes the whole index from the documents, in one transaction; remembers what it was built from. */
    async rebuild(): Promise<number> {
      await strapi.db.transaction(async ({ trx }: any) => {
        await trx(VIEW_TABLES.rows).del();
        await trx(VIEW_TABLES.counts).del();
        for (const part of parts) {
          const { sql, bindings } = rowsQuery(trx, part, null).toSQL();
          await trx.raw(`insert into ?? (${COLUMNS.map(() => '??').join(', ')}) ${sql}`, [VIEW_TABLES.rows, ...COLUMNS, ...bindings]);
        }
        const counted = trx(VIEW_TABLES.rows).select('customer_id', 'section', 'uid', trx.raw('count(*) as n')).where('shown', 1).groupBy('customer_id', 'section', 'uid');
        const { sql, bindings } = counted.toSQL();
        await trx.raw(`insert into ?? (customer_id, section, uid, n) ${sql}`, [VIEW_TABLES.counts, ...bindings]);
      });
      await strapi.store(STORE).set({ key: 'fingerprint', value: indexFingerprint(parts, VERSION) });
      const [{ n }] = await strapi.db.connection(VIEW_TABLES.rows).count({ n: '*' });
      return Number(n);
    },

    /** At boot: rebuilt when built from another declaration, or empty while there are documents (bulk inserts, an older database). */
    async ensureBuilt(): Promise<boolean> {
      const built = await strapi.store(STORE).get({ key: 'fingerprint' });
      const knex = strapi.db.connection;
      let stale = built !== indexFingerprint(parts, VERSION);
      if (!stale && !(await knex(VIEW_TABLES.rows).first('doc_id'))) {
        for (const uid of new Set(parts.map((p) => p.uid))) if (await knex(tableOf(strapi, uid)).first('id')) stale = true;
      }
      if (stale) await this.rebuild();
      return stale;
    },

    /**
     * The totals of `shown` (some of a section's parts, in the section's order) and page `page` of
     * their rows merged: a range of the index and the maintained counts, two statements.
     */
    async page(customerId: number, section: string, shown: IndexedPart[], { page, pageSize }: PageParams): Promise<MergedPage> {
      if (shown.length === 0) return { totals: [], rows: [] };
      const partOfRank = new Map(shown.map((p, i) => [p.rank, i]));
      const every = shown.length === parts.filter((p) => p.section === section).length;
      return withKnex(strapi, async (knex) => {
        const rows = knex(VIEW_TABLES.rows)
          .select('part_rank', 'doc_id')
          .where({ customer_id: customerId, section, shown: 1 })
          .orderBy([{ column: 'undated', order: 'asc' }, { column: 'sort_date', order: 'desc' }, { column: 'part_rank', order: 'asc' }, { column: 'doc_id', order: 'desc' }])
          .limit(pageSize)
          .offset((page - 1) * pageSize);
        if (!every) rows.whereIn('part_rank', shown.map((p) => p.rank));
        const [found, counts] = await Promise.all([rows, knex(VIEW_TABLES.counts).select('uid', 'n').where({ customer_id: customerId, section })]);
        const byUid = new Map((counts as any[]).map((c) => [String(c.uid), Number(c.n)]));
        return {
          totals: shown.map((p) => byUid.get(p.uid) ?? 0),
          rows: (found as any[]).map((r) => ({ part: partOfRank.get(Number(r.part_rank)) as number, id: Number(r.doc_id) })),
        };
      });
    },

    /** The documents of `part` that reach the rows `ids` of the model `prefix` leads to (a supplier's purchase documents). */
    async reachingThrough(part: IndexedPart, prefix: string[], ids: number[]): Promise<number[]> {
      if (!ids.length) return [];
      return withKnex(strapi, async (knex) => {
        const found: number[] = [];
        for (const slice of chunks(ids)) {
          const links = linksAlong(strapi, part.uid, prefix);
          // walk back from the rows reached to the documents, on the link tables
          let query: any = null;
          for (let i = links.length - 1; i >= 0; i -= 1) {
            const link = links[i];
            const step = knex(link.name).select(link.joinColumn.name);
            for (const [column, value] of Object.entries(link.on ?? {})) step.where(column, value);
            query = query ? step.whereIn(link.inverseJoinColumn.name, query) : step.whereIn(link.inverseJoinColumn.name, slice);
          }
          found.push(...(await query).map((r: any) => Number(Object.values(r)[0])));
        }
        return found;
      });
    },
  };
}

export type CustomerViewIndex = ReturnType<typeof customerViewIndex>;
