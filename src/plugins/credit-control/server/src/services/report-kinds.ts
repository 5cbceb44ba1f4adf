import type { Core } from '@strapi/strapi';
import { parseDunningCriteria, parseStatementCriteria, type CriteriaError, type DunningCriteria, type StatementCriteria } from '../core';
import { labelsFor } from '../reports/labels';
import type { PartyFilter } from './report-data';
import type { Progress } from './statements';
import { getService } from '../utils/get-service';

/** What a background run of one report kind needs, beyond its criteria. */
export interface RunContext {
  runId: string;
  /** dunning: record the levels reached */
  record: boolean;
  onProgress: Progress;
}

/**
 * One entry per report kind: how its criteria are read and checked, how many parties a run goes
 * over (for its progress), its PDF's title, and how it draws. A new kind is one entry here.
 */
export interface ReportKind<Criteria extends { locale: 'fr' | 'en' }> {
  parse(raw: unknown): { criteria: Criteria; errors: CriteriaError[] };
  /** what parsing cannot check (relations exist); throws a 400 */
  check(strapi: Core.Strapi, criteria: Criteria): Promise<void>;
  count(strapi: Core.Strapi, criteria: Criteria): Promise<number>;
  title(criteria: Criteria): string;
  /** draws into `doc` and ends it; resolves with the number of sections or letters */
  render(strapi: Core.Strapi, doc: PDFKit.PDFDocument, criteria: Criteria, run: RunContext): Promise<number>;
  /** a run that writes (dunning records) draws inside one transaction */
  writes(run: RunContext): boolean;
}

const countParties = async (strapi: Core.Strapi, filter: PartyFilter) => {
  let total = 0;
  for await (const page of getService(strapi, 'report-data').partyPages(filter)) total += page.length;
  return total;
};

const statement: ReportKind<StatementCriteria> = {
  parse: (raw) => parseStatementCriteria((raw ?? {}) as Record<string, unknown>),
  check: (strapi, criteria) => getService(strapi, 'statements').check(criteria),
  count: (strapi, criteria) => countParties(strapi, { ...criteria, sort: 'code' }),
  title: (criteria) => labelsFor(criteria.locale).statement,
  render: (strapi, doc, criteria, run) => getService(strapi, 'statements').render(doc, criteria, run.onProgress),
  writes: () => false,
};

const dunning: ReportKind<DunningCriteria> = {
  parse: (raw) => parseDunningCriteria((raw ?? {}) as Record<string, unknown>),
  check: (strapi, criteria) => getService(strapi, 'dunning').check(criteria),
  count: (strapi, c) => countParties(strapi, { party: c.party, codeFrom: c.codeFrom, codeTo: c.codeTo, sort: 'code' }),
  title: (criteria) => labelsFor(criteria.locale).dunningSummary,
  render: async (strapi, doc, criteria, run) =>
    (await getService(strapi, 'dunning').render(doc, criteria, { onProgress: run.onProgress, record: run.record ? { channel: 'pdf', runId: run.runId } : undefined })).letters,
  writes: (run) => run.record,
};

export const REPORT_KINDS = { statement, dunning } as const;
export type ReportKindName = keyof typeof REPORT_KINDS;

export const isReportKind = (name: unknown): name is ReportKindName => typeof name === 'string' && Object.prototype.hasOwnProperty.call(REPORT_KINDS, name);
/** The entry of a kind, typed loosely: a run's criteria were parsed by the same entry. */
export const reportKind = (name: ReportKindName): ReportKind<any> => REPORT_KINDS[name];
