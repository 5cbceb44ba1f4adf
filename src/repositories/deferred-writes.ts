/**
 * The read models' statements of one write, sent together on Postgres. The 360 view's index and the
 * dashboard's sums are kept by two adjacent document middlewares (src/hooks); after a write each
 * sends its upkeep, and on Postgres each statement is a round trip. The outer one opens a scope
 * (`withDeferred`); the inner one's statements that come after the write are deferred into it
 * (`deferTo`) and go with the outer one's (`takeDeferred`), or alone at the scope's end. Only what
 * nothing reads before the scope ends is deferred: both models' tables are read by neither.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { batchedRun, batchesWrites, compiledPerApp, type CompiledRun } from './compiled';
import { withKnex } from './sql';

const scope = new AsyncLocalStorage<CompiledRun[]>();
const batches = compiledPerApp();

/** Runs `work` with a scope for deferred statements (Postgres only); what is still deferred at its end is sent then, as one statement. */
export async function withDeferred<T>(strapi: Core.Strapi, work: () => Promise<T>): Promise<T> {
  if (!batchesWrites(strapi)) return work();
  const deferred: CompiledRun[] = [];
  const result = await scope.run(deferred, work);
  if (deferred.length > 0) await withKnex(strapi, (knex) => batchedRun(strapi, knex, batches(strapi), deferred.splice(0)));
  return result;
}

/** Defers `runs` to the open scope; false when none is open (the caller sends them). */
export function deferTo(runs: CompiledRun[]): boolean {
  const deferred = scope.getStore();
  if (!deferred) return false;
  deferred.push(...runs);
  return true;
}

/** The statements deferred so far, taken out of the scope to go with the caller's own (none outside a scope). */
export const takeDeferred = (): CompiledRun[] => scope.getStore()?.splice(0) ?? [];
