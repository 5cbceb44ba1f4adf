import type { Core } from '@strapi/strapi';

export interface Actor {
  type: 'admin' | 'api-token' | 'users-permissions' | 'system';
  id: string | null;
  label: string | null;
}

/** Who is writing: an admin user, an API token, a portal user, or code with no request. */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx: any = strapi.requestContext.get();
  const strategy: string | undefined = ctx?.state?.auth?.strategy?.name;
  const credentials = ctx?.state?.auth?.credentials;
  if (!ctx || !strategy) return { type: 'system', id: null, label: null };
  if (strategy === 'admin') return { type: 'admin', id: String(credentials?.id ?? ''), label: credentials?.email ?? null };
  // Strapi 5 names its API-token strategies 'content-api-token' and 'admin-token' ('api-token' before)
  if (strategy === 'api-token' || strategy === 'content-api-token' || strategy === 'admin-token') return { type: 'api-token', id: String(credentials?.id ?? ''), label: credentials?.name ?? null };
  return { type: 'users-permissions', id: String(credentials?.id ?? ''), label: credentials?.username ?? credentials?.email ?? null };
}
