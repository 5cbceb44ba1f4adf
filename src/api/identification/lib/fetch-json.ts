/** One HTTP call with a hard deadline covering the body too: never hangs, never throws. */
export type FetchOutcome =
  | { kind: 'answer'; status: number; headers: Headers; body: unknown; unreadable: boolean }
  | { kind: 'timeout' }
  | { kind: 'network'; code: string };

export async function fetchJson(url: string, init: RequestInit, timeoutMs: number): Promise<FetchOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    const raw = await response.text();
    try {
      return { kind: 'answer', status: response.status, headers: response.headers, body: raw === '' ? null : JSON.parse(raw), unreadable: false };
    } catch {
      return { kind: 'answer', status: response.status, headers: response.headers, body: raw, unreadable: true };
    }
  } catch (error) {
    if (controller.signal.aborted) return { kind: 'timeout' };
    const cause = (error as { cause?: { code?: string } }).cause;
    return { kind: 'network', code: cause?.code ?? (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
