import type { Core } from '@strapi/strapi';
import { DEFAULT_PARTY_PREFIX, coveringPolicy, defaultPolicyParty, keyValueOf, matches, parseDefaultParty, type DefaultPolicyKey, type PartyKeys, type PolicySource } from '../core';
import { POLICY_UID, type PolicyRow } from './policies';
import { getService } from '../utils/get-service';
import { contentTypeOf } from '../utils/content-type';

export interface Covering {
  row: PolicyRow | undefined;
  source: PolicySource;
}

/**
 * Default policies: a policy stored with the party `@<key>:<value>` (default-policy.ts) covers every
 * party whose `<key>` field (the mapping's `party.defaultPolicyBy`) holds `<value>` and that has no
 * policy of its own. Read only for parties without one, and only when a default policy exists.
 */
const defaultPoliciesService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = () => getService(strapi, 'mapping').get();

  return {
    keys(): DefaultPolicyKey[] {
      return mapping().party.defaultPolicyBy ?? [];
    },

    /**
     * The party's value for each key, in precedence order, and whether blocking rules are offered on it
     * (the mapping's policyWhen): one read of the party, its relations and components populated.
     */
    async partyKeys(party: string): Promise<{ keys: PartyKeys; offered: boolean }> {
      const keys = this.keys();
      if (keys.length === 0) return { keys: [], offered: false };
      const { uid, policyWhen } = mapping().party;
      const attributes = contentTypeOf(strapi, uid)?.attributes ?? {};
      const select = new Set<string>(['id', ...(policyWhen ? [policyWhen.field] : [])]);
      const populate: Record<string, { select: string[] }> = {};
      for (const { field } of keys) {
        const [head, tail] = field.split('.');
        if (tail !== undefined) populate[head] = { select: [...(populate[head]?.select ?? []), tail] };
        else if (attributes[head]?.type === 'relation') populate[head] = { select: ['documentId'] };
        else select.add(head);
      }
      const row = await strapi.db.query(uid as any).findOne({ where: { documentId: party }, select: [...select], populate } as any);
      const values = keys.flatMap(({ key, field }) => {
        const value = keyValueOf(row, field);
        return value === null ? [] : [{ key, value }];
      });
      return { keys: values, offered: Boolean(row) && matches(policyWhen, row) };
    },

    /** Whether any default policy exists (one short read): when none does, a party without a policy of its own is covered by none. */
    async exist(): Promise<boolean> {
      if (this.keys().length === 0) return false;
      return Boolean(await strapi.db.query(POLICY_UID as any).findOne({ where: { party: { $startsWith: DEFAULT_PARTY_PREFIX } }, select: ['id'] }));
    },

    /** The policy covering each party: its own (`own`), else its first default policy, else none. */
    async covering(parties: string[], own: Map<string, PolicyRow>, anyDefault = true, known?: Map<string, { keys: PartyKeys; offered: boolean }>): Promise<Map<string, Covering>> {
      const result = new Map<string, Covering>();
      const without = parties.filter((p) => !own.has(p));
      parties.filter((p) => own.has(p)).forEach((p) => result.set(p, { row: own.get(p), source: { kind: 'own' } }));
      if (without.length === 0 || !anyDefault || this.keys().length === 0) {
        without.forEach((p) => result.set(p, { row: undefined, source: { kind: 'none' } }));
        return result;
      }
      const keysOf = new Map<string, PartyKeys>();
      for (const party of without) {
        // a default policy covers only parties where blocking rules are offered (customers, not prospects)
        // the decision's read has them already (decision-io.ts); the panel asks here
        const { keys, offered } = known?.get(party) ?? (await this.partyKeys(party));
        keysOf.set(party, offered ? keys : []);
      }
      const wanted = [...new Set([...keysOf.values()].flat().map(({ key, value }) => defaultPolicyParty(key, value)))];
      const defaults = await getService(strapi, 'policies').rows(wanted);
      for (const party of without) result.set(party, coveringPolicy(undefined, keysOf.get(party)!, defaults));
      return result;
    },

    /** A default policy's source with the label of its key's value (a relation key's `labelField`), for people. */
    async labelled(source: PolicySource): Promise<PolicySource> {
      if (source.kind !== 'default') return source;
      const key = this.keys().find((k) => k.key === source.by);
      if (!key?.labelField) return source;
      const target = contentTypeOf(strapi, mapping().party.uid)?.attributes?.[key.field]?.target;
      const row: any = target ? await strapi.db.query(target).findOne({ where: { documentId: source.key }, select: [key.labelField] }) : null;
      return row?.[key.labelField] ? { ...source, label: String(row[key.labelField]) } : source;
    },

    /** Every default policy, in the plugin's policy shape with its key and value. */
    async list() {
      const policies = getService(strapi, 'policies');
      const rows: PolicyRow[] = await strapi.db.query(POLICY_UID as any).findMany({ where: { party: { $startsWith: DEFAULT_PARTY_PREFIX } }, orderBy: { party: 'asc' } });
      return rows.map((row) => ({ ...policies.toJson(row), defaultFor: parseDefaultParty(row.party) }));
    },

    async row(key: string, value: string): Promise<PolicyRow | null> {
      return getService(strapi, 'policies').row(defaultPolicyParty(key, value));
    },
  };
};

export default defaultPoliciesService;
export type DefaultPoliciesService = ReturnType<typeof defaultPoliciesService>;
