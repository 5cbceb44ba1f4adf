import type { Core } from '@strapi/strapi';
import { contributionOf, countingFingerprint, dated, deltasOf, dues, minorToString, undated, type Contribution, type Mapping } from '../core';
import { keysetBatches } from './batched-reads';
import { isDraftAndPublish } from './draft-publish';
import { TABLES } from './tables';
import { toState } from './states';
import { getService } from '../utils/get-service';

const PAGE = 2000;
const FINGERPRINT_KEY = 'countingFingerprint';

export interface Drift {
  party: string;
  bucket: string;
  currency: string;
  maintained: string;
  recomputed: string;
  /** a dated row's delivery day (the horizon's rows); absent: the bucket's total */
  day?: string;
  /** an open-dues row's due day (the overdue rules' rows); its bucket is empty */
  due?: string;
}

/** Recomputes every party's exposure from the documents and reports (or repairs) drift. */
const reconcileService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Every party's contributions, per bucket, currency and (for types with a horizon date) delivery day. */
  async recompute(mapping: Mapping, knex: any = strapi.db.connection): Promise<Contribution[]> {
    const states = getService(strapi, 'states');
    const totals: Contribution[] = [];
    for (const doc of Object.values(mapping.documents)) {
      if (!doc.bucket) continue;
      const query = states.queryFor(doc, mapping);
      for await (const rows of keysetBatches((afterId, size) => query.page(knex, afterId, size), PAGE)) {
        for (const row of rows) {
          const contribution = contributionOf(doc, toState(doc, mapping, row));
          if (contribution) totals.push(contribution);
        }
        // fold as we go so memory stays proportional to parties, not documents
        if (totals.length > 50_000) totals.splice(0, totals.length, ...deltasOf([], totals));
      }
    }
    return deltasOf([], totals);
  },

  async run({ fix = false }: { fix?: boolean } = {}) {
    const mapping: Mapping = getService(strapi, 'mapping').get();
    const store = getService(strapi, 'exposure-store');
    return strapi.db.transaction(async ({ trx }) => {
      const computed = await this.recompute(mapping, trx);
      // the totals per bucket, then the dated rows the horizon reads (each checked on its own)
      const recomputed = [...undated(computed), ...dated(computed), ...dues(computed)];
      const maintained = [...(await store.all(trx)), ...(await store.allDated(trx)), ...(await store.allDues(trx))];
      const differences = deltasOf(maintained, recomputed);
      const drift: Drift[] = differences.map((d) => {
        const key = (c: Contribution) => c.party === d.party && c.bucket === d.bucket && c.currency === d.currency && c.day === d.day && c.due === d.due;
        const m = maintained.find(key)?.minor ?? 0n;
        const r = recomputed.find(key)?.minor ?? 0n;
        return { party: d.party, bucket: d.bucket, currency: d.currency, ...(d.day ? { day: d.day } : {}), ...(d.due ? { due: d.due } : {}), maintained: minorToString(m, d.currency), recomputed: minorToString(r, d.currency) };
      });
      if (fix && drift.length > 0) await store.replaceAll(trx, computed);
      return { checkedRows: undated(computed).length, drift, fixed: fix && drift.length > 0 };
    });
  },

  /**
   * At boot: when what decides a contribution changed since the last boot (the mapping, draft &
   * publish, or a first install on an app with data), the maintained rows are recomputed, so no
   * one has to remember to reconcile after an upgrade. The host's data migrations have run by then.
   */
  async afterCountingChange(): Promise<{ reconciled: boolean; corrected: number }> {
    const mapping: Mapping = getService(strapi, 'mapping').get();
    const fingerprint = countingFingerprint(mapping, (uid) => isDraftAndPublish(strapi, uid));
    const knex = strapi.db.connection;
    const stored = await knex(TABLES.settings).where({ key: FINGERPRINT_KEY }).first();
    if (stored?.value === fingerprint) return { reconciled: false, corrected: 0 };
    const result = await this.run({ fix: true });
    if (stored) await knex(TABLES.settings).where({ key: FINGERPRINT_KEY }).update({ value: fingerprint });
    else await knex(TABLES.settings).insert({ key: FINGERPRINT_KEY, value: fingerprint });
    if (result.drift.length > 0) {
      strapi.log.info(`credit-control: what is counted changed since the last boot: ${result.drift.length} maintained exposure rows recomputed`);
    }
    return { reconciled: true, corrected: result.drift.length };
  },
});

export default reconcileService;
