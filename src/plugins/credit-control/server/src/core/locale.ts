/** The languages the plugin's messages speak; English when a request asks for nothing we speak. */
export type Locale = 'en' | 'fr';
const LOCALES: Locale[] = ['en', 'fr'];

/** The most preferred language of an Accept-Language header that we speak (q-values, then order). */
export function localeOf(acceptLanguage: string | string[] | undefined | null): Locale {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : acceptLanguage;
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...options] = part.trim().split(';');
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { primary: tag.trim().toLowerCase().split('-')[0] as Locale, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.primary).find((tag) => LOCALES.includes(tag)) ?? 'en';
}

/** The language a request asks for (its Accept-Language; the admin sends its user's): English outside a request. */
export const localeOfRequest = (ctx: { request?: { headers?: Record<string, string | string[] | undefined> } } | null | undefined): Locale =>
  localeOf(ctx?.request?.headers?.['accept-language']);
