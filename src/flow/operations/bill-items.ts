import type { Core } from '@strapi/strapi';
import { itemsToBill, type Item, type ItemSource } from '../../domain/flow/billed-once';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { refuse } from '../../rules/validation-error';
import { heldItems, readItemSource, specsInto, type ItemSpec } from '../billed-once';
import { lockDocuments } from '../documents';
import { callerFields, numberFor, onlyKnown, priced, today } from './make';
import { isoDateOf } from './contract-delivery';
import { say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

export const HEADER_FIELDS = ['number', 'date', 'deliveredOn'];
/** What a billed-once operation makes: its type, number prefix, first state and the header fields a caller gives. */
export interface Made { uid: string; prefix: string; state: string; fields?: string[] }
export const NOTE: Made = { uid: FLOW_UIDS.delivery, prefix: 'DEL', state: 'delivered' };
/** The way `to` bills the items of `from` (its `items` component, when it bills several). */
export const specOf = (from: string, to: string = FLOW_UIDS.delivery, items?: string): ItemSpec =>
  specsInto(to).find((s) => s.from === from && (!items || s.items === items)) as ItemSpec;

/** A source with the items still to bill (billable, held by no document), read with the source locked. */
export async function toBill(strapi: Core.Strapi, spec: ItemSpec, ids: string[], populate: Record<string, unknown> = {}) {
  await lockDocuments(strapi, spec.from, ids);
  const found: { source: ItemSource & { row: any }; items: Item[] }[] = [];
  for (const id of ids) {
    const source = await readItemSource(strapi, spec, id, populate);
    if (!source) throw notFound(say('documentNotFound', { document: documentWord(spec.from, id) }));
    found.push({ source, items: itemsToBill(spec, source, await heldItems(strapi, spec, id)) });
  }
  return found;
}

/** The article a line bills under: its own, the one the caller names, else the configured one (by code). */
export async function articleFor(strapi: Core.Strapi, body: Record<string, unknown>, configKey: string): Promise<string> {
  if (body.article !== undefined) {
    if (typeof body.article !== 'string' || (await strapi.db.query('api::article.article').count({ where: { documentId: body.article } })) === 0) refuse('article', say('articleNotDocumentId'));
    return body.article as string;
  }
  const code = String(strapi.config.get(`sales-flow.${configKey}`, ''));
  const found: any = code ? await strapi.db.query('api::article.article').findOne({ where: { code }, select: ['id', 'documentId'] }) : null;
  if (!found) refuse('article', say('articleNeeded', { code }));
  return found.documentId;
}

/**
 * Makes one document (a delivery note unless told) of items of `spec`'s sources (their keys named on the lines), or its
 * preview, in the current transaction: the flow middleware checks that no item is billed twice.
 */
export async function makeNote(strapi: Core.Strapi, data: Record<string, unknown>, body: Record<string, unknown>, made: Made = NOTE) {
  if (body.date !== undefined) isoDateOf(body, 'date', '');
  const date = (body.date as string) ?? today();
  const note: Record<string, unknown> = { state: made.state, date, ...(made.uid === FLOW_UIDS.delivery ? { deliveredOn: date } : {}), ...data, ...callerFields(body, made.fields ?? HEADER_FIELDS) };
  if (body.preview === true || body.preview === 'true') return { preview: true, data: priced(note) };
  if (!note.number) note.number = await numberFor(strapi, made.uid, made.prefix, String(note.date));
  return { preview: false, data: await strapi.documents(made.uid as any).create({ data: note as any, populate: ['lines'] as any }) };
}
