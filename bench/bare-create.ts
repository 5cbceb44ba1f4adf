/**
 * P0's baseline: Strapi's own document service for one content type with no document middleware at
 * all (none of the app's rules, none of the plugin's check), built the way Strapi builds it, in the
 * same process. Strapi keeps it internal, so it is loaded from its file.
 */
import path from 'path';
import type { Core } from '@strapi/strapi';

type Repository = {
  create(params: { data: Record<string, unknown> }): Promise<{ documentId: string }>;
  delete(params: { documentId: string }): Promise<unknown>;
};

const dist = path.dirname(require.resolve('@strapi/core'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createContentTypeRepository } = require(path.join(dist, 'services/document-service/repository.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const validator = require(path.join(dist, 'services/entity-validator/index.js'));

export const bareDocuments = (uid: string): Repository => createContentTypeRepository(uid, validator);

const STAMPS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale', 'createdBy', 'updatedBy', 'localizations'];

/** A component value as input: ids dropped (the bench's lines have no relations). */
const componentInput = (value: any): unknown => (Array.isArray(value) ? value.map(componentInput) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id' && k !== '__component')) : value);

/**
 * The data of a stored document as document-service input, so the baseline writes the same row the
 * app wrote: its scalars (the totals the rules computed), its to-one relations (what the pre-fill
 * chose) and its components. `number` is left for the caller to make unique.
 */
export async function inputOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<Record<string, unknown>> {
  const attributes = (strapi.getModel(uid as any) as any).attributes as Record<string, any>;
  const populate = Object.fromEntries(Object.entries(attributes).filter(([name, a]) => (a.type === 'relation' || a.type === 'component') && !STAMPS.includes(name)).map(([name]) => [name, true]));
  const stored: any = await strapi.db.query(uid as any).findOne({ where: { documentId }, populate });
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    const value = stored[name];
    if (STAMPS.includes(name) || value === undefined || value === null) continue;
    if (attribute.type === 'relation') {
      if (Array.isArray(value)) {
        if (value.length) data[name] = value.map((row: { documentId: string }) => row.documentId);
      } else data[name] = value.documentId;
    } else if (attribute.type === 'component') data[name] = componentInput(value);
    else data[name] = value;
  }
  return data;
}
