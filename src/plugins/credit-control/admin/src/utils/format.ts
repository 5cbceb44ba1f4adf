/** Decimal strings from the server, shown with grouping but never turned into floats for sums. */
export const formatAmount = (value: string | null | undefined, currency?: string, locale = 'en'): string => {
  if (value === null || value === undefined || value === '') return '-';
  const negative = value.startsWith('-');
  const [int, frac = ''] = (negative ? value.slice(1) : value).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, locale.startsWith('fr') ? '\u202f' : ',');
  const sep = locale.startsWith('fr') ? ',' : '.';
  const text = `${negative ? '-' : ''}${grouped}${frac ? sep + frac.padEnd(2, '0') : ''}`;
  return currency ? `${text} ${currency}` : text;
};

export const formatDate = (value: string | number | null | undefined, locale = 'en'): string => {
  if (value === null || value === undefined) return '-';
  const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(locale);
};

/** An ISO day (YYYY-MM-DD) as the reader writes a date, with no time (UTC, as the plugin's days are). */
export const formatDay = (value: string | null | undefined, locale = 'en'): string =>
  value ? new Date(`${value}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' }) : '—';

/** The Content Manager edit view of a document. */
export const editViewPath = (uid: string, documentId: string) =>
  `/content-manager/collection-types/${uid}/${documentId}`;

/** The server's own text of a failed admin request. */
export const errorText = (error: unknown): string => {
  const e = error as { response?: { data?: { error?: { message?: string } } }; message?: string };
  return e?.response?.data?.error?.message ?? e?.message ?? String(error);
};

/** The server's per-field messages (ValidationError details.errors[].path), by first path segment. */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const e = error as { response?: { data?: { error?: { details?: { errors?: { path?: string[]; message?: string }[] } } } } };
  const out: Record<string, string> = {};
  for (const item of e?.response?.data?.error?.details?.errors ?? []) {
    const key = item.path?.[0];
    if (key && item.message && !out[key]) out[key] = item.message;
  }
  return out;
};

/** Field errors of a report request: `criteria.x` (batch runs) is shown on the field `x`. */
export const criteriaFieldErrors = (error: unknown): Record<string, string> => {
  const e = error as { response?: { data?: { error?: { details?: { errors?: { path?: string[]; message?: string }[] } } } } };
  const out: Record<string, string> = {};
  for (const item of e?.response?.data?.error?.details?.errors ?? []) {
    const path = item.path?.[0] === 'criteria' ? item.path.slice(1) : item.path ?? [];
    if (path[0] && item.message && !out[path[0]]) out[path[0]] = item.message;
  }
  return out;
};

/** The HTTP status of a failed useFetchClient request. */
export const errorStatus = (error: unknown): number | undefined => (error as { status?: number })?.status;
