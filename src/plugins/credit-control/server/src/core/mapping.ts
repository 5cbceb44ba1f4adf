/**
 * The app's declaration of what the engine watches (config/plugins.ts), normalised and checked.
 * Pure: model lookups are passed in, so a bad mapping is reported the same way in tests and at boot.
 */

import { checkDefaultPolicyBy, type DefaultPolicyKey } from './default-policy';
import { checkReportsMapping, type ReportsMapping } from './reports/mapping';
import { checkBehaviourMapping, type BehaviourMapping } from './behaviour-mapping';

export interface FieldPredicate {
  field: string;
  in?: (string | number | boolean)[];
  notIn?: (string | number | boolean)[];
}

export interface DocumentMapping {
  uid: string;
  /** policy checkbox this type answers to, e.g. "invoices"; empty: counted, never gated */
  gate: string;
  /** relation(s) to the party; the first one set is the party (customer to bill before sold-to) */
  partyFields: string[];
  /** counted in this bucket; none means gated only (delta 0) */
  bucket?: string;
  /** the bucket counts in a policy that names no buckets (default true; false: a clerk ticks it, e.g. opportunities) */
  countedByDefault: boolean;
  amountField?: string;
  currencyField?: string;
  sign: 1 | -1;
  /** sign flips when this holds (credit notes) */
  negativeWhen?: FieldPredicate;
  /** counted only while this holds */
  open?: FieldPredicate;
  /** amount minus the largest of these (orders: delivered/invoiced; receipts: allocated) */
  minus: string[];
  /** amount × (total − paid) / total (invoices: the unpaid share) */
  unpaidShare?: { paidField: string; totalField: string };
  /** document actions the gate applies to; help-desk issues are gated on create only */
  gatedActions: ('create' | 'update' | 'delete')[];
  /** shown in refusals and the audit */
  labelField?: string;
  /** a date field: the delivery date a policy's horizon compares (horizon.ts); absent: always counted */
  horizonDateField?: string;
  /** a date field: the due date the overdue rules read (overdue.ts); absent: the type has no dues */
  dueDateField?: string;
  /** falls due only while this holds (issued invoices, not drafts); absent: whenever counted */
  dueWhen?: FieldPredicate;
}

export interface CallTakingMapping {
  uid: string;
  partyField: string;
  contractField?: string;
  channelField?: string;
  invoices: {
    uid: string;
    partyField: string;
    contractField?: string;
    unpaid: FieldPredicate;
    /** never an unpaid invoice, whatever `unpaid` says (credit notes); defaults to the type's `negativeWhen` */
    excludeWhen?: FieldPredicate;
  };
}

export interface GroupMapping {
  uid: string;
  memberField: string;
  parentField: string;
  where?: FieldPredicate;
}

export interface PartyMapping {
  uid: string;
  /** names one party (the decision log, the admin) */
  labelField?: string;
  /** its short code, shown before the label */
  codeField?: string;
  /** policies are offered only on parties where this holds (customers, not prospects); absent: on every party */
  policyWhen?: FieldPredicate;
  /** the party's fields a default policy can be keyed by, in precedence order (default-policy.ts) */
  defaultPolicyBy?: DefaultPolicyKey[];
}

export interface Mapping {
  party: PartyMapping;
  currency: { default: string; uid?: string; codeField: string };
  documents: Record<string, DocumentMapping>;
  callTaking?: CallTakingMapping;
  groups?: GroupMapping;
  /** statement, dunning letters and emails; absent: the report routes answer 404 */
  reports?: ReportsMapping;
  /** payment behaviour (DSO, days late, suggested colour); absent: the behaviour routes answer 404 */
  behaviour?: BehaviourMapping;
}

/** What the mapping may say about a model: its attributes' types and targets. */
export type DescribeModel = (uid: string) => Record<string, { type: string; target?: string; relation?: string; enum?: string[] }> | undefined;

const DATES = new Set(['date', 'datetime']);
const NUMERIC = new Set(['decimal', 'float', 'integer', 'biginteger']);
/** fields that may hold an ISO currency code when the app has no currency type */
const TEXT = new Set(['string', 'text', 'enumeration', 'uid']);

const asList = (value: unknown): string[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value.map(String) : [String(value)];

/** Normalises the raw config and lists every problem in words that name the uid and field. */
export function checkMapping(raw: any, describe: DescribeModel, describeComponent: DescribeModel = () => undefined): { mapping: Mapping; problems: string[] } {
  const problems: string[] = [];
  const partyUid = String(raw?.party?.uid ?? '');
  const party = describe(partyUid);
  if (!partyUid) problems.push('party.uid is missing: name the content type that holds credit policies');
  else if (!party) problems.push(`party.uid "${partyUid}" is not a content type of this app`);

  const fieldOf = (uid: string, field: string, where: string, expect: 'numeric' | 'relation' | 'text' | 'date' | 'any', target?: string) => {
    const attributes = describe(uid);
    const attribute = attributes?.[field];
    if (!attributes) return;
    if (!attribute) return problems.push(`${where}: "${uid}" has no field "${field}"`);
    if (expect === 'numeric' && !NUMERIC.has(attribute.type)) {
      problems.push(`${where}: "${uid}.${field}" is a ${attribute.type} field, not a number`);
    }
    if (expect === 'date' && !DATES.has(attribute.type)) {
      problems.push(`${where}: "${uid}.${field}" is a ${attribute.type} field, not a date`);
    }
    if (expect === 'text' && !TEXT.has(attribute.type)) {
      problems.push(`${where}: "${uid}.${field}" is a ${attribute.type} field, not a text field holding a currency code`);
    }
    if (expect === 'relation' && attribute.type !== 'relation') {
      problems.push(`${where}: "${uid}.${field}" is a ${attribute.type} field, not a relation`);
    } else if (expect === 'relation' && target && attribute.target !== target) {
      problems.push(`${where}: "${uid}.${field}" points to "${attribute.target}", not to "${target}"`);
    }
  };
  const predicate = (uid: string, value: any, where: string): FieldPredicate | undefined => {
    if (value === undefined) return undefined;
    if (!value || typeof value.field !== 'string' || (!Array.isArray(value.in) && !Array.isArray(value.notIn))) {
      problems.push(`${where}: expected { field, in: [...] } or { field, notIn: [...] }`);
      return undefined;
    }
    fieldOf(uid, value.field, where, 'any');
    return { field: value.field, in: value.in, notIn: value.notIn };
  };

  const currencyUid = raw?.currency?.uid ? String(raw.currency.uid) : undefined;
  const currency = { default: String(raw?.currency?.default ?? 'EUR').toUpperCase(), uid: currencyUid, codeField: String(raw?.currency?.codeField ?? 'code') };
  if (currencyUid && !describe(currencyUid)) problems.push(`currency.uid "${currencyUid}" is not a content type of this app`);
  else if (currencyUid) fieldOf(currencyUid, currency.codeField, 'currency.codeField', 'any');

  const documents: Record<string, DocumentMapping> = {};
  for (const [uid, doc] of Object.entries<any>(raw?.documents ?? {})) {
    const where = `documents["${uid}"]`;
    if (!describe(uid)) {
      problems.push(`${where}: "${uid}" is not a content type of this app`);
      continue;
    }
    const partyFields = asList(doc?.partyField);
    if (partyFields.length === 0) problems.push(`${where}.partyField is missing`);
    partyFields.forEach((field) => fieldOf(uid, field, `${where}.partyField`, 'relation', partyUid));
    if (doc?.bucket && !doc?.amountField) problems.push(`${where}: a bucket needs an amountField`);
    if (doc?.amountField) fieldOf(uid, doc.amountField, `${where}.amountField`, 'numeric');
    if (doc?.currencyField) fieldOf(uid, doc.currencyField, `${where}.currencyField`, currencyUid ? 'relation' : 'text', currencyUid);
    const minus = asList(doc?.minus);
    minus.forEach((field) => fieldOf(uid, field, `${where}.minus`, 'numeric'));
    if (doc?.unpaidShare) {
      fieldOf(uid, doc.unpaidShare.paidField, `${where}.unpaidShare.paidField`, 'numeric');
      fieldOf(uid, doc.unpaidShare.totalField, `${where}.unpaidShare.totalField`, 'numeric');
    }
    if (doc?.sign !== undefined && doc.sign !== 1 && doc.sign !== -1) problems.push(`${where}.sign must be 1 or -1`);
    if (doc?.countedByDefault !== undefined && typeof doc.countedByDefault !== 'boolean') problems.push(`${where}.countedByDefault must be true or false`);
    const gatedActions = asList(doc?.gatedActions ?? (doc?.gate ? ['create', 'update', 'delete'] : [])) as DocumentMapping['gatedActions'];
    documents[uid] = {
      uid,
      gate: String(doc?.gate ?? ''),
      partyFields,
      bucket: doc?.bucket ? String(doc.bucket) : undefined,
      countedByDefault: doc?.countedByDefault !== false,
      amountField: doc?.amountField,
      currencyField: doc?.currencyField,
      sign: doc?.sign === -1 ? -1 : 1,
      negativeWhen: predicate(uid, doc?.negativeWhen, `${where}.negativeWhen`),
      open: predicate(uid, doc?.open, `${where}.open`),
      minus,
      unpaidShare: doc?.unpaidShare,
      gatedActions,
      labelField: doc?.labelField,
      ...(doc?.horizonDateField ? { horizonDateField: String(doc.horizonDateField) } : {}),
      ...(doc?.dueDateField ? { dueDateField: String(doc.dueDateField) } : {}),
      ...(doc?.dueWhen ? { dueWhen: predicate(uid, doc.dueWhen, `${where}.dueWhen`) } : {}),
    };
    if (doc?.labelField) fieldOf(uid, doc.labelField, `${where}.labelField`, 'any');
    if (doc?.horizonDateField !== undefined) {
      if (typeof doc.horizonDateField !== 'string' || !doc.horizonDateField) problems.push(`${where}.horizonDateField must name a date field`);
      else if (!doc.bucket) problems.push(`${where}.horizonDateField: the type counts in no bucket, so a horizon has nothing to leave out`);
      else fieldOf(uid, doc.horizonDateField, `${where}.horizonDateField`, 'date');
    }
    if (doc?.dueDateField !== undefined) {
      if (typeof doc.dueDateField !== 'string' || !doc.dueDateField) problems.push(`${where}.dueDateField must name a date field`);
      else if (!doc.bucket) problems.push(`${where}.dueDateField: the type counts in no bucket, so it has no open amount to fall due`);
      else fieldOf(uid, doc.dueDateField, `${where}.dueDateField`, 'date');
    }
  }

  let callTaking: CallTakingMapping | undefined;
  if (raw?.callTaking) {
    const ct = raw.callTaking;
    const where = 'callTaking';
    if (!describe(ct.uid)) problems.push(`${where}: "${ct.uid}" is not a content type of this app`);
    else {
      fieldOf(ct.uid, ct.partyField, `${where}.partyField`, 'relation', partyUid);
      if (ct.contractField) fieldOf(ct.uid, ct.contractField, `${where}.contractField`, 'relation');
      if (ct.channelField) fieldOf(ct.uid, ct.channelField, `${where}.channelField`, 'any');
    }
    const inv = ct.invoices ?? {};
    if (!describe(inv.uid)) problems.push(`${where}.invoices: "${inv.uid}" is not a content type of this app`);
    else {
      fieldOf(inv.uid, inv.partyField, `${where}.invoices.partyField`, 'relation', partyUid);
      if (inv.contractField) fieldOf(inv.uid, inv.contractField, `${where}.invoices.contractField`, 'relation');
    }
    // a credit note is owed to the party, not by it: the invoice mapping's negativeWhen says which they are
    const excludeWhen = inv.excludeWhen !== undefined ? predicate(inv.uid, inv.excludeWhen, `${where}.invoices.excludeWhen`) : documents[inv.uid]?.negativeWhen;
    callTaking = {
      uid: ct.uid,
      partyField: ct.partyField,
      contractField: ct.contractField,
      channelField: ct.channelField,
      invoices: {
        uid: inv.uid,
        partyField: inv.partyField,
        contractField: inv.contractField,
        unpaid: predicate(inv.uid, inv.unpaid, `${where}.invoices.unpaid`) ?? { field: 'status', notIn: [] },
        excludeWhen,
      },
    };
  }

  let groups: GroupMapping | undefined;
  if (raw?.groups) {
    const g = raw.groups;
    if (!describe(g.uid)) problems.push(`groups: "${g.uid}" is not a content type of this app`);
    else {
      fieldOf(g.uid, g.memberField, 'groups.memberField', 'relation', partyUid);
      fieldOf(g.uid, g.parentField, 'groups.parentField', 'relation', partyUid);
    }
    groups = { uid: g.uid, memberField: g.memberField, parentField: g.parentField, where: predicate(g.uid, g.where, 'groups.where') };
  }

  // the decision log names parties by these fields, and finds them by them
  if (raw?.party?.labelField && party) fieldOf(partyUid, String(raw.party.labelField), 'party.labelField', 'any');
  const policyWhen = party ? predicate(partyUid, raw?.party?.policyWhen, 'party.policyWhen') : undefined;
  if (raw?.party?.codeField && party) fieldOf(partyUid, String(raw.party.codeField), 'party.codeField', 'any');

  const defaults = checkDefaultPolicyBy(raw?.party?.defaultPolicyBy, partyUid, describe, describeComponent);
  problems.push(...defaults.problems);

  const reports = checkReportsMapping(raw?.reports, partyUid, describe, describeComponent);
  problems.push(...reports.problems);
  const behaviour = checkBehaviourMapping(raw?.behaviour, partyUid, reports.reports, describe);
  problems.push(...behaviour.problems);

  return {
    mapping: { party: { uid: partyUid, labelField: raw?.party?.labelField, codeField: raw?.party?.codeField, ...(policyWhen ? { policyWhen } : {}), ...(defaults.keys.length ? { defaultPolicyBy: defaults.keys } : {}) }, currency, documents, callTaking, groups, reports: reports.reports, ...(behaviour.behaviour ? { behaviour: behaviour.behaviour } : {}) },
    problems,
  };
}

export const matches = (predicate: FieldPredicate | undefined, row: Record<string, unknown>): boolean => {
  if (!predicate) return true;
  const value = row[predicate.field] as string | number | boolean;
  if (predicate.in) return predicate.in.includes(value);
  return !(predicate.notIn ?? []).includes(value);
};
