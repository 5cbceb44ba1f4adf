import type { Core } from '@strapi/strapi';
import { accountingRule, checkAccountingConsistency, expectedSubledgerAccount, planAccounting, type AccountingRule } from '../../../domain/accounting';
import { pageOf, pageParams } from '../../../http/paging';
import { refuse } from '../../../rules/validation-error';
import { label } from './lifecycle';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { shown, type Sayable } from '../../../rules/said';

const CUSTOMER = 'api::customer.customer';
const COMPANY = 'api::company.company';
const FIELDS = ['id', 'documentId', 'kind', 'code', 'callName', 'notBooked', 'subledgerAccount', 'generalAccount'];

interface Row {
  id: number;
  documentId: string;
  kind: string;
  code?: string | null;
  callName: string;
  notBooked?: boolean | null;
  subledgerAccount?: string | null;
  generalAccount?: string | null;
  company?: { id: number; name: string; managementRules?: Record<string, any> | null } | null;
}


/** The issues in the reader's language (their `code` stays for programs). */
const inWords = <T extends { issues: Exclude<Sayable, string>[] }>(result: T): T => ({ ...result, issues: result.issues.map((issue) => ({ ...issue, message: shown(issue) })) });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (documentId: string): Promise<Row> => {
    const row = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: FIELDS, populate: { company: { populate: ['managementRules'] } } });
    if (!row) throw notFound(say('customerOrProspectNotFound', { documentId }));
    return row as Row;
  };
  const ruleOf = (row: Row): AccountingRule => accountingRule(row.company?.managementRules);
  /** Other records of the same company (or of no company) that hold `account`. */
  const holdersOf = async (row: Row, account: string): Promise<Row[]> =>
    strapi.db.query(CUSTOMER).findMany({
      where: { subledgerAccount: account, id: { $ne: row.id }, company: row.company ? { id: row.company.id } : { id: { $null: true } } },
      select: FIELDS,
    });

  /** What "Manage in accounting" would do; refusals included, nothing written. */
  const planOf = async (documentId: string) => {
    const row = await load(documentId);
    const rule = ruleOf(row);
    const expected = expectedSubledgerAccount(rule, row.code);
    const holders = expected.ok ? await holdersOf(row, expected.account) : [];
    const plan = planAccounting({ ...row, label: label(row) }, rule, holders.map(label));
    return { customer: { documentId: row.documentId, code: row.code ?? null, callName: row.callName }, rule, plan };
  };

  return {
    /** The plan as the dialog shows it before the clerk confirms: a refusal's reason in the reader's language. */
    async preview(documentId: string) {
      const { plan, ...rest } = await planOf(documentId);
      if (plan.ok) return { ...rest, plan };
      const { said, ...refused } = plan;
      return { ...rest, plan: { ...refused, reason: shown(said) } };
    },
    /** Edit > Accounting view > Manage the customer in accounting: sets its subledger account under the company's rule. */
    async manage(documentId: string, body: { replace?: unknown }) {
      if (body.replace !== undefined && typeof body.replace !== 'boolean') refuse('replace', say('paramNotBoolean', { field: 'replace' }));
      const { customer: record, plan } = await planOf(documentId);
      if (!plan.ok) return refuse(plan.field, plan.said);
      if (plan.change === 'replace' && body.replace !== true) {
        refuse('subledgerAccount', say('subledgerAccountHeld', { customer: label(record), current: plan.current ?? '', expected: plan.account }));
      }
      const data: Record<string, string> = {};
      if (plan.change !== 'none') data.subledgerAccount = plan.account;
      if (plan.generalAccount) data.generalAccount = plan.generalAccount;
      if (Object.keys(data).length === 0) {
        return { customer: await strapi.documents(CUSTOMER).findOne({ documentId }), changed: false };
      }
      const customer = await strapi.db.transaction(async () => strapi.documents(CUSTOMER).update({ documentId, data: data as any }));
      return { customer, changed: true };
    },

    /** Check consistency with subledger accounts: each mismatch in words. */
    async consistency(documentId: string) {
      const row = await load(documentId);
      const account = row.subledgerAccount?.trim();
      const holders = account ? await holdersOf(row, account) : [];
      return inWords(checkAccountingConsistency(row, ruleOf(row), holders.map(label)));
    },

    /** The company's records with at least one accounting issue, paginated. */
    async companyConsistency(query: Record<string, unknown>) {
      const companyId = query.company;
      if (typeof companyId !== 'string' || companyId === '') refuse('company', say('companyDocumentIdRequired'));
      const paging = pageParams(query);
      const company = await strapi.db.query(COMPANY).findOne({ where: { documentId: companyId }, populate: ['managementRules'] });
      if (!company) throw notFound(say('companyNotFound', { company: String(companyId) }));
      const rule = accountingRule(company.managementRules);
      const rows: Row[] = await strapi.db.query(CUSTOMER).findMany({ where: { company: { id: company.id } }, select: FIELDS, orderBy: { code: 'asc' } });

      const byAccount = new Map<string, Row[]>();
      for (const row of rows) {
        const account = row.subledgerAccount?.trim();
        if (account) byAccount.set(account, [...(byAccount.get(account) ?? []), row]);
      }
      const withIssues = rows
        .map((row) => {
          const account = row.subledgerAccount?.trim();
          const holders = account ? (byAccount.get(account) ?? []).filter((other) => other.id !== row.id) : [];
          const result = inWords(checkAccountingConsistency(row, rule, holders.map(label)));
          return { documentId: row.documentId, code: row.code ?? null, callName: row.callName, kind: row.kind, subledgerAccount: row.subledgerAccount ?? null, ...result };
        })
        .filter((entry) => !entry.consistent);
      const total = withIssues.length;
      const first = (paging.page - 1) * paging.pageSize;
      return pageOf(withIssues.slice(first, first + paging.pageSize), paging, total);
    },
  };
};
