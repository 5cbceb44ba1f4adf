import type { Core } from '@strapi/strapi';

/**
 * A content type's schema, by its uid. `strapi.contentTypes[uid]` builds a copy of the whole
 * registry on each read (its getter calls `getAll()`): on a write's path that cost ~50 µs a time.
 */
export const contentTypeOf = (strapi: Core.Strapi, uid: string): any => strapi.contentType(uid as never);
