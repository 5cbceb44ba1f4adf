import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import type { RateOf } from '../core';

export const RATE_UID = 'plugin::credit-control.rate';

/** Exchange rates: the latest one in force, direct or inverse. */
const ratesService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async lookup(today = new Date().toISOString().slice(0, 10)): Promise<RateOf> {
    const rows: { fromCurrency: string; toCurrency: string; rate: number | string; validFrom: string }[] = await strapi.db
      .query(RATE_UID as any)
      .findMany({ where: { validFrom: { $lte: today } }, orderBy: { validFrom: 'desc' } });
    return (from, to) => {
      const direct = rows.find((r) => r.fromCurrency === from && r.toCurrency === to);
      if (direct) return String(direct.rate);
      const inverse = rows.find((r) => r.fromCurrency === to && r.toCurrency === from);
      if (inverse && Number(inverse.rate) !== 0) return new Decimal(1).div(String(inverse.rate)).toSignificantDigits(20).toFixed();
      return undefined;
    };
  },
});

export default ratesService;
