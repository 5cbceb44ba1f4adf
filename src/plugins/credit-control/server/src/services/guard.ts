import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  contributionOf,
  decideCallTaking,
  deltasOf,
  minorToString,
  type Contribution,
  type Decision,
  type DocumentMapping,
  type DocumentState,
  type ExposureRow,
  type Mapping,
  type RateOf,
} from '../core';
import { currentActor, type Actor } from './actor';
import { callFacts } from './call-facts';
import type { AuditEntry } from './audit';
import { partiesNamedIn } from './party-refs';
import type { PolicyRow } from './policies';
import { judgeLimit, type Judged } from './judgement';
import { describeRefusal } from './refusal';
import { causedDeltas, causingWrite, collectCaused } from './caused-writes';
import { inTurn } from './trx-turns';
import { getService } from '../utils/get-service';

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

/** The check that wraps every write of a mapped document: lock, write, measure, decide, maintain. */
const guardService = ({ strapi }: { strapi: Core.Strapi }) => {
  const calls = callFacts(strapi);

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

  return {
    handles(uid: string, action: string): boolean {
      const mapping = getService(strapi, 'mapping').get() as Mapping;
      return ACTIONS[action] !== undefined && (uid in mapping.documents || uid === mapping.callTaking?.uid);
    },

    async run(ctx: { uid: string; action: string; params: any }, next: () => Promise<any>) {
      const mapping: Mapping = getService(strapi, 'mapping').get();
      const doc: DocumentMapping | undefined = mapping.documents[ctx.uid];
      const action = ACTIONS[ctx.action]!;
      const actor = currentActor(strapi);
      const nested = strapi.db.inTransaction();
      try {
        return await strapi.db.transaction(async ({ trx, onCommit }: any) => {
          // inside a caller's transaction: one guarded write at a time, each in its savepoint (trx-turns.ts)
          return inTurn(trx, !nested, () => this.guarded(trx, ctx, next, mapping, doc, action, actor, onCommit));
        });
      } catch (error) {
        if (error instanceof CreditRefusal) {
          const keep = () => Promise.all(error.audits.map((a) => getService(strapi, 'audit').record(a, error.actor))).catch((e) => strapi.log.error(e));
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
      const states = getService(strapi, 'states');
      const store = getService(strapi, 'exposure-store');
      const policies = getService(strapi, 'policies');
      const io = getService(strapi, 'decision-io');
      const sourceId: string | undefined = ctx.params?.documentId;
      const readsBefore = Boolean(doc && sourceId && ctx.action !== 'clone');
      if (readsBefore) await store.lockDocument(trx, doc!.uid, sourceId!);
      const before: DocumentState[] = readsBefore ? await states.read(doc!, mapping, sourceId!, trx) : [];
      const partyFields = doc?.partyFields ?? [mapping.callTaking!.partyField];
      // a create has no before state to protect: it locks its parties after its own write (below), so
      // writes for one party queue only for the decision (lock, read, apply), not for each other's write
      const lockFirst = action !== 'create';
      const named = lockFirst ? await partiesNamedIn(strapi, mapping.party.uid, partyFields.map((f) => ctx.params?.data?.[f])) : [];
      const locked = new Set(lockFirst ? [...before.map((s) => s.party).filter((p): p is string => Boolean(p)), ...named] : []);
      // the document is locked first (Postgres), so `before` is what the last writer left: no re-read
      if (lockFirst) await store.lock(trx, [...locked]);

      // a write caused by another checked write is judged with it (caused-writes.ts)
      const causer = causingWrite();
      const { result, caused } = causer ? { result: await next(), caused: undefined } : await collectCaused(next);

      const resultId: string | undefined = action === 'delete' ? undefined : (result?.documentId ?? sourceId);
      const after: DocumentState[] = doc && resultId ? await states.read(doc, mapping, resultId, trx) : [];
      const ownParties = [...new Set([...before, ...after].map((s) => s.party).filter((p): p is string => Boolean(p)))];
      let partiesForCall: string[] = [];
      if (!doc && resultId) partiesForCall = await calls.parties(mapping, resultId);
      const late = [...ownParties, ...partiesForCall].filter((p) => !locked.has(p));
      if (late.length > 0) await store.lock(trx, late);

      const ownDeltas = doc ? deltasOf(before.map((s) => contributionOf(doc, s)), after.map((s) => contributionOf(doc, s))) : [];
      if (causer) {
        causer.writes.push({ uid: ctx.uid, documentId: resultId ?? sourceId, deltas: ownDeltas });
        ownParties.forEach((p) => causer.parties.add(p));
        return result;
      }
      // the parties of the caused writes are locked by those writes, in their own turn
      const parties = [...new Set([...ownParties, ...caused!.parties])];
      const deltas = deltasOf([], [...ownDeltas, ...causedDeltas(caused!, ctx.uid, resultId ?? sourceId)]);
      const allParties = [...new Set([...parties, ...partiesForCall])];
      const { policies: rows, exposures, anyGroup } = await io.read(trx, allParties);
      // the rates table is read only when a conversion can happen (one currency throughout: none)
      const currencies = new Set([...deltas, ...[...exposures.values()].flat()].map((c) => c.currency));
      allParties.forEach((p) => currencies.add(policies.toPolicy(rows.get(p) ?? null).currency));
      let rateOf: RateOf = currencies.size > 1 ? await getService(strapi, 'rates').lookup() : () => undefined;
      const override = requestOverride();
      const outcomes: PartyOutcome[] = [];
      const refusals: PartyOutcome[] = [];

      const isCall = Boolean(mapping.callTaking && ctx.uid === mapping.callTaking.uid);
      const auditOf = { kind: isCall ? ('callTaking' as const) : ('write' as const), documentUid: ctx.uid, documentId: resultId ?? sourceId ?? null, action: ctx.action };
      const judge = (party: string, row: PolicyRow | undefined, exposureRows: ExposureRow[], counted: Contribution[], group?: string[]): Judged | undefined => {
        const policy = policies.toPolicy(row ?? null);
        if (group && !policy.group) return undefined;
        return judgeLimit({ party, policy, exposureRows, counted, group, rateOf, doc, action, audit: auditOf });
      };
      const settle = (party: string, row: PolicyRow | undefined, judged: Judged) => {
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

      for (const party of allParties) {
        const row: PolicyRow | undefined = rows.get(party);
        const judged = judge(party, row, exposures.get(party) ?? [], deltas.filter((d) => d.party === party))!;
        if (isCall && action === 'create' && judged.decision.outcome !== 'refused') {
          const call = decideCallTaking(judged.policy.callTaking, await calls.facts(mapping, party, ctx.params?.data, resultId));
          if (call.outcome !== 'allowed') {
            judged.decision = { ...judged.decision, outcome: call.outcome, reason: 'overThreshold', message: call.message };
            Object.assign(judged.audit, { outcome: call.outcome, reason: 'overThreshold', message: call.message });
          }
        }
        settle(party, row, judged);
      }

      // group limits: a parent whose policy counts its affiliates
      if (mapping.groups && doc && parties.length > 0 && anyGroup) {
        if (currencies.size <= 1) rateOf = await getService(strapi, 'rates').lookup();
        const groups = getService(strapi, 'groups');
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
        const details = await describeRefusal(strapi, mapping, first.party, first.decision, field, trx, rateOf, action === 'create' ? resultId : undefined);
        throw new CreditRefusal(first.decision.message, details, refusals.map((r) => r.audit), actor);
      }

      const logged = outcomes.filter((o) => o.decision.reason !== 'notGated' || o.audit.outcome !== 'allowed');
      await io.write(trx, deltas, logged.map((o) => o.audit), actor);
      warn(outcomes.filter((o) => o.decision.outcome === 'warned').map((o) => o.decision.message));
      // a caller's transaction may still roll this write back: announce it only once it is committed
      for (const o of outcomes) {
        if (o.decision.outcome === 'warned') {
          const { decision } = o;
          const money = (minor: bigint) => minorToString(minor, decision.currency);
          const event = { outcome: 'warned', party: o.party, message: decision.message, currency: decision.currency, threshold: money(decision.threshold), exposureAfter: money(decision.exposureAfter) };
          onCommit(() => strapi.eventHub.emit('credit-control.exceeded', event));
        }
        if (o.overridden) {
          const event = { party: o.party, reason: o.overridden, refusal: o.decision.message, document: { uid: ctx.uid, documentId: resultId ?? sourceId } };
          onCommit(() => strapi.eventHub.emit('credit-control.overridden', event));
        }
      }
      return result;
    },
  };
};

export default guardService;
