/** A statement as the connection's query event gives it: its text, its values, and the driver options (a Postgres statement's name). */
export interface SentQuery {
  sql: string;
  bindings: unknown[];
  options?: { name?: string };
}

/** The queries a piece of work sends, from the connection's query event (counted, never timed). */
export async function queriesOf(strapi: any, work: () => Promise<unknown>): Promise<SentQuery[]> {
  const knex: any = strapi.db.connection;
  const seen: SentQuery[] = [];
  const onQuery = (query: SentQuery) => seen.push(query);
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.off('query', onQuery);
  }
  return seen;
}

/** The SQL statements a piece of work runs. */
export async function statementsOf(strapi: any, work: () => Promise<unknown>): Promise<string[]> {
  return (await queriesOf(strapi, work)).map((query) => query.sql);
}

/** A table name as a statement writes it, whatever the quoting and schema prefix of the database. */
const tableRef = (table: string) => `([\`"]\\w+[\`"]\\.)?[\`"]${table}[\`"]`;

/** A read: a select, or a statement whose first CTE is one (a write's statement opens with its insert or update). */
export const isRead = (sql: string): boolean => /^\s*(select\b|with\s+\w+\s+as\s*\(\s*select\b)/i.test(sql);

/** The statements that read `table` (a from or a join). */
export const reading = (statements: string[], table: string) => statements.filter((sql) => isRead(sql) && new RegExp(`(from|join) ${tableRef(table)}`, 'i').test(sql));

/** The statements that join `table` (a where through a relation joins its target's table). */
export const joining = (statements: string[], table: string) => statements.filter((sql) => new RegExp(`join ${tableRef(table)}`, 'i').test(sql));
