import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { behaviourWindow, localeOfRequest, partyBehaviours, textOf, toMinor, type BehaviourMapping, type BehaviourRow, type FieldPredicate, type Mapping, type PartyBehaviour, type RateOf, type ReportsMapping } from '../core';
import { dialectSql } from './dialect';
import { isDraftAndPublish } from './draft-publish';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/** Parties per grouped read: a page of the over-threshold list fits in one. */
const PARTIES_PER_READ = 500;

export interface BehaviourReading extends PartyBehaviour {
  window: { from: string; to: string; months: number };
}

/**
 * Payment behaviour (core/payment-behaviour.ts) read in SQL: one grouped statement per batch of
 * parties gives, per party, currency and half-window, the counts and sums the core folds into DSO,
 * days late, share paid late and trend. Nothing is read per invoice, whatever the history's size.
 * An invoice counts when it is paid (`paidOnField` set) or open (`reports.invoices.open`); its party is
 * the first of `partyFields` it is linked to; credit notes are left out.
 */
const paymentBehaviourService = ({ strapi }: { strapi: Core.Strapi }) => {
  const mapping = (): Mapping => getService(strapi, 'mapping').get();
  const metadata = (uid: string): any => strapi.db.metadata.get(uid as any);

  const configured = (): { behaviour: BehaviourMapping; reports: ReportsMapping } => {
    const m = mapping();
    if (!m.behaviour || !m.reports?.invoices.paidOnField) {
      throw new errors.NotFoundError(textOf('behaviourNotConfigured', undefined, localeOfRequest(strapi.requestContext.get())), { code: 'behaviourNotConfigured' });
    }
    return { behaviour: m.behaviour, reports: m.reports };
  };

  /** The grouped read of one batch of parties. */
  const rowsOf = async (knex: Knex, parties: string[], reports: ReportsMapping, window: { from: string; mid: string; to: string }): Promise<BehaviourRow[]> => {
    const inv = reports.invoices;
    const meta = metadata(inv.uid);
    const col = (field: string) => `i.${meta.attributes[field]?.columnName ?? field}`;
    const dialect = dialectSql(strapi);
    const sqlite = dialect.name === 'sqlite';
    const values = (p: FieldPredicate) => (p.in ?? p.notIn ?? []).map((v) => (sqlite && typeof v === 'boolean' ? Number(v) : v));
    const joinOf = (field: string) => {
      const attribute = meta.attributes[field];
      const jt = attribute?.joinTable;
      if (attribute?.type !== 'relation' || !jt || jt.on || jt.morphColumn) throw new Error(`credit-control: reports.invoices.partyField "${field}" must be a relation through a join table`);
      return { table: jt.name, joinColumn: jt.joinColumn.name, referenced: jt.joinColumn.referencedColumn, inverse: jt.inverseJoinColumn.name, inverseReferenced: jt.inverseJoinColumn.referencedColumn, target: metadata(attribute.target).tableName };
    };
    const m = mapping();
    const currency = (): any => {
      if (!inv.currencyField) return knex.raw('? as currency', [m.currency.default]);
      const attribute = meta.attributes[inv.currencyField];
      if (attribute?.type !== 'relation' || !m.currency.uid) return knex.raw(`coalesce(upper(??), ?) as currency`, [col(inv.currencyField), m.currency.default]);
      const c = joinOf(inv.currencyField);
      const code = metadata(m.currency.uid).attributes[m.currency.codeField]?.columnName ?? m.currency.codeField;
      const sub = knex({ cr: c.target }).select(`cr.${code}`).join({ cl: c.table }, `cl.${c.inverse}`, `cr.${c.inverseReferenced}`).whereRaw('?? = ??', [`cl.${c.joinColumn}`, `i.${c.referenced}`]).limit(1);
      return knex.raw(`coalesce(upper((${sub.toQuery()})), ?) as currency`, [m.currency.default]);
    };
    const due = `coalesce(${knex.raw('??', [col(inv.dueDateField)]).toQuery()}, ${knex.raw('??', [col(inv.dateField)]).toQuery()})`;
    const paidOn = knex.raw('??', [col(inv.paidOnField!)]).toQuery();
    const asOf = knex.raw('?', [window.to]).toQuery();
    const days = dialect.daysBetween(due, `coalesce(${paidOn}, ${asOf})`);

    const perField = inv.partyFields.map((field, k) => {
      const j = joinOf(field);
      const q: any = knex({ i: meta.tableName })
        .join({ l: j.table }, `l.${j.joinColumn}`, `i.${j.referenced}`)
        .join({ r: j.target }, `r.${j.inverseReferenced}`, `l.${j.inverse}`)
        .whereIn('r.document_id', parties)
        .where(col(inv.dateField), '>', window.from)
        .where(col(inv.dateField), '<=', window.to)
        .where((w: any) => {
          w.whereNotNull(col(inv.paidOnField!));
          if (inv.open.in) w.orWhereIn(col(inv.open.field), values(inv.open));
          else w.orWhereNotIn(col(inv.open.field), values(inv.open));
        })
        .select('r.document_id as party', currency(), knex.raw(`case when ?? > ? then 1 else 0 end as half`, [col(inv.dateField), window.mid]))
        .select(knex.raw(`${days} as days`), knex.raw(`${paidOn} as paid_on`), knex.raw('?? as total', [col(inv.totalField)]), knex.raw('?? as paid', [col(inv.paidField)]));
      // the first party field set names the party: an invoice linked by an earlier one is that one's
      for (const earlier of inv.partyFields.slice(0, k).map(joinOf)) {
        q.whereNotExists(knex({ e: earlier.table }).select(knex.raw('1')).whereRaw('?? = ??', [`e.${earlier.joinColumn}`, `i.${earlier.referenced}`]));
      }
      const note = inv.creditNote;
      if (note) {
        const c = col(note.field);
        if (note.in) q.where((w: any) => w.whereNull(c).orWhereNotIn(c, values(note)));
        else q.whereNotNull(c).whereNotIn(c, values(note));
      }
      if (isDraftAndPublish(strapi, inv.uid)) q.whereNotNull('i.published_at');
      return q;
    });
    const union: any = perField[0].clone();
    // unwrapped: SQLite takes no parenthesised select in a compound one
    if (perField.length > 1) union.unionAll(perField.slice(1));
    const rows: any[] = await knex
      .from(union.as('b'))
      .select('party', 'currency', 'half')
      .select(
        knex.raw('sum(case when paid_on is not null or days > 0 then 1 else 0 end) as decided'),
        knex.raw('sum(case when days > 0 then 1 else 0 end) as late'),
        knex.raw('sum(case when days > 0 then days else 0 end) as days_late'),
        knex.raw('sum(total) as invoiced'),
        knex.raw('sum(case when paid_on is null then total - coalesce(paid, 0) else 0 end) as open_amount')
      )
      .groupBy('party', 'currency', 'half');
    return rows.map((r) => ({
      party: String(r.party),
      currency: String(r.currency),
      half: Number(r.half) === 1 ? 1 : 0,
      decided: Number(r.decided),
      late: Number(r.late),
      daysLateSum: Number(r.days_late),
      invoicedMinor: toMinor(r.invoiced, String(r.currency)),
      openMinor: toMinor(r.open_amount, String(r.currency)),
    }));
  };

  return {
    /** Whether the mapping enables payment behaviour (a `paidOnField` on the reports' invoices). */
    enabled: (): boolean => Boolean(mapping().behaviour && mapping().reports?.invoices.paidOnField),

    /** Each party's behaviour over the window ending on `asOf`, in `currency` (default: the mapping's); `rateOf`: rates the caller read already. */
    async of(parties: string[], options: { asOf?: string; currency?: string; rateOf?: RateOf } = {}): Promise<Map<string, BehaviourReading>> {
      const { behaviour, reports } = configured();
      const to = options.asOf ?? new Date().toISOString().slice(0, 10);
      const window = behaviourWindow(to, behaviour.windowMonths);
      const unique = [...new Set(parties)];
      const rows: BehaviourRow[] = [];
      for (let start = 0; start < unique.length; start += PARTIES_PER_READ) {
        rows.push(...(await rowsOf(strapi.db.connection, unique.slice(start, start + PARTIES_PER_READ), reports, window)));
      }
      const currencies = new Set(rows.map((r) => r.currency));
      const target = options.currency ?? mapping().currency.default;
      const rateOf = [...currencies].some((c) => c !== target) ? (options.rateOf ?? (await getService(strapi, 'rates').lookup(to))) : () => undefined;
      const readings = new Map<string, BehaviourReading>();
      for (const [party, b] of partyBehaviours(unique, rows, window, target, rateOf, behaviour.thresholds)) {
        readings.set(party, { ...b, window: { from: window.from, to, months: behaviour.windowMonths } });
      }
      return readings;
    },
  };
};

export default paymentBehaviourService;
export type PaymentBehaviourService = ReturnType<typeof paymentBehaviourService>;
