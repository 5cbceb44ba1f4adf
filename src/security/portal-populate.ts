import type { Core } from '@strapi/strapi';
import { scopeFilters } from './portal-filters';
import { checkPortalSort } from './portal-sort';
import { isPortalScoped, type OwnerWhere } from './portal-permissions';

type PopulateObject = Record<string, unknown>;

const UPLOAD_FILE = 'plugin::upload.file';

/** `'*'`, `'a,b.c'`, `['a', 'b.c']` or an object, as one object `{ a: true, b: { populate: { c: true } } }`. */
function asObject(strapi: Core.Strapi, uid: string, populate: unknown): PopulateObject {
  if (populate === true || populate === '*') {
    const model = strapi.getModel(uid as any) as any;
    const out: PopulateObject = {};
    for (const [name, attribute] of Object.entries<any>(model?.attributes ?? {})) {
      // `localizations` is not content-API data: Strapi's own '*' leaves it out and its query validator refuses it
      if (name === 'localizations') continue;
      if (['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type)) out[name] = true;
    }
    return out;
  }
  const paths = typeof populate === 'string' ? populate.split(',') : Array.isArray(populate) ? populate : null;
  if (paths) {
    const out: PopulateObject = {};
    for (const path of paths) {
      if (typeof path !== 'string' || path === '') continue;
      if (path === '*') {
        for (const [name, value] of Object.entries(asObject(strapi, uid, '*'))) out[name] = out[name] ?? value;
        continue;
      }
      const [head, ...rest] = path.split('.');
      if (rest.length === 0) out[head] = out[head] ?? true;
      else {
        const existing = out[head] && typeof out[head] === 'object' ? (out[head] as { populate: string[] }) : { populate: [] };
        out[head] = { populate: [...existing.populate, rest.join('.')] };
      }
    }
    return out;
  }
  return populate && typeof populate === 'object' ? (populate as PopulateObject) : {};
}

const entryObject = (value: unknown): PopulateObject =>
  value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as PopulateObject) } : value === '*' ? { populate: '*' } : {};

/**
 * A portal user's populate, rewritten so that it only reaches the user's own records: relations
 * to a scoped type get the owner filter (another customer's record comes back as null / is left
 * out of the list), relations to any other type are dropped, media are kept, components are
 * walked for the relations they hold. Unknown keys are dropped.
 */
export function scopePopulate(strapi: Core.Strapi, uid: string, populate: unknown, owner: OwnerWhere): unknown {
  if (populate === undefined || populate === null || populate === false) return populate;
  const model = strapi.getModel(uid as any) as any;
  const out: PopulateObject = {};
  for (const [name, value] of Object.entries(asObject(strapi, uid, populate))) {
    const attribute = model?.attributes?.[name];
    // unknown keys (and '*' or other special keys in object form) are dropped rather than trusted
    if (!attribute || value === false) continue;
    if (attribute.type === 'media') out[name] = value;
    else if (attribute.type === 'component') {
      const entry = entryObject(value);
      out[name] = entry.populate === undefined ? value : { ...entry, populate: scopePopulate(strapi, attribute.component, entry.populate, owner) };
    } else if (attribute.type === 'relation' && attribute.target === UPLOAD_FILE) out[name] = value;
    else if (attribute.type === 'relation' && isPortalScoped(attribute.target)) {
      const entry = entryObject(value);
      const scope = owner(attribute.target);
      checkPortalSort(strapi, attribute.target, entry.sort);
      entry.filters = entry.filters ? { $and: [scopeFilters(strapi, attribute.target, entry.filters, owner), scope] } : scope;
      if (entry.populate !== undefined) entry.populate = scopePopulate(strapi, attribute.target, entry.populate, owner);
      out[name] = entry;
    }
    // any other relation (or dynamic zone) reaches records the portal has no business reading: dropped
  }
  return out;
}
