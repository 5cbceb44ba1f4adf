/** The SQL statements a piece of work runs, from the connection's query event (counted, never timed). */
export async function statementsOf(strapi: any, work: () => Promise<unknown>): Promise<string[]> {
  const knex: any = strapi.db.connection;
  const seen: string[] = [];
  const onQuery = (query: { sql: string }) => seen.push(query.sql);
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.off('query', onQuery);
  }
  return seen;
}

/** A table name as a statement writes it, whatever the quoting and schema prefix of the database. */
const tableRef = (table: string) => `([\`"]\\w+[\`"]\\.)?[\`"]${table}[\`"]`;

/** The statements that read `table` (a from or a join). */
export const reading = (statements: string[], table: string) =>
  statements.filter((sql) => /^\s*select/i.test(sql) && new RegExp(`(from|join) ${tableRef(table)}`, 'i').test(sql));

/** The statements that join `table` (a where through a relation joins its target's table). */
export const joining = (statements: string[], table: string) => statements.filter((sql) => new RegExp(`join ${tableRef(table)}`, 'i').test(sql));
