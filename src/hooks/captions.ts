// Every captioned type (a label file with a `caption` template) stores its caption on each write, on
// every path, and existing rows get theirs at boot: relation pickers show "code – call name".
import type { Core } from '@strapi/strapi';
import { allTypeLabels } from '../labels';
import { captionFields, renderCaption } from '../labels/caption';
import { columnOf, tableOf } from '../repositories/sql';

const BATCH = 500;

function captionTemplates(): Map<string, string> {
  return new Map([...allTypeLabels().values()].filter((l) => l.caption).map((l) => [l.uid, l.caption!]));
}

export function registerCaptions(strapi: Core.Strapi): void {
  const templates = captionTemplates();
  strapi.documents.use(async (ctx, next) => {
    const template = templates.get(ctx.uid);
    if (!template || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();
    delete data.caption; // derived: what a client sends is not kept
    const fields = captionFields(template);
    if (ctx.action === 'update' && !fields.some((f) => f in data)) return next();
    const missing = fields.filter((f) => !(f in data));
    const stored =
      ctx.action === 'update' && missing.length && params.documentId
        ? ((await strapi.db.query(ctx.uid as never).findOne({ where: { documentId: params.documentId }, select: missing })) ?? {})
        : {};
    data.caption = renderCaption(template, { ...stored, ...data });
    return next();
  });
}

/** Rows written before their type had a caption, or around the document service (imports, seeds). */
export async function fillCaptions(strapi: Core.Strapi): Promise<void> {
  for (const [uid, template] of captionTemplates()) {
    const fields = captionFields(template);
    let after = 0;
    for (;;) {
      const rows = (await strapi.db.query(uid as never).findMany({
        where: { caption: { $null: true }, id: { $gt: after } },
        select: ['id', ...fields],
        orderBy: { id: 'asc' },
        limit: BATCH,
      })) as Record<string, unknown>[];
      if (!rows.length) break;
      // a caption is derived, not an edit: written past the query engine, which would stamp every row as edited now
      const table = tableOf(strapi, uid);
      const column = columnOf(strapi, uid, 'caption');
      await strapi.db.transaction(async ({ trx }) => {
        for (const row of rows) {
          const caption = renderCaption(template, row);
          if (caption) await trx(table).where({ id: row.id }).update({ [column]: caption });
        }
      });
      after = Number(rows[rows.length - 1].id);
    }
  }
}
