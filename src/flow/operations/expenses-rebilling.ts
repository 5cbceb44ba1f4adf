import type { Core } from '@strapi/strapi';
import { refuse } from '../../rules/validation-error';
import { idsReaching } from '../link-tables';
import { articleFor, HEADER_FIELDS, makeNote, specOf, toBill } from './bill-items';
import { onlyKnown } from './make';
import { say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

export const EXPENSE_REPORT_UID = 'api::expense-report.expense-report';
const PROJECT_UID = 'api::project.project';

const idList = (value: unknown, field: string): string[] | null => {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) refuse(field, say('listOfDocumentIds', { field }));
  return [...new Set(value as string[])];
};

/**
 * "Generating a delivery note from expenses rebilling": the rebillable expenses of a project's
 * approved reports that no note holds yet become one delivery note for the project's customer,
 * a line per expense naming it. Each expense is rebilled once (src/flow/billed-once.ts).
 */
export async function rebillExpenses(strapi: Core.Strapi, projectId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...HEADER_FIELDS, 'expenseReports', 'article', 'preview']);
  const chosen = idList(body.expenseReports, 'expenseReports');
  const spec = specOf(EXPENSE_REPORT_UID);
  return strapi.db.transaction(async () => {
    const project: any = await strapi.db.query(PROJECT_UID as any).findOne({
      where: { documentId: projectId },
      populate: { customer: { select: ['documentId'] }, company: { select: ['documentId'] } },
    });
    if (!project) throw notFound(say('documentNotFound', { document: documentWord(PROJECT_UID, projectId) }));
    if (!project.customer) refuse('customer', say('projectNoCustomerToRebill', { project: project.code }));
    const ids = await idsReaching(strapi, EXPENSE_REPORT_UID, ['project'], [projectId]);
    const reports: any[] = ids.length
      ? await strapi.db.query(EXPENSE_REPORT_UID as any).findMany({ where: { id: { $in: ids }, state: { $in: spec.sourceStates } }, select: ['id', 'documentId'] })
      : [];
    const open = reports.map((r) => r.documentId as string);
    for (const id of chosen ?? []) if (!open.includes(id)) refuse('expenseReports', say('expenseReportNotApproved', { report: id, project: project.code }));
    const found = (await toBill(strapi, spec, chosen ?? open.sort(), { employee: { select: ['firstName', 'lastName'] } })).filter((f) => f.items.length > 0);
    if (found.length === 0) refuse('expenseReports', say('nothingToRebill', { project: project.code }));
    const currencies = new Set(found.map((f) => f.source.row.currency?.documentId));
    if (currencies.size > 1) refuse('expenseReports', say('expensesSeveralCurrencies'));
    const article = await articleFor(strapi, body, 'expensesArticle');
    const lines = found.flatMap(({ source, items }) =>
      items.map((item) => {
        const who = [source.row.employee?.firstName, source.row.employee?.lastName].filter(Boolean).join(' ');
        return {
          article,
          label: [`${item.nature} ${item.date}`, who, item.label].filter(Boolean).join(' — ').slice(0, 255),
          quantity: '1',
          unitPrice: String(item.amountExclTax),
          sourceKey: item.key,
        };
      })
    );
    return makeNote(strapi, {
      origin: spec.origin,
      customer: project.customer.documentId,
      ...(project.company ? { company: project.company.documentId } : {}),
      project: projectId,
      currency: [...currencies][0],
      [spec.link]: found.map((f) => f.source.documentId),
      lines,
    }, body);
  });
}
