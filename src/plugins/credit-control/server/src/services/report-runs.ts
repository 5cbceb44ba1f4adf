import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { randomUUID } from 'crypto';
import fs from 'fs';
import { fieldName, list, localeOfRequest, textOf, wordOf, type MessageCode } from '../core';
import { criteriaError, fieldError } from './field-error';
import { isReportKind, REPORT_KINDS, reportKind, type ReportKindName } from './report-kinds';
import { getService } from '../utils/get-service';

export const RUNS_TABLE = 'credit_control_report_runs';

/** A run as stored: its kind, the criteria that kind parsed, and whether it records what it sends. */
export interface RunRequest {
  kind: ReportKindName;
  criteria: any;
  record?: boolean;
}

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

const STATE_WORDS: Record<string, MessageCode> = { queued: 'runQueued', running: 'runRunning', failed: 'runFailed', done: 'runDone' };

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
  const locale = () => localeOfRequest(strapi.requestContext.get());

  return {
    /** Validates `{ kind, criteria }` (400 naming the field). */
    async parse(body: any): Promise<RunRequest> {
      getService(strapi, 'report-data').reports();
      const kind = body?.kind;
      if (!isReportKind(kind)) throw fieldError(locale(), 'kind', 'notOneOf', { field: fieldName('kind'), allowed: list(Object.keys(REPORT_KINDS)) });
      const { criteria, errors: problems } = reportKind(kind).parse(body?.criteria);
      if (problems.length) throw criteriaError(locale(), problems.map((p) => ({ ...p, path: ['criteria', ...p.path] })));
      await reportKind(kind).check(strapi, criteria);
      return { kind, criteria, record: body?.record === true };
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
        const kind = reportKind(request.kind);
        const total = await kind.count(strapi, request.criteria);
        await update(id, { state: 'running', total });
        const run = {
          runId: id,
          record: request.record === true,
          onProgress: (done: number) => {
            onProgress?.(done, total);
            void update(id, { done }).catch(() => undefined);
          },
        };
        const draw = (doc: PDFKit.PDFDocument) => kind.render(strapi, doc, request.criteria, run);
        const title = kind.title(request.criteria);
        const { file, result } = kind.writes(run)
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
      if (!row) throw new errors.NotFoundError(textOf('runNotFound', { id }, locale()), { code: 'runNotFound' });
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
      if (run.state !== 'done' || !fs.existsSync(file)) {
        const state = STATE_WORDS[run.state] ? wordOf(STATE_WORDS[run.state]) : run.state;
        throw new errors.ApplicationError(textOf('runFileNotReady', { id, state }, locale()), { state: run.state, code: 'runFileNotReady' });
      }
      return file;
    },
  };
};

export default reportRunsService;
