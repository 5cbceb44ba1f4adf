/**
 * Customer accounting rules: the subledger account a customer should have under its company's
 * rule, and the mismatches between that and what the record holds. Pure: no Strapi import.
 */
import { DEFAULT_LOCALE, say, translate, type Locale, type Said } from './messages';

export interface AccountingRule {
  /** subledger account prefix, e.g. "411" */
  prefix: string;
  /** total length of a subledger account, prefix included */
  length: number;
}

export const DEFAULT_ACCOUNTING_RULE: AccountingRule = { prefix: '411', length: 10 };
/** French general accounts have 6 digits: the prefix right-padded with 0 ("411" → "411000"). */
export const GENERAL_ACCOUNT_LENGTH = 6;

/** The company's rule, defaults where its management rules leave a value empty. */
export function accountingRule(rules?: { subledgerAccountPrefix?: string | null; subledgerAccountLength?: number | null } | null): AccountingRule {
  const prefix = rules?.subledgerAccountPrefix?.trim();
  const length = rules?.subledgerAccountLength;
  return {
    prefix: prefix ? prefix : DEFAULT_ACCOUNTING_RULE.prefix,
    length: typeof length === 'number' && Number.isInteger(length) && length > 0 ? length : DEFAULT_ACCOUNTING_RULE.length,
  };
}

/** `reason` in English, `said` the same coded for the reader's language. */
export type ExpectedAccount = { ok: true; account: string } | { ok: false; reason: string; said: Said };

const cannot = (said: Said): ExpectedAccount => ({ ok: false, reason: said.message, said });

/**
 * Prefix + customer code (uppercased, letters and digits only), left-padded with '0' between
 * the two to the rule's length: prefix 411, length 10, code c-12 → 4110000C12.
 */
export function expectedSubledgerAccount(rule: AccountingRule, code: string | null | undefined): ExpectedAccount {
  const cleaned = (code ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (cleaned === '') return cannot(say('accountCodeWithoutCharacters', { code: code ?? '' }));
  const room = rule.length - rule.prefix.length;
  if (cleaned.length > room) {
    return cannot(say('accountCodeTooLong', { code: cleaned, prefix: rule.prefix, count: cleaned.length, length: rule.length }));
  }
  return { ok: true, account: `${rule.prefix}${cleaned.padStart(room, '0')}` };
}

/** General account under the prefix: the prefix right-padded with '0' to 6 characters. */
export const defaultGeneralAccount = (rule: AccountingRule): string =>
  rule.prefix.length >= GENERAL_ACCOUNT_LENGTH ? rule.prefix : rule.prefix.padEnd(GENERAL_ACCOUNT_LENGTH, '0');

export interface AccountingFacts {
  kind?: string | null;
  code?: string | null;
  notBooked?: boolean | null;
  subledgerAccount?: string | null;
  generalAccount?: string | null;
}

export type IssueCode =
  | 'missingAccount'
  | 'wrongPrefix'
  | 'wrongLength'
  | 'codeMismatch'
  | 'cannotBuild'
  | 'usedByAnother'
  | 'notBookedWithAccount'
  | 'generalAccountOutsidePrefix';

export interface AccountingIssue {
  field: string;
  code: IssueCode;
  message: string;
}

export interface Consistency {
  consistent: boolean;
  expected: string | null;
  issues: AccountingIssue[];
}

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Every mismatch between a record and the rule, in words. `holders` are the other customers of
 * the company that hold the same subledger account. Prospects are not booked yet: a missing
 * account is only an issue for a booked customer. Messages are in `locale` (the reader's language).
 */
export function checkAccountingConsistency(facts: AccountingFacts, rule: AccountingRule, holders: string[] = [], locale: Locale = DEFAULT_LOCALE): Consistency {
  const issues: AccountingIssue[] = [];
  const issue = (field: string, code: IssueCode, said: Said): AccountingIssue => ({ field, code, message: translate(said, locale) });
  const account = present(facts.subledgerAccount) ? facts.subledgerAccount.trim() : null;
  const expected = expectedSubledgerAccount(rule, facts.code);
  const booked = !facts.notBooked;

  if (!booked && account) {
    issues.push(issue('subledgerAccount', 'notBookedWithAccount', say('accountNotBookedWithAccount', { account })));
  }
  if (booked && facts.kind === 'customer' && !account) {
    const said = expected.ok ? say('accountMissingExpected', { expected: expected.account }) : say('accountMissing');
    issues.push(issue('subledgerAccount', 'missingAccount', said));
  }
  if (account) {
    if (!account.startsWith(rule.prefix)) {
      issues.push(issue('subledgerAccount', 'wrongPrefix', say('accountWrongPrefix', { account, prefix: rule.prefix })));
    }
    if (account.length !== rule.length) {
      issues.push(issue('subledgerAccount', 'wrongLength', say('accountWrongLength', { account, count: account.length, length: rule.length })));
    }
    if (expected.ok && account !== expected.account) {
      issues.push(issue('subledgerAccount', 'codeMismatch', say('accountCodeMismatch', { account, code: String(facts.code), expected: expected.account })));
    }
    if (holders.length > 0) {
      issues.push(issue('subledgerAccount', 'usedByAnother', say('accountUsedByAnother', { account, holders: holders.join(', ') })));
    }
  }
  if (!expected.ok && (account || (booked && facts.kind === 'customer'))) {
    issues.push(issue('code', 'cannotBuild', expected.said));
  }
  if (present(facts.generalAccount) && !facts.generalAccount.trim().startsWith(rule.prefix)) {
    issues.push(issue('generalAccount', 'generalAccountOutsidePrefix', say('accountGeneralOutsidePrefix', { account: facts.generalAccount.trim(), prefix: rule.prefix })));
  }
  return { consistent: issues.length === 0, expected: expected.ok ? expected.account : null, issues };
}

/**
 * What "Manage in accounting" does to a record, before it does it: set the subledger account built
 * from the code (none yet), replace a different one (only once the clerk confirms), or nothing; and
 * the general account it fills when empty. A record it cannot manage says why, on which field.
 */
export type AccountingPlan =
  | { ok: false; field: string; reason: string; said: Said; holders?: string[] }
  | { ok: true; change: 'set' | 'replace' | 'none'; current: string | null; account: string; generalAccount: string | null };

/** `reason` in English, `said` the same coded for the reader's language. */
const refusedPlan = (field: string, said: Said, holders?: string[]): AccountingPlan => ({ ok: false, field, reason: said.message, said, ...(holders ? { holders } : {}) });

export function planAccounting(facts: AccountingFacts & { label: string }, rule: AccountingRule, holdersOfExpected: string[] = []): AccountingPlan {
  if (facts.kind !== 'customer') return refusedPlan('kind', say('accountingProspect', { customer: facts.label }));
  if (facts.notBooked) return refusedPlan('notBooked', say('accountingNotBooked', { customer: facts.label }));
  const expected = expectedSubledgerAccount(rule, facts.code);
  if (!expected.ok) return refusedPlan('code', expected.said);
  if (holdersOfExpected.length > 0) {
    return refusedPlan('subledgerAccount', say('subledgerAccountUsedBy', { account: expected.account, holders: holdersOfExpected.join(', ') }), holdersOfExpected);
  }
  const current = present(facts.subledgerAccount) ? facts.subledgerAccount.trim() : null;
  return {
    ok: true,
    change: current === expected.account ? 'none' : current ? 'replace' : 'set',
    current,
    account: expected.account,
    generalAccount: present(facts.generalAccount) ? null : defaultGeneralAccount(rule),
  };
}
