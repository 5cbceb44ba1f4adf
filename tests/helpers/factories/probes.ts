import type { Api } from './core';

/** What the credit-control and sales-flow tests read back (and the operation POST they judge): no builders. */
export class Probes {
  constructor(private readonly api: Api) {}

  /** The party's credit summary. */
  summary = async (party: string) => (await this.api().get(`/api/credit-control/parties/${party}/credit`)).body.data;

  exposure = async (party: string) => (await this.summary(party)).exposure as string;

  /** The party's exposure by bucket: `{ [bucket]: amount }`. */
  byBucket = async (party: string) =>
    Object.fromEntries(((await this.summary(party)).exposureByBucket as { bucket: string; amount: string }[]).map((b) => [b.bucket, b.amount]));

  /** The maintained credit figures that differ from a recount (reconcile without fixing). */
  drift = async () => {
    const res = await this.api().post('/api/credit-control/reconcile').send({ fix: false });
    if (res.status !== 200) throw new Error(`reconcile: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.data.drift;
  };

  /** POSTs an operation; returns the response (status and body) for the test to judge. */
  op = (path: string, body: Record<string, unknown> = {}) => this.api().post(path).send({ data: body });

  read = async (plural: string, documentId: string, populate = '') =>
    (await this.api().get(`/api/${plural}/${documentId}${populate ? `?populate=${populate}` : ''}`)).body.data;
}
