import { AsyncLocalStorage } from 'node:async_hooks';
import type { Contribution } from '../core';

/**
 * Writes that a checked write causes (a middleware or lifecycle of the host that updates the
 * documents it was made from, inside its `next()`) are part of it: their exposure moves are added
 * to its own and judged once, under its gate. Delivering an order moves exposure from the order to
 * the delivery: judged alone, the delivery would be a rise and the order a fall; together they net
 * to what the step really changes, judged as "delivering an order".
 */
export interface CausedWrites {
  deltas: Contribution[];
  parties: Set<string>;
}

const causing = new AsyncLocalStorage<CausedWrites>();

/** The checked write whose work is running, when there is one. */
export const causingWrite = (): CausedWrites | undefined => causing.getStore();

/** Runs a checked write's work, collecting what the writes it causes change. */
export async function collectCaused<T>(work: () => Promise<T>): Promise<{ result: T; caused: CausedWrites }> {
  const caused: CausedWrites = { deltas: [], parties: new Set() };
  const result = await causing.run(caused, work);
  return { result, caused };
}

