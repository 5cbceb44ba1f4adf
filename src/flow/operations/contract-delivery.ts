import type { Core } from '@strapi/strapi';
import { duePeriods, nextPeriod, periodStartingOn, type Period } from '../../domain/flow/contract-periods';
import { FLOW_UIDS } from '../../domain/flow/edges';
import { refuse } from '../../rules/validation-error';
import { BILLABLE_CONTRACT_STATES, billedPeriods, CONTRACT_LINK, CONTRACT_UID, contractNotActive, termsOf } from '../contracts';
import { lockDocuments, readDocument, type StoredDocument } from '../documents';
import { callerFields, copyHeader, numberFor, onlyKnown, priced, today } from './make';
import { day, say, type Said } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

const FIELDS = ['number', 'date', 'deliveredOn'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isoDateOf = (body: Record<string, unknown>, field: string, fallback: string): string => {
  const value = body[field] ?? fallback;
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) refuse(field, say('notIsoDate', { field }));
  return value as string;
};

/** The contract as the operation reads it, locked: its header relations and its article. */
async function readContract(strapi: Core.Strapi, documentId: string): Promise<StoredDocument> {
  await lockDocuments(strapi, CONTRACT_UID, [documentId]);
  const populate = { company: { select: ['documentId'] }, customer: { select: ['documentId'] }, currency: { select: ['documentId'] }, article: { select: ['documentId', 'label'] } };
  const contract = await readDocument(strapi, CONTRACT_UID, documentId, populate);
  if (!contract) throw notFound(say('documentNotFound', { document: documentWord(CONTRACT_UID, documentId, 'the', 'maintenance contract') }));
  return contract;
}

/** The delivery note of one period: the contract's customer and currency, one line at the period's amount. */
function noteOf(strapi: Core.Strapi, contract: StoredDocument, period: Period, body: Record<string, unknown>): Record<string, unknown> {
  const date = (body.date as string) ?? today();
  return {
    ...copyHeader(strapi, contract, FLOW_UIDS.delivery, ['order']),
    origin: 'contract',
    state: 'delivered',
    date,
    deliveredOn: date,
    ...callerFields(body, FIELDS),
    [CONTRACT_LINK]: contract.documentId,
    periodStart: period.start,
    periodEnd: period.end,
    lines: [{
      article: contract.article?.documentId ?? null,
      label: `${contract.title ?? contract.article?.label ?? 'Maintenance'} (${period.start} – ${period.end})`,
      quantity: '1',
      unitPrice: period.amountExclTax,
    }],
  };
}

/** Why the contract cannot bill a period now, or null. */
export function unbillable(contract: StoredDocument): { field: string; said: Said } | null {
  if (!BILLABLE_CONTRACT_STATES.includes(contract.state)) return { field: 'state', said: contractNotActive(contract) };
  if (!contract.article) return { field: 'article', said: say('contractNoArticle', { contract: contract.number }) };
  return null;
}

/**
 * Makes the delivery notes of a contract, in the current transaction with the contract locked:
 * `periods` picks them from the periods not yet billed. The credit check judges each note as
 * "Generating a delivery note from a contract" (a deliveries write).
 */
export async function deliverPeriods(
  strapi: Core.Strapi,
  contractId: string,
  body: Record<string, unknown>,
  periods: (contract: StoredDocument, billed: Set<string>) => Period[]
) {
  const contract = await readContract(strapi, contractId);
  const blocked = unbillable(contract);
  if (blocked) refuse(blocked.field, blocked.said);
  const billed = new Set((await billedPeriods(strapi, contractId)).map((b) => String(b.periodStart)));
  const notes = periods(contract, billed).map((period) => {
    if (!(Number(period.amountExclTax) > 0)) refuse('annualAmountExclTax', say('contractBillsNothing', { contract: contract.number, start: day(period.start), end: day(period.end) }));
    return noteOf(strapi, contract, period, body);
  });
  if (body.preview === true || body.preview === 'true') return { preview: true, contract, data: notes.map(priced) };
  const made = [];
  for (const data of notes) {
    if (!data.number) data.number = await numberFor(strapi, FLOW_UIDS.delivery, 'DEL', String(data.date));
    made.push(await strapi.documents(FLOW_UIDS.delivery as any).create({ data: data as any, populate: ['lines'] as any }));
  }
  return { preview: false, contract, data: made };
}

/**
 * "Generating a delivery note from a contract": the note of the period that starts on
 * `periodStart`, or of the first period not yet billed. One transaction; a period is billed once.
 */
export async function deliveryFromContract(strapi: Core.Strapi, contractId: string, body: Record<string, unknown>) {
  onlyKnown(body, [...FIELDS, 'periodStart', 'preview']);
  if (body.date !== undefined) isoDateOf(body, 'date', '');
  const start = body.periodStart === undefined ? null : isoDateOf(body, 'periodStart', '');
  const result = await strapi.db.transaction(() =>
    deliverPeriods(strapi, contractId, body, (contract, billed) => {
      const terms = termsOf(contract);
      const period = start ? periodStartingOn(terms, start) : nextPeriod(terms, billed);
      if (!period) refuse('periodStart', start ? say('contractNoPeriodOn', { contract: contract.number, start: day(start) }) : say('contractAllBilled', { contract: contract.number }));
      if (billed.has(period!.start)) refuse('periodStart', say('contractPeriodBilled', { start: day(period!.start), contract: contract.number }));
      return [period!];
    })
  );
  return { preview: result.preview, data: result.data[0] };
}

/** The periods of a contract due at `at` and not billed (the batch's choice). */
export const dueAt = (at: string) => (contract: StoredDocument, billed: Set<string>) => duePeriods(termsOf(contract), billed, at);
