import { AsyncLocalStorage } from 'node:async_hooks';
import type { Contribution } from '../core';

/**
 * Writes that a checked write causes (a middleware or lifecycle of the host that updates the
 * documents it was made from, inside its `next()`) are part of it: their exposure moves are added
 * to its own and judged once, under its gate. Delivering an order moves exposure from the order to
 * the delivery: judged alone, the delivery would be a rise and the order a fall; together they net
 * to what the step really changes, judged as "delivering an order".
 */
export interface CausedWrite {
  uid: string;
  documentId: string | undefined;
  deltas: Contribution[];
}

export interface CausedWrites {
  writes: CausedWrite[];
  parties: Set<string>;
}

/**
 * The caused writes' moves, except those on the causing document itself (a middleware that
 * completes the document just written): the cause reads its own state after them, so they are in
 * its own delta already.
 */
export const causedDeltas = (caused: CausedWrites, uid: string, documentId: string | undefined): Contribution[] =>
  caused.writes.filter((w) => !(w.uid === uid && documentId !== undefined && w.documentId === documentId)).flatMap((w) => w.deltas);

const causing = new AsyncLocalStorage<CausedWrites>();

/** The checked write whose work is running, when there is one. */
export const causingWrite = (): CausedWrites | undefined => causing.getStore();

/** Runs a checked write's work, collecting what the writes it causes change. */
export async function collectCaused<T>(work: () => Promise<T>): Promise<{ result: T; caused: CausedWrites }> {
  const caused: CausedWrites = { writes: [], parties: new Set() };
  const result = await causing.run(caused, work);
  return { result, caused };
}

