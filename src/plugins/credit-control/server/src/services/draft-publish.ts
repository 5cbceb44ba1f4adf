import type { Core } from '@strapi/strapi';
import type { Mapping } from '../core';
import { contentTypeOf } from '../utils/content-type';

/**
 * Draft & publish: the engine counts the published version only, so a write that leaves it as it
 * was (a draft create, update or clone; discarding a draft) changes no exposure and is not
 * checked. The check happens when the change becomes effective: on publish, or on a create or
 * update sent with `status: 'published'`. Strapi publishes inside those calls (it deletes the old
 * published row and creates the new one below the document-service middleware), so the
 * middleware sees, decides and counts each publish once.
 */
export const isDraftAndPublish = (strapi: Core.Strapi, uid: string): boolean =>
  Boolean(contentTypeOf(strapi, uid)?.options?.draftAndPublish);

export function leavesPublishedVersion(strapi: Core.Strapi, mapping: Mapping, ctx: { uid: string; action: string; params?: any }): boolean {
  if (!(ctx.uid in mapping.documents)) return false; // call taking is checked at creation, whatever the status
  if (!isDraftAndPublish(strapi, ctx.uid)) return false;
  if (ctx.action === 'discardDraft') return true;
  return ['create', 'update', 'clone'].includes(ctx.action) && ctx.params?.status !== 'published';
}

/** The where clause that keeps the published rows of a draft & publish type (nothing otherwise). */
export function publishedOnly(strapi: Core.Strapi, uid: string): Record<string, unknown> {
  return isDraftAndPublish(strapi, uid) ? { publishedAt: { $notNull: true } } : {};
}
