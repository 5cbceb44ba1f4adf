import type { Core } from '@strapi/strapi';
import { MANAGEMENT_UIDS } from '../domain/management-types';

/** The management objects: documents made for a customer (spec, "Linked management objects"). */
export { MANAGEMENT_UIDS };

export const isManagementUid = (uid: string) => MANAGEMENT_UIDS.includes(uid);

/** The model's to-one relation fields that point at `target` (e.g. every site field of an order). */
export function relationFieldsTo(strapi: Core.Strapi, uid: string, target: string): string[] {
  const model = strapi.getModel(uid as any) as { attributes?: Record<string, any> } | undefined;
  if (!model) return [];
  // every write's rules ask, for the same few models: found once per model and target
  let known = fieldsFound.get(model);
  if (!known) fieldsFound.set(model, (known = new Map<string, string[]>()));
  if (!known.has(target)) {
    const fields = Object.entries(model.attributes ?? {})
      .filter(([, a]) => a.type === 'relation' && a.target === target && /^(manyToOne|oneToOne)$/.test(a.relation))
      .map(([name]) => name);
    known.set(target, fields);
  }
  return [...known.get(target)!];
}

const fieldsFound = new WeakMap<object, Map<string, string[]>>();

export const hasAttribute = (strapi: Core.Strapi, uid: string, name: string) =>
  name in ((strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, unknown>);
