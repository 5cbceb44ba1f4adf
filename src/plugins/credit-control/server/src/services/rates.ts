import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import type { RateOf } from '../core';
import { dialectSql } from './dialect';
import { jsonValue } from './raw-rows';

export const RATE_UID = 'plugin::credit-control.rate';

interface RateRow {
  fromCurrency: string;
  toCurrency: string;
  rate: number | string;
  validFrom: string;
}

/** The latest rate in force, direct or inverse, from the rates valid on a day. */
function rateOfRows(rows: RateRow[]): RateOf {
  const latestFirst = [...rows].sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
  return (from, to) => {
    const direct = latestFirst.find((r) => r.fromCurrency === from && r.toCurrency === to);
    if (direct) return String(direct.rate);
    const inverse = latestFirst.find((r) => r.fromCurrency === to && r.toCurrency === from);
    if (inverse && Number(inverse.rate) !== 0) return new Decimal(1).div(String(inverse.rate)).toSignificantDigits(20).toFixed();
    return undefined;
  };
}

/** Exchange rates: the latest one in force, direct or inverse. */
const ratesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lookup(today = new Date().toISOString().slice(0, 10)): Promise<RateOf> {
    const rows: RateRow[] = await strapi.db.query(RATE_UID as any).findMany({ where: { validFrom: { $lte: today } } });
    return rateOfRows(rows);
  },

  /**
   * The rates valid on a day as one JSON column of a statement that reads something else (the
   * panel's decision read), so that they cost no round trip of their own.
   */
  column(alias: string, day: string): { sql: string; bindings: unknown[]; read: (value: unknown) => RateOf } {
    const sql = dialectSql(strapi);
    const meta: any = strapi.db.metadata.get(RATE_UID as any);
    const column = (name: string) => meta.attributes[name].columnName as string;
    const object = sql.jsonObject([
      ['fromCurrency', `r.${column('fromCurrency')}`],
      ['toCurrency', `r.${column('toCurrency')}`],
      // as text: the exact decimal, not a float
      ['rate', sql.asText(`r.${column('rate')}`)],
      ['validFrom', sql.asText(`r.${column('validFrom')}`)],
    ]);
    return {
      sql: `(select ${sql.jsonArray(object)} from ${meta.tableName} r where r.${column('validFrom')} <= ?) as ${alias}`,
      bindings: [day],
      read: (value) => {
        const rows = jsonValue(value);
        return rateOfRows(Array.isArray(rows) ? rows : []);
      },
    };
  },
});

export default ratesService;
export type RatesService = ReturnType<typeof ratesService>;
