import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { BILLABLE_CONTRACT_STATES, CONTRACT_UID } from '../contracts';
import { onlyKnown } from './make';
import { deliverPeriods, dueAt, isoDateOf } from './contract-delivery';
import { refuse } from '../../rules/validation-error';
import { say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';

export const RUN_UID = 'api::sales-flow.contract-billing-run';
/** Contracts read per page when a run looks for the ones due. */
const PAGE = 500;

export interface ContractOutcome {
  contract: string;
  number: string;
  outcome: 'billed' | 'nothingDue' | 'refused';
  deliveries?: string[];
  /** why it was refused: the field and the message, as a 4xx would say them */
  field?: string;
  message?: string;
  /** the message's code (src/domain/messages), when it has one: the message is in the language of whoever started the run */
  code?: string;
  /** the credit check's refusal, when it is the reason */
  credit?: boolean;
}

const RUN_FIELDS = ['documentId', 'dueDate', 'company', 'state', 'total', 'processed', 'contractsBilled', 'deliveriesMade', 'contractsRefused', 'outcomes', 'startedAt', 'finishedAt', 'error'];
const shown = (run: Record<string, any>) => Object.fromEntries(RUN_FIELDS.map((f) => [f, run[f] ?? null]));

/** Contracts that may have a period due at `at`: active, started, not billed to their end. */
async function candidates(strapi: Core.Strapi, at: string, company?: string): Promise<{ documentId: string; number: string }[]> {
  const found: { id: number; documentId: string; number: string }[] = [];
  for (let lastId = 0; ; ) {
    const page: any[] = await strapi.db.query(CONTRACT_UID as any).findMany({
      where: {
        id: { $gt: lastId },
        state: { $in: BILLABLE_CONTRACT_STATES },
        startDate: { $lte: at },
        // a contract billed to a day after `at` has nothing due (periods are billed in order)
        $or: [{ billedUntil: { $null: true } }, { billedUntil: { $lt: at } }],
        ...(company ? { company: { documentId: company } } : {}),
      },
      select: ['id', 'documentId', 'number'],
      orderBy: { id: 'asc' },
      limit: PAGE,
    });
    found.push(...page);
    if (page.length < PAGE) return found;
    lastId = page[page.length - 1].id;
  }
}

const refusalOf = (error: any): Pick<ContractOutcome, 'field' | 'message' | 'code' | 'credit'> => {
  const first = error?.details?.errors?.[0];
  const code = first?.code ?? error?.details?.code;
  return {
    field: first?.path?.join('.') ?? undefined,
    message: String(error?.message ?? error),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error?.details?.creditControl ? { credit: true } : {}),
  };
};

/** One contract: its due notes in one transaction (all of its periods or none). */
async function billContract(strapi: Core.Strapi, contract: { documentId: string; number: string }, body: Record<string, unknown>, at: string): Promise<ContractOutcome> {
  const base = { contract: contract.documentId, number: contract.number };
  try {
    const result = await strapi.db.transaction(() => deliverPeriods(strapi, contract.documentId, body, dueAt(at)));
    if (result.data.length === 0) return { ...base, outcome: 'nothingDue' };
    return { ...base, outcome: 'billed', deliveries: result.data.map((d: any) => d.number) };
  } catch (error: any) {
    if (error instanceof errors.ApplicationError || error?.name === 'ValidationError' || error?.name === 'ApplicationError') return { ...base, outcome: 'refused', ...refusalOf(error) };
    throw error;
  }
}

/** Runs the batch over the candidates, saving its progress after each contract. */
async function runBatch(strapi: Core.Strapi, runId: number, list: { documentId: string; number: string }[], body: Record<string, unknown>, at: string) {
  const runs = strapi.db.query(RUN_UID as any);
  const outcomes: ContractOutcome[] = [];
  const tally = { contractsBilled: 0, deliveriesMade: 0, contractsRefused: 0 };
  try {
    for (const [index, contract] of list.entries()) {
      const outcome = await billContract(strapi, contract, body, at);
      if (outcome.outcome !== 'nothingDue') outcomes.push(outcome);
      if (outcome.outcome === 'billed') {
        tally.contractsBilled += 1;
        tally.deliveriesMade += outcome.deliveries!.length;
      }
      if (outcome.outcome === 'refused') tally.contractsRefused += 1;
      await runs.update({ where: { id: runId }, data: { processed: index + 1, ...tally, outcomes } });
    }
    await runs.update({ where: { id: runId }, data: { state: 'done', finishedAt: new Date(), ...tally, outcomes } });
  } catch (error: any) {
    strapi.log.error(`contract billing run ${runId} failed: ${error?.stack ?? error}`);
    await runs.update({ where: { id: runId }, data: { state: 'failed', finishedAt: new Date(), error: String(error?.message ?? error), ...tally, outcomes } });
  }
}

/**
 * The contract batch: every active contract (of `company`, when given) with periods due at `dueDate` gets
 * their delivery notes, each contract in a transaction of its own (a refused customer does not
 * stop the others, and never half its periods). The run is recorded with its progress; the answer
 * comes at once (`wait: true`: once it is done). A second run for the same date makes nothing.
 */
export async function startContractBilling(strapi: Core.Strapi, body: Record<string, unknown>) {
  onlyKnown(body, ['dueDate', 'date', 'company', 'wait']);
  // a batch over every contract is asked for a day on purpose: no default
  if (body.dueDate === undefined) refuse('dueDate', say('dueDateRequired'));
  const at = isoDateOf(body, 'dueDate', '');
  if (body.date !== undefined) isoDateOf(body, 'date', '');
  if (body.wait !== undefined && typeof body.wait !== 'boolean') refuse('wait', say('paramNotBoolean', { field: 'wait' }));
  if (body.company !== undefined && (typeof body.company !== 'string' || body.company === '')) refuse('company', say('companyNotDocumentId'));
  const company = body.company as string | undefined;
  if (company && (await strapi.db.query('api::company.company').count({ where: { documentId: company } })) === 0) refuse('company', say('noCompany', { company }));
  const list = await candidates(strapi, at, company);
  const run: any = await strapi.db.query(RUN_UID as any).create({ data: { dueDate: at, company: company ?? null, state: 'running', total: list.length, processed: 0, outcomes: [], startedAt: new Date() } });
  const work = runBatch(strapi, run.id, list, body.date ? { date: body.date } : {}, at);
  if (body.wait === true) await work;
  return contractBillingRun(strapi, run.documentId);
}

export async function contractBillingRun(strapi: Core.Strapi, documentId: string) {
  const run = await strapi.db.query(RUN_UID as any).findOne({ where: { documentId } });
  if (!run) throw notFound(say('contractBillingRunNotFound', { run: documentId }));
  return shown(run);
}

/** The latest runs, newest first. */
export async function contractBillingRuns(strapi: Core.Strapi, limit = 20) {
  const runs: any[] = await strapi.db.query(RUN_UID as any).findMany({ orderBy: { id: 'desc' }, limit });
  return runs.map(shown);
}
