/**
 * Creates of one invoice with one line, every side in one transaction (one commit), so that a ratio
 * measures one thing:
 * - P0: the app's full create (rules, flow, credit check) vs Strapi's bare create of the same invoice
 *   (no document middleware at all);
 * - P1: the checked create vs the same create with the check off;
 * - P1c: the same two creates, each inside a caller's transaction (the check then takes a savepoint);
 * - P2: a checked create for the 100k-open customer vs the ~100-open one.
 * A checked create is made as REST, GraphQL and the admin make it: the guard opens the write's one
 * transaction. A side without the check (or without any middleware) runs in one transaction the
 * bench opens, so that it commits once too. Statements per create are counted beside each ratio.
 */
import type { Core } from '@strapi/strapi';
import { bareDocuments, inputOf } from './bare-create';
import type { Dataset } from './dataset';
import { blockPolicy, deleteUnchecked, euro, EVERY_RULE, INVOICE, invoiceData } from './fixtures';
import { countedInterleave } from './queries';
import type { Measured } from './results';

export interface RoundOptions {
  rounds: number;
  warmup: number;
  /** create pairs (A and B interleaved) per round */
  batch: number;
}

export async function createFigures(strapi: Core.Strapi, data: Dataset, options: RoundOptions, only: (id: string) => boolean): Promise<Record<string, Measured>> {
  const bench = strapi.plugin('credit-control').service('bench-switch');
  const currency = await euro(strapi);
  const unchecked: string[] = [];
  // headroom for every create of the run: nothing is refused, both sides do the same write
  const headroom = 10 * options.batch * (options.rounds + options.warmup) * 5 + 1000;
  // every rule on for the benched customers (issue 22): the overdue rules and the horizon, none holding
  await blockPolicy(strapi, data.small.documentId, headroom, EVERY_RULE);
  await blockPolicy(strapi, data.big.documentId, headroom, EVERY_RULE);
  const inTransaction = <T>(work: () => Promise<T>) => strapi.db.transaction(work) as Promise<T>;
  const create = (party: string) => strapi.documents(INVOICE as any).create({ data: invoiceData(party, currency) } as any);
  const checked = (party: string) => () => create(party);
  const inCallers = (party: string) => () => inTransaction(() => create(party));
  const off = (party: string) => async () => unchecked.push((await inTransaction(() => bench.withCheckOff(() => create(party))) as { documentId: string }).documentId);

  const figures: Record<string, Measured> = {};
  const common = { rounds: options.rounds, warmup: options.warmup, ops: options.batch };
  const counted = async (id: string, a: () => Promise<unknown>, b: () => Promise<unknown>) => {
    figures[id] = await countedInterleave(strapi, { ...common, label: id, a, b });
  };

  if (only('P0')) {
    // the bare side writes the invoice the app wrote: its totals, company and lines as stored
    const bare = bareDocuments(INVOICE);
    const sample = await create(data.small.documentId);
    const same = await inputOf(strapi, INVOICE, sample.documentId);
    const made: string[] = [];
    await counted('P0', checked(data.small.documentId), async () => {
      made.push((await inTransaction(() => bare.create({ data: { ...invoiceData(data.small.documentId, currency), ...same, number: invoiceData('', '').number } }))).documentId);
    });
    // bare writes are not in the maintained exposure: delete them bare too
    for (const documentId of made) await bare.delete({ documentId });
  }
  if (only('P1')) await counted('P1', checked(data.small.documentId), off(data.small.documentId));
  if (only('P1c')) await counted('P1c', inCallers(data.small.documentId), off(data.small.documentId));
  await deleteUnchecked(strapi, unchecked);
  if (only('P2')) await counted('P2', checked(data.big.documentId), checked(data.small.documentId));
  return figures;
}
