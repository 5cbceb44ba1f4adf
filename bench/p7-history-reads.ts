/** P7: the 360 view and the dashboard of the 100k-document customer vs the same reads for the ~100-document one. */
import type { Core } from '@strapi/strapi';
import type { Dataset } from './dataset';
import { countedInterleave } from './queries';
import type { Measured } from './results';

export async function historyReadsFigure(strapi: Core.Strapi, data: Dataset, options: { rounds: number; warmup: number; batch: number }): Promise<Measured> {
  const overview = strapi.service('api::customer.overview') as any;
  const dashboard = strapi.service('api::customer.dashboard') as any;
  // the admin's defaults: sections of 20 rows, every year
  const reads = (party: string) => async () => {
    await overview.overview(party, 20);
    await dashboard.dashboard(party, []);
  };
  return countedInterleave(strapi, {
    rounds: options.rounds,
    warmup: options.warmup,
    ops: options.batch,
    label: 'P7',
    a: reads(data.big.documentId),
    b: reads(data.small.documentId),
  });
}
