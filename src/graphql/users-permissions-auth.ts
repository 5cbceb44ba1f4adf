import type { Core } from '@strapi/strapi';

const AUTH = 'plugin::users-permissions.auth';

/**
 * users-permissions' GraphQL auth mutations and the REST action each one calls. They are declared
 * `auth: false` there and call the REST controllers directly, so the role permissions that govern
 * the REST routes were never asked: `register` opened accounts over GraphQL while the public role
 * may not register over REST.
 */
const MUTATION_ACTIONS: Record<string, string> = {
  login: `${AUTH}.callback`,
  register: `${AUTH}.register`,
  forgotPassword: `${AUTH}.forgotPassword`,
  resetPassword: `${AUTH}.resetPassword`,
  emailConfirmation: `${AUTH}.emailConfirmation`,
  changePassword: `${AUTH}.changePassword`,
};

/** Each auth mutation answers to the same role permission as its REST route (a FORBIDDEN error otherwise). */
export default (strapi: Core.Strapi) => () => {
  const resolversConfig: Record<string, unknown> = {};
  for (const [mutation, action] of Object.entries(MUTATION_ACTIONS)) {
    const requirePermission = async (resolve: any, parent: unknown, args: unknown, context: any, info: unknown) => {
      await strapi.auth.verify(context?.state?.auth, { scope: [action] });
      return resolve(parent, args, context, info);
    };
    resolversConfig[`Mutation.${mutation}`] = { middlewares: [requirePermission] };
  }
  return { resolversConfig };
};
