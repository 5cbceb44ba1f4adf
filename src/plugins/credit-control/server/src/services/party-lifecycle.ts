import type { Core } from '@strapi/strapi';
import { currentActor } from './actor';
import { POLICY_UID } from './policies';
import { getService } from '../utils/get-service';

/** Recorded on the decision-log row of a policy that went with its party. */
export const PARTY_DELETED = 'partyDeleted';

interface DeleteContext {
  uid: string;
  action: string;
  params: any;
}

/**
 * The plugin's rows follow the life of the party they are keyed by: when a party of the mapped
 * type is deleted (on its own, or as the last step of a merge or transfer), its policy and its
 * maintained exposure and lock rows go with it, in the delete's transaction. History stays: the
 * decision log and dunning records say what happened to the party while it existed, and are
 * kept. Exchange rates and dunning levels are not keyed by a party.
 */
const partyLifecycleService = ({ strapi }: { strapi: Core.Strapi }) => ({
  handles(uid: string, action: string): boolean {
    return action === 'delete' && uid === getService(strapi, 'mapping').get().party.uid;
  },

  /** Wraps the delete: one transaction (the caller's when there is one) for the delete and the clean-up. */
  async run(ctx: DeleteContext, next: () => Promise<any>) {
    const party = ctx.params?.documentId;
    if (typeof party !== 'string' || party === '') return next();
    return strapi.db.transaction(async ({ trx }: any) => {
      // a write of the party's documents already under way finishes before the party's rows go
      await getService(strapi, 'exposure-store').lock(trx, [party]);
      const label = (await getService(strapi, 'party-labels').of([party])).get(party) ?? null;
      const result = await next();
      // a delete of one locale leaves the party in place, and its rows with it
      const left = await strapi.db.query(ctx.uid as any).count({ where: { documentId: party } });
      if (left === 0) await this.forget(party, label, trx);
      return result;
    });
  },

  /** Removes the rows keyed by a party that no longer exists. */
  async forget(party: string, label: string | null, trx: any) {
    const policies = getService(strapi, 'policies');
    const policy = await policies.row(party);
    if (policy) {
      // the plugin's own table, through the db layer: the policy guard's checks are for
      // people changing a policy, and this is no one's change but the party's end
      await strapi.db.query(POLICY_UID as any).delete({ where: { id: policy.id } });
      await getService(strapi, 'audit').record(
        {
          kind: 'policy',
          outcome: 'recorded',
          reason: PARTY_DELETED,
          party,
          partyLabel: label,
          action: 'delete',
          mode: policy.mode,
          message: 'policy deleted with its party',
          details: { before: policies.toJson(policy), after: null },
        },
        currentActor(strapi),
        trx
      );
    }
    await getService(strapi, 'limit-history').partyGone(trx, party);
    if (label) await getService(strapi, 'audit').keepLabel(trx, party, label);
    await getService(strapi, 'exposure-store').forget(trx, party);
    await getService(strapi, 'party-limits').forget(trx, party);
  },
});

export default partyLifecycleService;
export type PartyLifecycleService = ReturnType<typeof partyLifecycleService>;
