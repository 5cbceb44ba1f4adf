/**
 * The read models' statements of one write, sent together on Postgres. The 360 view's index and the
 * dashboard's sums are kept by two adjacent document middlewares (src/hooks); after a write each
 * sends its upkeep, and on Postgres each statement is a round trip. The outer one opens a scope
 * (`withDeferred`) for the write it keeps; the inner one's statements that come after that same write
 * are deferred into it (`deferTo`) and go with the outer one's (`takeDeferred`), or alone at the
 * scope's end. Only what nothing reads before the scope ends is deferred: both models' tables are
 * read by neither, and a write made meanwhile (its middleware context is another) sends its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Core } from '@strapi/strapi';
import { batchedRun, batchesWrites, compiledPerApp, type CompiledRun } from './compiled';
import { withKnex } from './sql';

/** The write a scope was opened for (its document middleware context) and the statements deferred to it. */
interface Scope {
  owner: object;
  deferred: CompiledRun[];
}

const scope = new AsyncLocalStorage<Scope>();
const batches = compiledPerApp();

/**
 * Runs `work` with a scope for the statements of the write `owner` (its middleware context) deferred
 * to it (Postgres only); what is still deferred at its end is sent then, as one statement.
 */
export async function withDeferred<T>(strapi: Core.Strapi, owner: object, work: () => Promise<T>): Promise<T> {
  if (!batchesWrites(strapi)) return work();
  const open: Scope = { owner, deferred: [] };
  const result = await scope.run(open, work);
  if (open.deferred.length > 0) await withKnex(strapi, (knex) => batchedRun(strapi, knex, batches(strapi), open.deferred.splice(0)));
  return result;
}

/** Defers `runs` of the write `owner` to the scope opened for it; false when none is (the caller sends them). */
export function deferTo(owner: object, runs: CompiledRun[]): boolean {
  const open = scope.getStore();
  if (open?.owner !== owner) return false;
  open.deferred.push(...runs);
  return true;
}

/** The statements deferred so far, taken out of the scope to go with the caller's own (none outside a scope). */
export const takeDeferred = (): CompiledRun[] => scope.getStore()?.deferred.splice(0) ?? [];
