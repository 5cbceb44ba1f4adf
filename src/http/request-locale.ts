import { localeOf, type Locale } from '../domain/messages';

/**
 * The language of the request being served: what its Accept-Language asks for (the admin sends its
 * own language on every call), English outside a request or when nothing we speak is asked.
 */
export function requestLocale(): Locale {
  const ctx = (globalThis as any).strapi?.requestContext?.get?.();
  return localeOf(ctx?.request?.headers?.['accept-language']);
}
