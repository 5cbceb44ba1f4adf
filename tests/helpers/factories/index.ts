/** The test builders (`Factories`), their shared helpers and the credit/flow read-back probes. */
export { IDS, dec, uniq, post, line, type Api, type Doc, type Data } from './core';
export { Factories, type PricePairs } from './documents';
export { Probes } from './probes';
export { startingKit, fieldErrors } from './kit';
