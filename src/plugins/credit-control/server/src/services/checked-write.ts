import type { Core } from '@strapi/strapi';
import {
  contributionOf,
  decideCallTaking,
  deltasOf,
  horizonUntil,
  isoDay,
  judgeLimit,
  type Contribution,
  type DatedRow,
  type DocumentMapping,
  type DocumentState,
  type ExposureRow,
  type Judged,
  type Mapping,
  type OverdueFacts,
  type PartyLimits,
  type Policy,
  type RateOf,
} from '../core';
import { callFacts } from './call-facts';
import { causedDeltas, causingWrite, collectCaused, type CausedWrites } from './caused-writes';
import type { DecisionInputs, DecisionIo } from './decision-io';
import type { Covering } from './default-policies';
import { partiesNamedIn } from './party-refs';
import type { PolicyRow } from './policies';
import { describeRefusal } from './refusal';
import { announceOutcomes, announceReleases, type PartyOutcome } from './write-events';
import { writeRequest, type CreditRefusal } from './write-request';
import type { WriteUnderCheck } from './write-under-check';
import { getService } from '../utils/get-service';

/** Whether the inputs were read for exactly these parties. */
const sameParties = (inputs: DecisionInputs, parties: string[]): boolean => inputs.exposures.size === parties.length && parties.every((p) => inputs.exposures.has(p));

/**
 * The steps of checking one write, in the order the guard runs them (guard.ts `guarded`): lock
 * and read before, write, read after, measure, read the limits, judge the parties and groups,
 * then refuse, or keep and announce. Each step reads what earlier ones left on the instance.
 */
export class CheckedWrite {
  private readonly states;
  private readonly store;
  private readonly policies;
  private readonly request;
  private readonly io;
  /** the decision's inputs as a create's read of what it wrote brought them (readCreated), when they are current */
  private inputsRead: DecisionInputs | undefined;
  private sourceId: string | undefined;
  private partyFields: string[] = [];
  private locked = new Set<string>();
  private before: DocumentState[] = [];
  private after: DocumentState[] = [];
  result: any;
  private caused: CausedWrites | undefined;
  /** the write that caused this one, which judges it with its own */
  causer: CausedWrites | undefined;
  private resultId: string | undefined;
  private ownParties: string[] = [];
  private partiesForCall: string[] = [];
  private ownDeltas: Contribution[] = [];
  private parties: string[] = [];
  private allParties: string[] = [];
  private deltas: Contribution[] = [];
  private rows = new Map<string, PolicyRow>();
  private exposures = new Map<string, ExposureRow[]>();
  private anyGroup = false;
  /** the policy covering each party (its own or a default one), its temporary limits in force and its insurance */
  private covering = new Map<string, Covering>();
  private limits = new Map<string, PartyLimits>();
  /** the dated exposure rows after today of the parties whose policy has a horizon (read only then) */
  private dated = new Map<string, DatedRow[]>();
  /** what is past due for the parties whose policy has an overdue rule (read only then) */
  private overdue = new Map<string, OverdueFacts>();
  /** the decision's day: temporary limits and insurance expiry are judged at it */
  private readonly day = isoDay(new Date());
  private currencies = new Set<string>();
  private rateOf: RateOf = () => undefined;
  private ratesRead = false;
  /** the request's override reason (an admin's header), asked once */
  private override: string | null = null;
  private readonly outcomes: PartyOutcome[] = [];
  readonly refusals: PartyOutcome[] = [];

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly w: WriteUnderCheck
  ) {
    this.states = getService(strapi, 'states');
    this.store = getService(strapi, 'exposure-store');
    this.policies = getService(strapi, 'policies');
    this.request = writeRequest(strapi);
    this.io = getService(strapi, 'decision-io');
  }

  private get isCall(): boolean {
    return Boolean(this.w.mapping.callTaking && this.w.ctx.uid === this.w.mapping.callTaking.uid);
  }

  /** The document as it was, and its parties locked (a create locks after its write: see below). */
  async lockBefore(): Promise<void> {
    const { trx, ctx, doc, mapping, action } = this.w;
    // an override the requester may not ask for stops the write before it starts (a 403)
    this.override = this.request.override();
    this.sourceId = ctx.params?.documentId;
    const readsBefore = Boolean(doc && this.sourceId && ctx.action !== 'clone');
    if (readsBefore) await this.store.lockDocument(trx, doc!.uid, this.sourceId!);
    this.before = readsBefore ? await this.states.read(doc!, mapping, this.sourceId!, trx) : [];
    this.partyFields = doc?.partyFields ?? [mapping.callTaking!.partyField];
    // a create has no before state to protect: it locks its parties after its own write, so
    // writes for one party queue only for the decision (lock, read, apply), not for each other's write
    if (action === 'create') return;
    const named = await partiesNamedIn(this.strapi, mapping.party.uid, this.partyFields.map((f) => ctx.params?.data?.[f]));
    this.locked = new Set([...this.before.map((s) => s.party).filter((p): p is string => Boolean(p)), ...named]);
    // the document is locked first (Postgres), so `before` is what the last writer left: no re-read
    await this.store.lock(trx, [...this.locked]);
  }

  /** The write itself; the writes it causes are collected to be judged with it (caused-writes.ts). */
  async write(): Promise<void> {
    this.causer = causingWrite();
    if (this.causer) this.result = await this.w.next();
    else ({ result: this.result, caused: this.caused } = await collectCaused(this.w.next));
  }

  /** The document as it is now, and the parties it names that are not locked yet. */
  async readAfter(): Promise<void> {
    const { trx, doc, mapping, action } = this.w;
    this.resultId = action === 'delete' ? undefined : (this.result?.documentId ?? this.sourceId);
    this.after = [];
    if (doc && this.resultId) {
      // a create holds no lock yet: where the database can, the read of what it wrote locks its parties
      // and brings their decision's inputs (one round trip)
      const read = action === 'create' && this.locked.size === 0 ? await this.readCreated(doc, mapping, this.resultId, trx) : { states: await this.states.read(doc, mapping, this.resultId, trx), locked: false };
      this.after = read.states;
      if (read.locked) this.after.forEach((s) => s.party && this.locked.add(s.party));
    }
    this.ownParties = [...new Set([...this.before, ...this.after].map((s) => s.party).filter((p): p is string => Boolean(p)))];
    if (!doc && this.resultId) this.partiesForCall = await callFacts(this.strapi).parties(mapping, this.resultId);
    const late = [...this.ownParties, ...this.partiesForCall].filter((p) => !this.locked.has(p));
    if (late.length > 0) await this.store.lockAfterWrite(trx, late);
    this.ownDeltas = doc ? deltasOf(this.before.map((s) => contributionOf(doc, s)), this.after.map((s) => contributionOf(doc, s))) : [];
  }

  /** What a create wrote, its parties locked where the database can, with their decision's inputs where it can. */
  private async readCreated(doc: DocumentMapping, mapping: Mapping, documentId: string, trx: any): Promise<{ states: DocumentState[]; locked: boolean }> {
    // built only where the database reads both in one statement (SQLite and MySQL read them apart)
    let over: ReturnType<DecisionIo['readOver']> | undefined;
    const read = await this.states.readWithInputs(doc, mapping, documentId, trx, () => (over = this.io.readOver(this.day, { rules: true })));
    if (read === null) return { states: await this.states.read(doc, mapping, documentId, trx), locked: false };
    if (read.current) this.inputsRead = over!.inputsOf(read.statementRows);
    return read;
  }

  /** A caused write hands its moves to the write that caused it, and is judged there. */
  handOver(): any {
    this.causer!.writes.push({ uid: this.w.ctx.uid, documentId: this.resultId ?? this.sourceId, deltas: this.ownDeltas });
    this.ownParties.forEach((p) => this.causer!.parties.add(p));
    return this.result;
  }

  /** The exposure moves of the write and of the writes it caused, and every party they touch. */
  measure(): void {
    // the parties of the caused writes are locked by those writes, in their own turn
    this.parties = [...new Set([...this.ownParties, ...this.caused!.parties])];
    this.deltas = deltasOf([], [...this.ownDeltas, ...causedDeltas(this.caused!, this.w.ctx.uid, this.resultId ?? this.sourceId)]);
    this.allParties = [...new Set([...this.parties, ...this.partiesForCall])];
  }

  /** The parties' policies and maintained exposure; the rates only when a conversion can happen. */
  async readLimits(): Promise<void> {
    // the create's read brought them when its parties are all there are (no caused write, no call-taking party)
    const read = this.inputsRead && sameParties(this.inputsRead, this.allParties) ? this.inputsRead : await this.io.read(this.w.trx, this.allParties, this.day, { rules: true });
    ({ policies: this.rows, exposures: this.exposures, anyGroup: this.anyGroup } = read);
    // a party without a policy of its own is covered by a default one (read only when one exists)
    this.covering = await getService(this.strapi, 'default-policies').covering(this.allParties, this.rows, read.anyDefault, read.partyKeys);
    this.currencies = new Set([...this.deltas, ...[...this.exposures.values()].flat()].map((c) => c.currency));
    for (const p of this.allParties) {
      const limits: PartyLimits = { policySource: this.covering.get(p)!.source, temporary: read.temporary.get(p) ?? [], insurance: read.insurance.get(p) ?? null };
      this.limits.set(p, limits);
      this.currencies.add(this.policies.toPolicy(this.covering.get(p)!.row ?? null).currency);
      [...limits.temporary, ...(limits.insurance ? [limits.insurance] : [])].forEach((l) => this.currencies.add(l.currency));
    }
    if (this.currencies.size > 1) await this.ratesOnce();
    // the horizon (what the parties deliver beyond it) and the overdue rules (the open dues past due
    // today): a party's own policy had them read with the limits; a default policy's, one more read
    const withHorizon = new Map(this.allParties.flatMap((p) => this.lastCounted(p, this.covering.get(p)?.row)));
    const overdue = getService(this.strapi, 'overdue-reads');
    const plan = overdue.plan(this.coveringPolicies());
    const rows = await getService(this.strapi, 'rule-rows').read(this.w.trx, { dated: withHorizon, ...overdue.wanted(plan) }, this.day, read.ownRules);
    if (withHorizon.size > 0) this.dated = rows.dated;
    this.overdue = await overdue.factsOf(plan, rows.dues, rows.levels, this.day, () => this.ratesOnce());
  }

  private coveringPolicies(parties: string[] = this.allParties): Map<string, Policy> {
    return new Map(parties.map((p) => [p, this.policies.toPolicy(this.covering.get(p)?.row ?? null)]));
  }

  /** Today's rates, read at most once per write (only when a conversion can happen). */
  private async ratesOnce(): Promise<RateOf> {
    if (!this.ratesRead) this.rateOf = await getService(this.strapi, 'rates').lookup();
    this.ratesRead = true;
    return this.rateOf;
  }

  /** `[[party, its horizon's last counted day]]`, or none when its policy has no horizon. */
  private lastCounted(party: string, row: PolicyRow | null | undefined): [string, string][] {
    const days = this.policies.toPolicy(row ?? null).horizonDays;
    return days === null || days === undefined ? [] : [[party, horizonUntil(this.day, days)]];
  }

  private judge(party: string, row: PolicyRow | undefined, exposureRows: ExposureRow[], counted: Contribution[], group?: string[], dated?: DatedRow[]): Judged | undefined {
    const policy = this.policies.toPolicy(row ?? null);
    if (group && !policy.group) return undefined;
    const { ctx, doc, action } = this.w;
    const audit = { kind: this.isCall ? ('callTaking' as const) : ('write' as const), documentUid: ctx.uid, documentId: this.resultId ?? this.sourceId ?? null, action: ctx.action };
    // a party's own limit: its temporary limits and insurance apply (a group limit is its parent's policy alone)
    const limits = group ? undefined : this.limits.get(party);
    return judgeLimit({ party, policy, exposureRows, counted, group, rateOf: this.rateOf, doc, action, audit, limits, day: this.day, dated: dated ?? this.dated.get(party), overdue: group ? undefined : this.overdue.get(party) });
  }

  /** A refused decision stands unless overridden (the request's header, or the policy's standing override). */
  private settle(party: string, row: PolicyRow | undefined, judged: Judged): void {
    const outcome: PartyOutcome = { party, decision: judged.decision, audit: judged.audit };
    if (judged.decision.outcome === 'refused') {
      const granted = this.override ?? this.policies.activeOverride(row);
      if (granted) {
        outcome.overridden = granted;
        outcome.audit.outcome = 'overridden';
        outcome.audit.details = { ...(outcome.audit.details as object), overrideReason: granted, refusal: judged.decision.message };
      } else this.refusals.push(outcome);
    }
    if (judged.decision.reason !== 'notGated' || judged.counted.length > 0) this.outcomes.push(outcome);
  }

  /** Each party's own limit, then a new help-desk issue's call-taking rule. */
  async judgeParties(): Promise<void> {
    const { ctx, mapping, action } = this.w;
    for (const party of this.allParties) {
      const row = this.rows.get(party);
      const judged = this.judge(party, this.covering.get(party)?.row, this.exposures.get(party) ?? [], this.deltas.filter((d) => d.party === party))!;
      if (this.isCall && action === 'create' && judged.decision.outcome !== 'refused') {
        const call = decideCallTaking(judged.policy.callTaking, await callFacts(this.strapi).facts(mapping, party, ctx.params?.data, this.resultId));
        if (call.outcome !== 'allowed') {
          judged.decision = { ...judged.decision, outcome: call.outcome, reason: call.reason, message: call.message };
          Object.assign(judged.audit, { outcome: call.outcome, reason: call.reason, message: call.message });
        }
      }
      this.settle(party, row, judged);
    }
  }

  /** Group limits: a parent whose policy counts its affiliates judges the write over all of them. */
  async judgeGroups(): Promise<void> {
    const { mapping, doc, trx } = this.w;
    if (!mapping.groups || !doc || this.parties.length === 0 || !this.anyGroup) return;
    await this.ratesOnce();
    const groups = getService(this.strapi, 'groups');
    const parents: Map<string, string[]> = await groups.parentsOf(mapping.groups, this.parties);
    const parentRows = await this.policies.rows([...parents.keys()]);
    for (const parent of parents.keys()) {
      const row = parentRows.get(parent);
      if (!this.policies.toPolicy(row ?? null).group) continue;
      await this.store.lock(trx, [parent]);
      const members = [...new Set([parent, ...(await groups.membersOf(mapping.groups, parent))])];
      const memberRows = await this.store.readMany(trx, members);
      const until = this.lastCounted(parent, row)[0]?.[1];
      const memberDated = until ? [...(await this.store.readDated(trx, new Map(members.map((m) => [m, until])))).values()].flat() : undefined;
      const judged = this.judge(parent, row, [...memberRows.values()].flat(), this.deltas.filter((d) => members.includes(d.party)), members, memberDated);
      if (judged) this.settle(parent, row, judged);
    }
  }

  /** The first refusal, with its figures, on the field that names the refused party. */
  async refusal(): Promise<CreditRefusal> {
    const first = this.refusals[0];
    const { mapping, trx, action, actor } = this.w;
    // the customer when no customer to bill is set
    const field = [...this.after, ...this.before].find((s) => s.party === first.party)?.partyField ?? this.partyFields[0];
    const described = await describeRefusal(this.strapi, mapping, first.party, first.decision, field, trx, this.rateOf, action === 'create' ? this.resultId : undefined);
    // the limit that applied and where it comes from (own, default, temporary, insured cap)
    const limit = (first.audit.details as { limit?: unknown } | undefined)?.limit;
    const figures = limit ? { ...described, limit } : described;
    return this.request.refusal(first.party, first.decision, field, figures, this.refusals.map((r) => r.audit), actor);
  }

  /** The write stays: its moves applied to the maintained exposure, its decisions logged, its warnings sent. */
  async keep(): Promise<void> {
    const logged = this.outcomes.filter((o) => o.decision.reason !== 'notGated' || o.audit.outcome !== 'allowed');
    await this.io.write(this.w.trx, this.deltas, logged.map((o) => o.audit), this.w.actor);
    await announceReleases(this.strapi, this.w, {
      deltas: this.deltas,
      overdue: this.overdue,
      policyOf: (parties) => this.coveringPolicies(parties),
      day: this.day,
      rates: () => this.ratesOnce(),
      documentId: this.resultId ?? this.sourceId,
    });
    await this.request.warn(this.outcomes.filter((o) => o.decision.outcome === 'warned').map((o) => o.decision));
  }

  /** Events of warned and overridden writes, sent once committed (write-events.ts). */
  announce(): void {
    announceOutcomes(this.strapi, this.w, this.outcomes, this.resultId ?? this.sourceId);
  }
}
