import type { Core } from '@strapi/strapi';
import { contractDerived, periodStartingOn, type ContractTerms } from '../domain/flow/contract-periods';
import { FLOW_UIDS } from '../domain/flow/edges';
import type { RuleError } from '../domain/rule-error';
import { lockDocuments, type StoredDocument } from './documents';
import { idsReaching } from './link-tables';
import { day, say } from '../domain/messages';
import { stateWord } from '../rules/words';

/**
 * Delivery notes made from maintenance contracts, one per billing period (spec, "Generating a
 * delivery note from a contract"). A delivery names its contract and the period it bills; the
 * contract derives what its notes billed. Checked on every write path, like the sales flow.
 */
export const CONTRACT_UID = 'api::maintenance-contract.maintenance-contract';
export const CONTRACT_LINK = 'contract';
/** States whose contract may bill a new period. */
export const BILLABLE_CONTRACT_STATES = ['active'];

export interface BilledPeriod {
  documentId: string;
  number: string;
  periodStart: string | null;
  periodEnd: string | null;
  amountExclTax: string | number | null;
}

/** Why a contract in another state than active bills nothing (the flow's check and the operations'). */
export const contractNotActive = (contract: StoredDocument) => say('contractNotActive', { contract: contract.number, state: stateWord(CONTRACT_UID, contract.state) });

export const contractIdOf = (doc: StoredDocument | null): string | null => doc?.[CONTRACT_LINK]?.documentId ?? null;

export const termsOf = (contract: StoredDocument): ContractTerms => ({
  startDate: String(contract.startDate),
  endDate: contract.endDate ? String(contract.endDate) : null,
  billingFrequency: contract.billingFrequency ?? 'yearly',
  annualAmountExclTax: contract.annualAmountExclTax,
});

/** The contract's delivery notes that hold a period: every one but cancelled. */
export async function billedPeriods(strapi: Core.Strapi, contractId: string): Promise<BilledPeriod[]> {
  const ids = await idsReaching(strapi, FLOW_UIDS.delivery, [CONTRACT_LINK], [contractId]);
  if (ids.length === 0) return [];
  return strapi.db.query(FLOW_UIDS.delivery as any).findMany({
    where: { id: { $in: ids }, state: { $ne: 'cancelled' } },
    select: ['id', 'documentId', 'number', 'periodStart', 'periodEnd', 'amountExclTax'],
    orderBy: { periodStart: 'asc' },
  }) as Promise<BilledPeriod[]>;
}

export const derivedOfContract = async (strapi: Core.Strapi, contractId: string) => contractDerived(await billedPeriods(strapi, contractId));

const readContract = (strapi: Core.Strapi, documentId: string): Promise<StoredDocument | null> =>
  strapi.db.query(CONTRACT_UID as any).findOne({
    where: { documentId },
    populate: { customer: { select: ['documentId'] }, currency: { select: ['documentId'] } },
  }) as Promise<StoredDocument | null>;

/**
 * A delivery note that names a contract: the contract's customer and currency, a period of the
 * contract, given whole, that no other note of the contract bills. Checked with the contract
 * locked, so two writes for one period take turns and the second sees the first.
 */
export async function contractDeliveryErrors(strapi: Core.Strapi, delivery: StoredDocument, before: StoredDocument | null): Promise<RuleError[]> {
  const contractId = contractIdOf(delivery);
  if (!contractId || delivery.state === 'cancelled') return [];
  await lockDocuments(strapi, CONTRACT_UID, [contractId]);
  const contract = await readContract(strapi, contractId);
  if (!contract) return [];
  const errors: RuleError[] = [];
  const newlyLinked = contractIdOf(before) !== contractId || before?.state === 'cancelled';
  if (newlyLinked && contract.customer?.documentId !== delivery.customer?.documentId) {
    errors.push({ path: ['customer'], ...say('contractOtherCustomer', { contract: contract.number }) });
  }
  if (contract.currency?.documentId !== delivery.currency?.documentId) errors.push({ path: ['currency'], ...say('contractOtherCurrency', { contract: contract.number }) });
  if (newlyLinked && !BILLABLE_CONTRACT_STATES.includes(contract.state)) {
    errors.push({ path: [CONTRACT_LINK], ...contractNotActive(contract) });
  }
  if (!delivery.periodStart) return [...errors, { path: ['periodStart'], ...say('contractNoteNeedsPeriod', { contract: contract.number }) }];
  const period = periodStartingOn(termsOf(contract), String(delivery.periodStart));
  if (!period) {
    errors.push({ path: ['periodStart'], ...say('contractNoPeriodOn', { contract: contract.number, start: day(String(delivery.periodStart)) }) });
  } else if (String(delivery.periodEnd ?? '') !== period.end) {
    errors.push({ path: ['periodEnd'], ...say('contractPeriodEnds', { contract: contract.number, start: day(period.start), end: day(period.end) }) });
  }
  const twice = (await billedPeriods(strapi, contractId)).find((b) => b.documentId !== delivery.documentId && String(b.periodStart) === String(delivery.periodStart));
  if (twice) errors.push({ path: ['periodStart'], ...say('contractPeriodBilledBy', { start: day(String(delivery.periodStart)), contract: contract.number, delivery: twice.number }) });
  return errors;
}

/**
 * A contract after its own write: the periods its notes bill are still periods of its terms (a
 * new start date or frequency would leave them billing nothing), and it is not deleted under them.
 */
export async function contractSourceErrors(strapi: Core.Strapi, contract: StoredDocument, deleting: boolean): Promise<RuleError[]> {
  const billed = await billedPeriods(strapi, contract.documentId);
  if (billed.length === 0) return [];
  if (deleting) return [{ path: ['state'], ...say('contractHasNotes', { contract: contract.number }) }];
  const errors: RuleError[] = [];
  for (const note of billed) {
    const period = note.periodStart ? periodStartingOn(termsOf(contract), String(note.periodStart)) : null;
    if (!period || period.end !== String(note.periodEnd)) {
      errors.push({ path: ['startDate'], ...say('contractNoteOutOfTerms', { delivery: note.number, start: day(String(note.periodStart)), end: day(String(note.periodEnd)) }) });
    }
  }
  return errors;
}
