/**
 * Rows read with knex, bypassing the query engine on hot paths, converted as the query engine
 * would give them: booleans as booleans (SQLite stores 0/1), JSON parsed, dates as ISO strings.
 * Amounts stay as the driver gives them (Postgres: an exact decimal string).
 */
/** A JSON column as the driver hands it: text (SQLite, MySQL) or already parsed (Postgres). */
export const jsonValue = (raw: unknown): unknown => (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? null));

export function attributeValue(type: string | undefined, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (type) {
    case 'boolean':
      return typeof raw === 'string' ? raw === 'true' || raw === '1' || raw === 't' : Boolean(raw);
    case 'json':
      return jsonValue(raw);
    case 'datetime':
    case 'timestamp': {
      const date = raw instanceof Date ? raw : new Date(raw as string | number);
      return Number.isNaN(date.getTime()) ? null : date.toISOString();
    }
    default:
      return raw;
  }
}

type Meta = { attributes: Record<string, any> };

/** Each model's attributes stored in a column of its own: `[name, column, type]` (a write reads rows of the same few models). */
const columnsOf = new WeakMap<Meta, [string, string, string | undefined][]>();
function stored(meta: Meta): [string, string, string | undefined][] {
  let columns = columnsOf.get(meta);
  if (!columns) {
    columns = Object.entries(meta.attributes).flatMap(([name, a]): [string, string, string | undefined][] => (a.columnName ? [[name, a.columnName, a.type]] : []));
    columnsOf.set(meta, columns);
  }
  return columns;
}

/** A model's row keyed by attribute names (`meta`: Strapi's database metadata of the model). */
export function attributeRow(meta: Meta, raw: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = { id: raw.id, documentId: raw.document_id };
  for (const [name, column, type] of stored(meta)) {
    if (column in raw) row[name] = attributeValue(type, raw[column]);
  }
  return row;
}
