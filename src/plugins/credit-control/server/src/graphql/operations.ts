import type { Core } from '@strapi/strapi';
import policies from '../policies';
import { ROUTES, scopeConfig, type Route } from '../routes';
import { asQueryStrings, routeContext } from './route-context';

const pathParams = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
const operationType = (route: Route) => (route.method === 'GET' ? 'Query' : 'Mutation');

/** A field's arguments: the route's path parameters, its query string, and (a write) its body, as over REST. */
const fieldOf = (route: Route) => {
  const args = [...pathParams(route.path).map((p) => `${p}: ID!`), 'query: JSON', ...(route.method === 'GET' ? [] : ['body: JSON'])];
  return `    """${route.method} /api/credit-control${route.path}"""\n    ${route.graphql}(${args.join(', ')}): CreditControlAnswer`;
};

/**
 * The plugin's routes marked `graphql` as GraphQL fields: a GET is a query, a write a mutation. Each
 * runs the route's controller behind the route's guards (configured, the app's hooks), and is granted
 * by the same content-API action (users-permissions roles, API-token scopes), so REST and GraphQL
 * answer alike: `{ data, meta }` as REST's body, errors with REST's `details` in `extensions.error`.
 */
export const creditControlGraphql = (strapi: Core.Strapi) => () => {
  const routes = ROUTES.filter((route) => route.graphql);
  const resolve = (route: Route) => async (_parent: unknown, args: Record<string, any>, context: any) => {
    const [controller, action] = route.handler.split('.');
    const params = Object.fromEntries(pathParams(route.path).map((p) => [p, String(args[p])]));
    const ctx = routeContext(context?.koaContext ?? strapi.requestContext.get(), params, asQueryStrings(args.query ?? {}), args.body ?? {});
    await policies.configured(ctx, undefined, { strapi });
    await policies['request-scope'](ctx, scopeConfig(route), { strapi });
    await (strapi.plugin('credit-control').controller(controller) as any)[action](ctx);
    return { data: ctx.body?.data ?? null, meta: ctx.body?.meta ?? null };
  };
  const block = (type: 'Query' | 'Mutation') => {
    const fields = routes.filter((route) => operationType(route) === type).map(fieldOf);
    return fields.length ? `  extend type ${type} {\n${fields.join('\n')}\n  }` : '';
  };
  const resolvers: Record<string, Record<string, unknown>> = { Query: {}, Mutation: {} };
  const resolversConfig: Record<string, unknown> = {};
  for (const route of routes) {
    resolvers[operationType(route)][route.graphql!] = resolve(route);
    resolversConfig[`${operationType(route)}.${route.graphql}`] = { auth: { scope: [`plugin::credit-control.${route.handler}`] } };
  }
  return {
    typeDefs: `
  """What the credit-control REST route of the same name answers: its data and meta"""
  type CreditControlAnswer {
    data: JSON
    meta: JSON
  }
${block('Query')}
${block('Mutation')}
`,
    resolvers,
    resolversConfig,
  };
};
