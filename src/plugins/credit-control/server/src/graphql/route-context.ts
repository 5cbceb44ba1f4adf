/**
 * What a controller is given when GraphQL calls it: the request's state and headers (the actor, the
 * locale, the app's hooks see the same request), the field's arguments as the route's params, query
 * and body. What the controller answers (`body`, `status`) stays here; the real response is GraphQL's.
 */
export const routeContext = (koa: any, params: Record<string, string>, query: Record<string, unknown>, body: unknown) => {
  const headers = koa?.request?.headers ?? {};
  return {
    state: koa?.state ?? {},
    params,
    query,
    request: { body, query, headers },
    headers,
    status: 200,
    body: undefined as any,
    type: undefined as string | undefined,
    set: () => undefined,
  };
};

/** GraphQL sends numbers and booleans; a route's query parser reads strings, as from a URL. */
export const asQueryStrings = (value: unknown): any => {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map(asQueryStrings);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, asQueryStrings(v)]));
  return String(value);
};
