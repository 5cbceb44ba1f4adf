import type { Core } from '@strapi/strapi';
import { lineVatCode, type Equivalence } from '../domain/vat-equivalence';
import type { RuleError } from '../domain/rule-error';
import { findCustomer, findEquivalences, type CustomerFacts } from '../repositories/customers';
import { singleRelationRef, type RelationRef } from './relation-input';
import type { WriteContext } from './write-context';

type Row = { id: number; documentId: string };

const given = (value: unknown) => value !== undefined && value !== null && value !== '';
const matches = (row: Row, ref: RelationRef | undefined) => Boolean(ref) && ('id' in ref! ? row.id === ref.id : row.documentId === ref!.documentId);
const whereAny = (refs: (RelationRef | undefined)[]) => {
  const ids = refs.flatMap((r) => (r && 'id' in r ? [r.id] : []));
  const documentIds = refs.flatMap((r) => (r && 'documentId' in r ? [r.documentId] : []));
  return { $or: [{ id: { $in: ids } }, { documentId: { $in: documentIds } }] };
};

/** The customer whose functional area applies: the customer to bill, else the customer. */
async function billedCustomerOf(strapi: Core.Strapi, write: WriteContext): Promise<CustomerFacts | null> {
  const stored = write.documentId
    ? await strapi.db.query(write.uid).findOne({ where: { documentId: write.documentId }, select: ['id'], populate: { customer: { select: ['id'] }, ...('customerToBill' in (strapi.getModel(write.uid as any)?.attributes ?? {}) ? { customerToBill: { select: ['id'] } } : {}) } })
    : null;
  const toBill = write.data.customerToBill !== undefined ? singleRelationRef(write.data.customerToBill) : stored?.customerToBill ? { id: stored.customerToBill.id } : null;
  const customer = write.data.customer !== undefined ? singleRelationRef(write.data.customer) : stored?.customer ? { id: stored.customer.id } : null;
  return findCustomer(strapi, toBill ?? customer ?? undefined);
}

/**
 * Lines without a VAT rate take their article's VAT code, replaced by its equivalent in the
 * billed customer's functional area (spec: "the system can replace the sold product's VAT").
 */
export async function substituteLineVat(strapi: Core.Strapi, write: WriteContext, billed: CustomerFacts | null): Promise<RuleError[]> {
  const lines = (write.data.lines as Record<string, unknown>[]).filter((line) => line && typeof line === 'object' && !given(line.vatRate));
  if (lines.length === 0) return [];
  const customer = billed ?? (await billedCustomerOf(strapi, write));
  const equivalences: Equivalence[] = (customer?.functionalArea ? await findEquivalences(strapi, customer.functionalArea.id) : []).map((e) => ({
    sourceVatCodeId: e.sourceVatCode?.id ?? null,
    targetVatCodeId: e.targetVatCode?.id ?? null,
  }));
  const articleRefs = lines.map((line) => singleRelationRef(line.article) ?? undefined);
  const vatRefs = lines.map((line) => singleRelationRef(line.vatCode) ?? undefined);
  const articles: (Row & { vatCode: Row | null })[] = articleRefs.some(Boolean)
    ? await strapi.db.query('api::article.article').findMany({ where: whereAny(articleRefs), select: ['id', 'documentId'], populate: { vatCode: { select: ['id', 'documentId'] } } })
    : [];
  const targetIds = equivalences.map((e) => e.targetVatCodeId).filter((id): id is number => id !== null);
  const vatRows: Row[] = await strapi.db.query('api::vat-code.vat-code').findMany({
    where: { $or: [whereAny(vatRefs), { id: { $in: targetIds } }] },
    select: ['id', 'documentId'],
  });
  lines.forEach((line, index) => {
    const article = articles.find((a) => matches(a, articleRefs[index]));
    const lineVat = vatRefs[index] ? vatRows.find((v) => matches(v, vatRefs[index])) : undefined;
    if (vatRefs[index] && !lineVat) return; // an unknown VAT code is reported by the relation check
    const result = lineVatCode(lineVat?.id ?? null, article?.vatCode?.id ?? null, equivalences);
    if (result === null || result === lineVat?.id) return;
    const documentId = result === article?.vatCode?.id ? article.vatCode.documentId : vatRows.find((v) => v.id === result)?.documentId;
    if (documentId) line.vatCode = documentId;
  });
  return [];
}
