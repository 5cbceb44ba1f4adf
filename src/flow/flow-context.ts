import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Writes the flow makes itself (the derived figures and states of a source, after a document
 * was made from it) may set derived fields; a client's write may not.
 */
const flowWrites = new AsyncLocalStorage<true>();

export const isFlowWrite = (): boolean => flowWrites.getStore() === true;
export const asFlowWrite = <T>(work: () => Promise<T>): Promise<T> => flowWrites.run(true, work);
