import type { Core } from '@strapi/strapi';
import { day, minorToString, money, say, type Insurance, type InsuranceInput, type MessageCode, type Params, type TemporaryLimit, type TemporaryLimitInput } from '../core';
import type { Actor } from './actor';
import { LIMIT_TABLES } from './limit-tables';
import { getService } from '../utils/get-service';

type Knex = Core.Strapi['db']['connection'];

/** A stored row as the engine reads it (also from the decision's one read, decision-io.ts). */
export const toTemporary = (r: any): TemporaryLimit => ({ id: Number(r.id), amountMinor: BigInt(r.amount_minor), currency: r.currency, from: r.starts_on, to: r.ends_on, reason: r.reason ?? null });
export const toInsurance = (r: any): Insurance => ({ insurer: r.insurer, reference: r.reference, insuredMinor: BigInt(r.insured_minor), currency: r.currency, expiresOn: r.expires_on ?? null });

/** A temporary limit as every response gives it: the amount a decimal string with its currency. */
export const temporaryJson = (t: TemporaryLimit) => ({ id: t.id, amount: minorToString(t.amountMinor, t.currency), currency: t.currency, from: t.from, to: t.to, reason: t.reason ?? null });
export const insuranceJson = (i: Insurance, expired: boolean) => ({
  insurer: i.insurer,
  reference: i.reference,
  insuredAmount: minorToString(i.insuredMinor, i.currency),
  currency: i.currency,
  expiresOn: i.expiresOn,
  expired,
});

/** A party's temporary limits and credit insurance: read, written with their decision-log row in one transaction. */
const partyLimitsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const log = async (trx: Knex, party: string, reason: 'temporaryLimit' | 'insurance', action: string, code: MessageCode, params: Params, actor: Actor, details: Record<string, unknown>) => {
    const said = say(code, params);
    await getService(strapi, 'audit').record({ kind: 'policy', outcome: 'recorded', reason, party, action, message: said.message, details: { ...details, said: { code, params } } }, actor, trx);
  };

  return {
    /** The currency codes an amount may be written in: the default, the currency type's codes, those of the rates. */
    async knownCurrencies(): Promise<string[]> {
      const { currency } = getService(strapi, 'mapping').get();
      const codes = new Set([currency.default]);
      if (currency.uid) {
        const rows: any[] = await strapi.db.query(currency.uid as any).findMany({ select: [currency.codeField] });
        rows.forEach((r) => r[currency.codeField] && codes.add(String(r[currency.codeField]).toUpperCase()));
      }
      const rates: any[] = await strapi.db.query('plugin::credit-control.rate' as any).findMany({ select: ['fromCurrency', 'toCurrency'] });
      rates.forEach((r) => [r.fromCurrency, r.toCurrency].forEach((c) => c && codes.add(String(c).toUpperCase())));
      return [...codes].sort();
    },

    async addTemporary(party: string, input: TemporaryLimitInput, actor: Actor): Promise<TemporaryLimit> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const [inserted] = await trx(LIMIT_TABLES.temporary)
          .insert({ party, amount_minor: input.amountMinor.toString(), currency: input.currency, starts_on: input.from, ends_on: input.to, reason: input.reason, created_at: new Date(), created_by: actor.label })
          .returning('id');
        const limit: TemporaryLimit = { id: Number(typeof inserted === 'object' ? inserted.id : inserted), ...input };
        await log(trx, party, 'temporaryLimit', 'create', 'logTemporaryLimitAdded', { amount: money(input.amountMinor, input.currency), from: day(input.from), to: day(input.to) }, actor, { after: temporaryJson(limit) });
        return limit;
      });
    },

    /** Removes one temporary limit; null when the party has none of that id. */
    async removeTemporary(party: string, id: number, actor: Actor): Promise<TemporaryLimit | null> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const row = await trx(LIMIT_TABLES.temporary).where({ party, id }).first();
        if (!row) return null;
        const limit = toTemporary(row);
        await trx(LIMIT_TABLES.temporary).where({ party, id }).del();
        await log(trx, party, 'temporaryLimit', 'delete', 'logTemporaryLimitRemoved', { amount: money(limit.amountMinor, limit.currency), from: day(limit.from), to: day(limit.to) }, actor, { before: temporaryJson(limit) });
        return limit;
      });
    },

    /** Records (or replaces) the party's credit insurance. */
    async setInsurance(party: string, input: InsuranceInput, actor: Actor): Promise<Insurance> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const row = { insurer: input.insurer, reference: input.reference, insured_minor: input.insuredMinor.toString(), currency: input.currency, expires_on: input.expiresOn, updated_at: new Date(), updated_by: actor.label };
        const existing = await trx(LIMIT_TABLES.insurance).where({ party }).first();
        if (existing) await trx(LIMIT_TABLES.insurance).where({ party }).update(row);
        else await trx(LIMIT_TABLES.insurance).insert({ party, ...row });
        const insurance: Insurance = { ...input };
        const params = { insurer: input.insurer, reference: input.reference, amount: money(input.insuredMinor, input.currency), expiresOn: input.expiresOn ? day(input.expiresOn) : '—' };
        await log(trx, party, 'insurance', existing ? 'update' : 'create', 'logInsuranceSet', params, actor, { before: existing ? insuranceJson(toInsurance(existing), false) : null, after: insuranceJson(insurance, false) });
        return insurance;
      });
    },

    async removeInsurance(party: string, actor: Actor): Promise<Insurance | null> {
      return strapi.db.transaction(async ({ trx }: any) => {
        const existing = await trx(LIMIT_TABLES.insurance).where({ party }).first();
        if (!existing) return null;
        await trx(LIMIT_TABLES.insurance).where({ party }).del();
        await log(trx, party, 'insurance', 'delete', 'logInsuranceRemoved', {}, actor, { before: insuranceJson(toInsurance(existing), false) });
        return toInsurance(existing);
      });
    },

    /** A deleted party's limits go with it (party-lifecycle.ts). */
    async forget(trx: Knex, party: string) {
      await trx(LIMIT_TABLES.temporary).where({ party }).del();
      await trx(LIMIT_TABLES.insurance).where({ party }).del();
    },
  };
};

export default partyLimitsService;
export type PartyLimitsService = ReturnType<typeof partyLimitsService>;
