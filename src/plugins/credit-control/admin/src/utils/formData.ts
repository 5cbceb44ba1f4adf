const SYSTEM = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations', 'status']);

/** The Content Manager keeps API payloads of relations under `apiData` (its own transformData does the same). */
const toApi = (data: unknown): unknown => {
  if (Array.isArray(data)) return data.map(toApi);
  if (data && typeof data === 'object') {
    if ('apiData' in data) return (data as { apiData: unknown }).apiData;
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toApi(v)]));
  }
  return data;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what the user changed in the form, in the update route's format. */
export const changedData = (values: Record<string, unknown>, initial: Record<string, unknown>) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (SYSTEM.has(key) || same(value, initial?.[key])) continue;
    out[key] = toApi(value);
  }
  return out;
};

/** The whole draft of a create view, in the create route's format (as the Content Manager sends it). */
export const draftData = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !SYSTEM.has(key)).map(([key, value]) => [key, toApi(value)]));

/** The credit warnings of a write (X-Credit-Control-Warning: URI-encoded, comma-separated). */
export const warningsOf = (headers: Headers | undefined): string[] => {
  const raw = headers?.get('x-credit-control-warning');
  if (!raw) return [];
  return raw.split(',').map((part) => decodeURIComponent(part.trim())).filter(Boolean);
};
