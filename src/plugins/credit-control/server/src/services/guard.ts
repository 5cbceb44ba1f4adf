import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  contributionOf,
  convertMinor,
  decide,
  decideCallTaking,
  deltasOf,
  formatMinor,
  minorToString,
  totalExposure,
  type Contribution,
  type Decision,
  type DocumentMapping,
  type DocumentState,
  type ExposureRow,
  type Mapping,
  type Policy,
  type RateOf,
} from '../core';
import { currentActor, type Actor } from './actor';
import type { AuditEntry, AuditService } from './audit';
import type { ExposureStore } from './exposure-store';
import { partiesNamedIn } from './party-refs';
import type { PoliciesService, PolicyRow } from './policies';
import { describeRefusal } from './refusal';

/** Document-service actions as the engine counts them. */
const ACTIONS: Record<string, 'create' | 'update' | 'delete' | undefined> = {
  create: 'create',
  clone: 'create',
  update: 'update',
  publish: 'update',
  // unpublishing takes the document out of the count, as a delete does (draft-publish.ts)
  unpublish: 'delete',
  delete: 'delete',
};

export const OVERRIDE_ACTION = 'plugin::credit-control.override';
export const OVERRIDE_HEADER = 'x-credit-override-reason';

interface PartyOutcome {
  party: string;
  decision: Decision;
  audit: AuditEntry;
  overridden?: string;
}

/** A refusal carries its audit rows out of the transaction that it rolls back. */
export class CreditRefusal extends errors.ValidationError {
  constructor(message: string, details: Record<string, unknown>, readonly audits: AuditEntry[], readonly actor: Actor) {
    super(message, details);
  }
}

let savepoints = 0;
/**
 * Inside a caller's transaction Strapi opens no nested transaction, so a refusal would not undo
 * the write if the caller caught the error and committed: a savepoint undoes it.
 */
async function withSavepoint<T>(trx: any, work: () => Promise<T>): Promise<T> {
  const name = `credit_guard_${++savepoints}`;
  await trx.raw(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
    await trx.raw(`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

/** The check that wraps every write of a mapped document: lock, write, measure, decide, maintain. */
const guardService = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <T>(name: string): T => strapi.plugin('credit-control').service(name) as T;

  /** The request's override: an admin holding the permission, with a reason in the header. */
  const requestOverride = (): string | null => {
    const ctx: any = strapi.requestContext.get();
    const reason = ctx?.request?.headers?.[OVERRIDE_HEADER];
    if (!reason || ctx?.state?.auth?.strategy?.name !== 'admin') return null;
    const ability = ctx.state.userAbility;
    if (!ability?.can?.(OVERRIDE_ACTION)) return null;
    const text = decodeURIComponent(String(reason)).trim();
    return text ? text : null;
  };

  const warn = (messages: string[]) => {
    const ctx: any = strapi.requestContext.get();
    if (!ctx || messages.length === 0) return;
    ctx.state.creditControlWarnings = [...(ctx.state.creditControlWarnings ?? []), ...messages];
    ctx.set?.('X-Credit-Control-Warning', ctx.state.creditControlWarnings.map((m: string) => encodeURIComponent(m)).join(', '));
  };

  const inPolicyCurrency = (deltas: Contribution[], policy: Policy, rateOf: RateOf, missing: Set<string>) =>
    deltas.reduce((sum, d) => {
      if (!policy.buckets.includes(d.bucket)) return sum;
      if (d.currency === policy.currency) return sum + d.minor;
      const rate = rateOf(d.currency, policy.currency);
      if (rate === undefined) {
        missing.add(d.currency);
        return sum;
      }
      return sum + convertMinor(d.minor, d.currency, policy.currency, rate);
    }, 0n);

  return {
    handles(uid: string, action: string): boolean {
      const mapping = service<any>('mapping').get() as Mapping;
      return ACTIONS[action] !== undefined && (uid in mapping.documents || uid === mapping.callTaking?.uid);
    },

    async run(ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) {
      const mapping: Mapping = service<any>('mapping').get();
      const doc: DocumentMapping | undefined = mapping.documents[ctx.uid];
      const action = ACTIONS[ctx.action]!;
      const actor = currentActor(strapi);
      const nested = strapi.db.inTransaction();
      try {
        return await strapi.db.transaction(async ({ trx, onCommit }: any) => {
          const guarded = () => this.guarded(trx, ctx, next, mapping, doc, action, actor, onCommit);
          return nested ? withSavepoint(trx, guarded) : guarded();
        });
      } catch (error) {
        if (error instanceof CreditRefusal) {
          const keep = () => Promise.all(error.audits.map((a) => service<AuditService>('audit').record(a, error.actor))).catch((e) => strapi.log.error(e));
          // a refusal inside someone else's transaction is kept once that transaction ends
          if (nested) strapi.db.transaction(async ({ onRollback, onCommit }: any) => (onRollback(keep), onCommit(keep)));
          else await keep();
          strapi.eventHub.emit('credit-control.exceeded', { outcome: 'refused', ...(error.details as object) });
        }
        throw error;
      }
    },

    /** `onCommit` runs a callback once the outermost transaction commits (webhooks of writes that stay). */
    async guarded(
      trx: any,
      ctx: any,
      next: () => Promise<any>,
      mapping: Mapping,
      doc: DocumentMapping | undefined,
      action: 'create' | 'update' | 'delete',
      actor: Actor,
      onCommit: (callback: () => void) => void
    ) {
      const states = service<any>('states');
      const store = service<ExposureStore>('exposure-store');
      const policies = service<PoliciesService>('policies');
      const sourceId: string | undefined = ctx.params?.documentId;
      const readsBefore = Boolean(doc && sourceId && ctx.action !== 'clone');
      if (readsBefore) await store.lockDocument(trx, doc!.uid, sourceId!);
      const before: DocumentState[] = readsBefore ? await states.read(doc, mapping, sourceId, trx) : [];
      const partyFields = doc?.partyFields ?? [mapping.callTaking!.partyField];
      // a create has no before state to protect: it locks its parties after its own write (below), so
      // writes for one party queue only for the decision (lock, read, apply), not for each other's write
      const lockFirst = action !== 'create';
      const named = lockFirst ? await partiesNamedIn(strapi, mapping.party.uid, partyFields.map((f) => ctx.params?.data?.[f])) : [];
      const locked = new Set(lockFirst ? [...before.map((s) => s.party).filter((p): p is string => Boolean(p)), ...named] : []);
      // the document is locked first (Postgres), so `before` is what the last writer left: no re-read
      if (lockFirst) await store.lock(trx, [...locked]);

      const result = await next();

      const resultId: string | undefined = action === 'delete' ? undefined : (result?.documentId ?? sourceId);
      const after: DocumentState[] = doc && resultId ? await states.read(doc, mapping, resultId, trx) : [];
      const parties = [...new Set([...before, ...after].map((s) => s.party).filter((p): p is string => Boolean(p)))];
      let partiesForCall: string[] = [];
      if (!doc && resultId) partiesForCall = await this.callParties(mapping, resultId);
      const late = [...parties, ...partiesForCall].filter((p) => !locked.has(p));
      if (late.length > 0) await store.lock(trx, late);

      const deltas = doc ? deltasOf(before.map((s) => contributionOf(doc, s)), after.map((s) => contributionOf(doc, s))) : [];
      const allParties = [...new Set([...parties, ...partiesForCall])];
      const { rows, anyGroup } = await policies.forCheck(trx, allParties);
      const exposures = await store.readMany(trx, allParties);
      // the rates table is read only when a conversion can happen (one currency throughout: none)
      const currencies = new Set([...deltas, ...[...exposures.values()].flat()].map((c) => c.currency));
      allParties.forEach((p) => currencies.add(policies.toPolicy(rows.get(p) ?? null).currency));
      let rateOf: RateOf = currencies.size > 1 ? await service<any>('rates').lookup() : () => undefined;
      const override = requestOverride();
      const outcomes: PartyOutcome[] = [];
      const refusals: PartyOutcome[] = [];

      /** Decides for one limit: a party alone, or a group parent over its members' exposure. */
      const judge = (party: string, row: PolicyRow | undefined, exposureRows: ExposureRow[], counted: Contribution[], group?: string[]) => {
        const policy = policies.toPolicy(row ?? null);
        if (group && !policy.group) return undefined;
        const missing = new Set<string>();
        const current = totalExposure(exposureRows, policy.buckets, policy.currency, rateOf);
        current.missingRates.forEach((c) => missing.add(c));
        const delta = inPolicyCurrency(counted, policy, rateOf, missing);
        const gate = doc?.gate ?? '';
        const gatedAction = Boolean(doc?.gatedActions.includes(action));
        let decision: Decision = decide({ policy, gate, action, gatedAction, exposureBefore: current.total, delta, partyLabel: group ? 'the group' : undefined });
        if (missing.size > 0 && decision.reason !== 'notGated' && policy.mode !== 'none') {
          decision = {
            ...decision,
            outcome: 'refused',
            message: `Credit check impossible: no exchange rate from ${[...missing].join(', ')} to ${policy.currency}. Add the rate before saving.`,
          };
        }
        const audit: AuditEntry = {
          kind: isCall ? 'callTaking' : 'write',
          outcome: decision.outcome,
          reason: decision.reason,
          party,
          documentUid: ctx.uid,
          documentId: resultId ?? sourceId ?? null,
          action: ctx.action,
          gate,
          mode: policy.mode,
          currency: policy.currency,
          deltaMinor: delta,
          exposureBeforeMinor: current.total,
          exposureAfterMinor: decision.exposureAfter,
          thresholdMinor: policy.thresholdMinor,
          message: decision.message,
          details: {
            byBucket: Object.fromEntries(Object.entries(current.byBucket).map(([b, m]) => [b, minorToString(m, policy.currency)])),
            ...(group ? { group } : {}),
          },
        };
        return { policy, decision, audit, counted };
      };
      const settle = (party: string, row: PolicyRow | undefined, judged: NonNullable<ReturnType<typeof judge>>) => {
        const outcome: PartyOutcome = { party, decision: judged.decision, audit: judged.audit };
        if (judged.decision.outcome === 'refused') {
          const granted = override ?? policies.activeOverride(row);
          if (granted) {
            outcome.overridden = granted;
            outcome.audit.outcome = 'overridden';
            outcome.audit.details = { ...(outcome.audit.details as object), overrideReason: granted, refusal: judged.decision.message };
          } else refusals.push(outcome);
        }
        if (judged.decision.reason !== 'notGated' || judged.counted.length > 0) outcomes.push(outcome);
      };

      const isCall = Boolean(mapping.callTaking && ctx.uid === mapping.callTaking.uid);
      for (const party of allParties) {
        const row: PolicyRow | undefined = rows.get(party);
        const judged = judge(party, row, exposures.get(party) ?? [], deltas.filter((d) => d.party === party))!;
        if (isCall && action === 'create' && judged.decision.outcome !== 'refused') {
          const call = decideCallTaking(judged.policy.callTaking, await this.callFacts(mapping, party, ctx.params?.data, resultId));
          if (call.outcome !== 'allowed') {
            judged.decision = { ...judged.decision, outcome: call.outcome, reason: 'overThreshold', message: call.message };
            Object.assign(judged.audit, { outcome: call.outcome, reason: 'overThreshold', message: call.message });
          }
        }
        settle(party, row, judged);
      }

      // group limits: a parent whose policy counts its affiliates
      if (mapping.groups && doc && parties.length > 0 && anyGroup) {
        if (currencies.size <= 1) rateOf = await service<any>('rates').lookup();
        const groups = service<any>('groups');
        const parents: Map<string, string[]> = await groups.parentsOf(mapping.groups, parties);
        const parentRows = await policies.rows([...parents.keys()]);
        for (const parent of parents.keys()) {
          const row = parentRows.get(parent);
          if (!policies.toPolicy(row ?? null).group) continue;
          await store.lock(trx, [parent]);
          const members = [...new Set([parent, ...(await groups.membersOf(mapping.groups, parent))])];
          const memberRows = await store.readMany(trx, members);
          const judged = judge(parent, row, [...memberRows.values()].flat(), deltas.filter((d) => members.includes(d.party)), members);
          if (judged) settle(parent, row, judged);
        }
      }

      if (refusals.length > 0) {
        const first = refusals[0];
        // the error sits on the field that names the refused party (the customer when no customer to bill is set)
        const field = [...after, ...before].find((s) => s.party === first.party)?.partyField ?? partyFields[0];
        const details = await describeRefusal(strapi, mapping, first.party, first.decision, field, trx, action === 'create' ? resultId : undefined);
        throw new CreditRefusal(first.decision.message, details, refusals.map((r) => r.audit), actor);
      }

      await store.apply(trx, deltas);
      const audit = service<AuditService>('audit');
      for (const outcome of outcomes) if (outcome.decision.reason !== 'notGated' || outcome.audit.outcome !== 'allowed') await audit.record(outcome.audit, actor, trx);
      warn(outcomes.filter((o) => o.decision.outcome === 'warned').map((o) => o.decision.message));
      // a caller's transaction may still roll this write back: announce it only once it is committed
      for (const o of outcomes) {
        if (o.decision.outcome === 'warned') {
          const event = { outcome: 'warned', party: o.party, message: o.decision.message, threshold: formatMinor(o.decision.threshold, o.decision.currency) };
          onCommit(() => strapi.eventHub.emit('credit-control.exceeded', event));
        }
        if (o.overridden) {
          const event = { party: o.party, reason: o.overridden, refusal: o.decision.message, document: { uid: ctx.uid, documentId: resultId ?? sourceId } };
          onCommit(() => strapi.eventHub.emit('credit-control.overridden', event));
        }
      }
      return result;
    },

    async callParties(mapping: Mapping, documentId: string): Promise<string[]> {
      const ct = mapping.callTaking!;
      const row = await strapi.db.query(ct.uid as any).findOne({ where: { documentId }, select: ['id'], populate: { [ct.partyField]: { select: ['documentId'] } } });
      const party = row?.[ct.partyField]?.documentId;
      return party ? [party] : [];
    },

    async callFacts(mapping: Mapping, party: string, data: any, documentId?: string) {
      const ct = mapping.callTaking!;
      const inv = ct.invoices;
      const unpaid = inv.unpaid.in ? { [inv.unpaid.field]: { $in: inv.unpaid.in } } : { [inv.unpaid.field]: { $notIn: inv.unpaid.notIn ?? [] } };
      const onCustomer = await strapi.db.query(inv.uid as any).count({ where: { [inv.partyField]: { documentId: party }, ...unpaid } });
      let onContract = 0;
      if (ct.contractField && inv.contractField && documentId) {
        const issue = await strapi.db.query(ct.uid as any).findOne({ where: { documentId }, select: ['id'], populate: { [ct.contractField]: { select: ['id'] } } });
        const contractId = issue?.[ct.contractField]?.id;
        if (contractId) onContract = await strapi.db.query(inv.uid as any).count({ where: { [inv.contractField]: { id: contractId }, ...unpaid } });
      }
      const channel = ct.channelField ? String(data?.[ct.channelField] ?? 'backOffice') : 'backOffice';
      return { unpaidOnCustomer: onCustomer > 0, unpaidOnContract: onContract > 0, channel };
    },
  };
};

export default guardService;
