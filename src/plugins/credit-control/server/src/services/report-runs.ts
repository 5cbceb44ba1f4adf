import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'crypto';
import fs from 'fs';
import { parseDunningCriteria, parseStatementCriteria, type DunningCriteria, type StatementCriteria } from '../core';
import { labelsFor } from '../reports/labels';
import { criteriaError } from './statements';
import { getService } from '../utils/get-service';

export const RUNS_TABLE = 'credit_control_report_runs';

export type RunRequest = { kind: 'statement'; criteria: StatementCriteria } | { kind: 'dunning'; criteria: DunningCriteria; record: boolean };

/** A running run writes a heartbeat this often; one silent for STALE_MS died with its server. */
export const BEAT_MS = 5_000;
export const STALE_MS = 60_000;
export const INTERRUPTED = 'interrupted: the server stopped during the run (no progress for a minute); start it again';

export async function ensureRunsTable(strapi: Core.Strapi): Promise<void> {
  const schema = () => strapi.db.connection.schema;
  if (await schema().hasTable(RUNS_TABLE)) {
    // tables made before the heartbeat
    if (!(await schema().hasColumn(RUNS_TABLE, 'beat_at'))) await schema().alterTable(RUNS_TABLE, (table) => void table.timestamp('beat_at', { useTz: true }));
    return;
  }
  await schema().createTable(RUNS_TABLE, (table) => {
    table.string('id', 64).primary();
    table.string('kind', 16).notNullable();
    table.text('criteria').notNullable();
    table.string('state', 16).notNullable(); // queued | running | done | failed
    table.integer('done').notNullable().defaultTo(0);
    table.integer('total').notNullable().defaultTo(0);
    table.integer('sections');
    table.text('error');
    table.timestamp('created_at', { useTz: true }).notNullable();
    table.timestamp('finished_at', { useTz: true });
    table.timestamp('beat_at', { useTz: true });
  });
}

const toRun = (row: any) =>
  row && {
    id: row.id,
    kind: row.kind,
    state: row.state,
    done: Number(row.done),
    total: Number(row.total),
    sections: row.sections === null ? null : Number(row.sections),
    error: row.error ?? null,
    criteria: JSON.parse(row.criteria),
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };

/** Background report runs over a whole customer range: the PDF goes to a file, progress to a table. */
const reportRunsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const files = () => getService(strapi, 'report-files');
  const table = () => strapi.db.connection(RUNS_TABLE);
  const update = (id: string, patch: Record<string, unknown>) => table().where({ id }).update(patch);

  return {
    /** Validates `{ kind, criteria }` (400 naming the field). */
    async parse(body: any): Promise<RunRequest> {
      getService(strapi, 'report-data').reports();
      const kind = body?.kind;
      if (kind === 'statement') {
        const { criteria, errors: problems } = parseStatementCriteria(body?.criteria ?? {});
        if (problems.length) throw criteriaError(problems.map((p) => ({ ...p, path: ['criteria', ...p.path] })));
        await getService(strapi, 'statements').check(criteria);
        return { kind, criteria };
      }
      if (kind === 'dunning') {
        const { criteria, errors: problems } = parseDunningCriteria(body?.criteria ?? {});
        if (problems.length) throw criteriaError(problems.map((p) => ({ ...p, path: ['criteria', ...p.path] })));
        await getService(strapi, 'dunning').check(criteria);
        return { kind, criteria, record: body?.record === true };
      }
      throw criteriaError([{ path: ['kind'], message: 'kind must be one of statement, dunning' }]);
    },

    /** Records a queued run (the CLI then executes it in the foreground). */
    async create(request: RunRequest): Promise<string> {
      const id = randomUUID();
      await table().insert({ id, kind: request.kind, criteria: JSON.stringify(request), state: 'queued', done: 0, total: 0, created_at: new Date(), beat_at: new Date() });
      return id;
    },

    /** Creates the run and starts it in the background; resolves with its id at once. */
    async start(request: RunRequest): Promise<string> {
      const id = await this.create(request);
      setImmediate(() => void this.execute(id, request).catch(() => undefined)); // the failure is in the run's row
      return id;
    },

    /** Runs to completion (also used by the CLI); progress is written once per page of parties. */
    async execute(id: string, request: RunRequest, onProgress?: (done: number, total: number) => void): Promise<{ file: string; sections: number }> {
      // the heartbeat tells other processes (and this one after a restart) that the run is alive
      const beat = setInterval(() => void update(id, { beat_at: new Date() }).catch(() => undefined), BEAT_MS);
      beat.unref();
      try {
        // both kinds go over the same parties: the statement's count serves (a report registry would own this)
        const total: number = await getService(strapi, 'statements').count(request.criteria as StatementCriteria);
        await update(id, { state: 'running', total });
        const progress = (done: number) => {
          onProgress?.(done, total);
          void update(id, { done }).catch(() => undefined);
        };
        const title = request.kind === 'statement' ? labelsFor(request.criteria.locale).statement : labelsFor(request.criteria.locale).dunningSummary;
        const draw = (doc: PDFKit.PDFDocument) =>
          request.kind === 'statement'
            ? getService(strapi, 'statements').render(doc, request.criteria, progress)
            : getService(strapi, 'dunning')
                .render(doc, request.criteria, { onProgress: progress, record: request.record ? { channel: 'pdf', runId: id } : undefined })
                .then((r: { letters: number }) => r.letters);
        const { file, result } =
          request.kind === 'dunning' && request.record
            ? await strapi.db.transaction(() => files().render(`run-${id}`, title, draw))
            : await files().render(`run-${id}`, title, draw);
        const sections = Number(result);
        await update(id, { state: 'done', done: total, sections, finished_at: new Date() });
        return { file, sections };
      } catch (error: any) {
        strapi.log.error(`credit-control: report run ${id} failed: ${error?.message ?? error}`);
        await update(id, { state: 'failed', error: String(error?.message ?? error).slice(0, 2000), finished_at: new Date() });
        throw error;
      } finally {
        clearInterval(beat);
      }
    },

    async get(id: string, now = new Date()) {
      const row = await table().where({ id }).first();
      if (!row) throw new errors.NotFoundError(`no report run ${id}`);
      const lastSign = new Date(row.beat_at ?? row.created_at).getTime();
      if (['queued', 'running'].includes(row.state) && now.getTime() - lastSign > STALE_MS) {
        // only a run still silent is marked: a late heartbeat in between keeps it running
        const finished = { state: 'failed', error: INTERRUPTED, finished_at: now };
        const cutoff = new Date(now.getTime() - STALE_MS);
        await table().where({ id, state: row.state }).where((q: any) => q.whereNull('beat_at').orWhere('beat_at', '<', cutoff)).update(finished);
        return toRun(await table().where({ id }).first());
      }
      return toRun(row);
    },

    /** The finished run's PDF. */
    async file(id: string): Promise<string> {
      const run = await this.get(id);
      const file = files().pathOf(`run-${id}`);
      if (run.state !== 'done' || !fs.existsSync(file)) throw new errors.ApplicationError(`report run ${id} is ${run.state}: its file is not ready`, { state: run.state });
      return file;
    },
  };
};

export default reportRunsService;
