import type { FetchClient } from '@strapi/strapi/admin';

/** The error a blob request failed with, shaped like useFetchClient's JSON errors (so errorText/fieldErrors read it). */
export class BlobRequestError extends Error {
  response: { data: unknown };
  status: number;
  constructor(status: number, body: unknown) {
    const message = (body as { error?: { message?: string } })?.error?.message ?? `HTTP ${status}`;
    super(message);
    this.status = status;
    this.response = { data: body };
  }
}

const filenameOf = (headers: Headers | undefined, fallback: string) => {
  const disposition = headers?.get('Content-Disposition') ?? '';
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
};

/**
 * GETs a file through useFetchClient. With responseType blob the client drops the error body, so
 * every status is accepted here and a non-2xx answer is read back as the server's JSON error.
 */
export async function fetchFile(get: FetchClient['get'], url: string, params: unknown, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await get(url, { params, responseType: 'blob', validateStatus: () => true });
  const status = res.status ?? 200;
  if (status < 200 || status >= 300) {
    const text = await res.data.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { error: { message: text || `HTTP ${status}` } };
    }
    throw new BlobRequestError(status, body);
  }
  return { blob: res.data, filename: filenameOf(res.headers, fallbackName) };
}

/** Hands a blob to the browser as a download named `filename`. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
