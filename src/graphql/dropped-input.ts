import type { Core } from '@strapi/strapi';
import { throwIfErrors } from '../rules/validation-error';
import { say } from '../domain/messages';
import { shown } from '../rules/said';

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** Paths of `sent` that `kept` (its sanitized copy) no longer holds: a key or list item removed. */
export function droppedPaths(sent: unknown, kept: unknown, path: string[] = []): string[][] {
  if (Array.isArray(sent)) {
    if (!Array.isArray(kept) || kept.length < sent.length) return [path];
    return sent.flatMap((item, i) => droppedPaths(item, kept[i], [...path, String(i)]));
  }
  if (!isObject(sent)) return [];
  if (!isObject(kept)) return [path];
  return Object.entries(sent)
    .filter(([, value]) => value !== undefined)
    .flatMap(([key, value]) => (key in kept ? droppedPaths(value, kept[key], [...path, key]) : [[...path, key]]));
}

/**
 * GraphQL create/update mutations hand the client's data to Strapi's content-API input sanitizer,
 * which silently drops what the caller may not write (a relation to a type its role cannot read,
 * a non-writable field). Dropping a field can turn a refusal into an acceptance (a help-desk issue
 * filed without the contract whose call-taking rule would block it), and REST refuses the same
 * input with a 400. So a field the sanitizer would drop is a ValidationError naming it
 * (BAD_USER_INPUT), before the mutation runs.
 */
export default (strapi: Core.Strapi) => () => {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const extension = strapi.plugin('graphql').service('extension');
  const refuseDropped = (uid: string) => async (resolve: any, parent: unknown, args: any, context: any, info: unknown) => {
    const sent = args?.data;
    const kept = await strapi.contentAPI.sanitize.input(sent, strapi.getModel(uid as any), { auth: context?.state?.auth });
    const dropped = droppedPaths(sent, kept);
    if (dropped.length > 0) {
      const issues = dropped.map((path) => ({ path, ...say('notSettableByUser', { path: path.join('.') }) }));
      throwIfErrors(issues, say('invalidKey', { key: dropped[0].join('.'), problem: shown(issues[0]) }));
    }
    return resolve(parent, args, context, info);
  };

  const resolversConfig: Record<string, unknown> = {};
  for (const ct of Object.values<any>(strapi.contentTypes)) {
    if (!ct.uid.startsWith('api::')) continue;
    const crud = extension.shadowCRUD(ct.uid);
    const actions = ct.kind === 'singleType' ? ['update'] : ['create', 'update'];
    for (const action of actions) {
      if (!crud.isActionEnabled(action)) continue;
      const name = action === 'create' ? naming.getCreateMutationTypeName(ct) : naming.getUpdateMutationTypeName(ct);
      resolversConfig[`Mutation.${name}`] = { middlewares: [refuseDropped(ct.uid)] };
    }
  }
  return { resolversConfig };
};
