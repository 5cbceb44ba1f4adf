// The server writes its messages (field errors, refusals) in the language a request asks for; the
// admin's language is its own setting, not the browser's, so every call to our server carries it.
const STORED_LANGUAGE = 'strapi-admin-language';

export const adminLocale = (): string => document.documentElement.lang || window.localStorage.getItem(STORED_LANGUAGE) || 'en';

const toOurServer = (url: string): boolean => {
  if (url.startsWith('/')) return !url.startsWith('//');
  const backend = (window as any).strapi?.backendURL as string | undefined;
  return url.startsWith(window.location.origin) || Boolean(backend && url.startsWith(backend));
};

/** Wraps fetch once so requests to the Strapi server send Accept-Language: the admin's language. */
export function sendAdminLocale(): void {
  const original = window.fetch;
  if ((original as any).sendsAdminLocale) return;
  const wrapped = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!toOurServer(url)) return original(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set('Accept-Language', adminLocale());
    return original(input, { ...init, headers });
  };
  (wrapped as any).sendsAdminLocale = true;
  window.fetch = wrapped as typeof window.fetch;
}
