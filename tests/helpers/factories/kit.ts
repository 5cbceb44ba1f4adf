/** What most API files start from: the builders, the probes and the EUR currency, made in their beforeAll. */
import type { Api } from './core';
import { Factories } from './documents';
import { Probes } from './probes';

export async function startingKit(api: Api): Promise<{ f: Factories; probe: Probes; eur: string }> {
  const f = new Factories(api);
  return { f, probe: new Probes(api), eur: (await f.isoCurrency('EUR')).documentId };
}

/** A 400's field errors as "path: message" lines. */
export const fieldErrors = (res: { body: any }): string[] =>
  (res.body.error?.details?.errors ?? []).map((e: any) => `${e.path.join('.')}: ${e.message}`);
