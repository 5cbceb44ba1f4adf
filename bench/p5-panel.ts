/** P5: the credit panel's exposure read (every rule on) vs a plain findOne of the customer. */
import type { Core } from '@strapi/strapi';
import type { Dataset } from './dataset';
import { blockPolicy, EVERY_RULE } from './fixtures';
import { interleave, type Figure } from './stats';

export async function panelFigure(strapi: Core.Strapi, data: Dataset, options: { rounds: number; warmup: number; batch: number }): Promise<Figure> {
  const credit = strapi.plugin('credit-control').service('credit');
  const party = data.big.documentId;
  // the panel of a customer with every credit rule on (issue 22), whatever figures ran before
  await blockPolicy(strapi, party, 1000, EVERY_RULE);
  return interleave({
    rounds: options.rounds,
    warmup: options.warmup,
    ops: options.batch,
    label: 'P5',
    a: () => credit.summary(party),
    b: () => strapi.documents('api::customer.customer' as any).findOne({ documentId: party }),
  });
}
