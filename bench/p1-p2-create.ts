/** P1 (a checked create vs the same create with the check off) and P2 (a checked create for the 100k-open customer vs the ~100 one). */
import type { Core } from '@strapi/strapi';
import type { Dataset } from './dataset';
import { blockPolicy, deleteUnchecked, euro, INVOICE, invoiceData } from './fixtures';
import { interleave, type Figure } from './stats';

export interface RoundOptions {
  rounds: number;
  warmup: number;
  /** create pairs (A and B interleaved) per round */
  batch: number;
}

export async function createFigures(strapi: Core.Strapi, data: Dataset, options: RoundOptions, only: (id: string) => boolean): Promise<Record<string, Figure>> {
  const bench = strapi.plugin('credit-control').service('bench-switch');
  const currency = await euro(strapi);
  const unchecked: string[] = [];
  // headroom for every create of the run: nothing is refused, both sides do the same write
  const headroom = 10 * options.batch * (options.rounds + options.warmup) * 4 + 1000;
  await blockPolicy(strapi, data.small.documentId, headroom);
  await blockPolicy(strapi, data.big.documentId, headroom);
  const create = (party: string) => strapi.documents(INVOICE as any).create({ data: invoiceData(party, currency) } as any);
  const checked = (party: string) => () => create(party);
  const off = (party: string) => async () => unchecked.push((await bench.withCheckOff(() => create(party))).documentId);

  const figures: Record<string, Figure> = {};
  const common = { rounds: options.rounds, warmup: options.warmup, ops: options.batch };
  if (only('P1')) {
    figures.P1 = await interleave({ ...common, label: 'P1', a: checked(data.small.documentId), b: off(data.small.documentId) });
    await deleteUnchecked(strapi, unchecked);
  }
  if (only('P2')) figures.P2 = await interleave({ ...common, label: 'P2', a: checked(data.big.documentId), b: checked(data.small.documentId) });
  return figures;
}
