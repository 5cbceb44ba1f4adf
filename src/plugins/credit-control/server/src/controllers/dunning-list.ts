import type { Core } from '@strapi/strapi';
import { localeOfRequest, minorToString } from '../core';
import type { Letter } from '../reports/letter-pdf';
import { pageOf, pageParams } from '../services/paging';
import { dunningCriteria } from './dunning';
import { getService } from '../utils/get-service';


/** A letter as JSON: who, which level, which invoices, how much (decimal strings). */
const toJson = (letter: Letter) => ({
  party: { documentId: letter.party.documentId, code: letter.party.code, name: letter.party.name },
  level: { code: letter.level.code, name: letter.level.name, rank: letter.level.rank },
  invoices: letter.lines.map((l) => ({
    documentId: l.documentId, number: l.number, dueDate: l.dueDate, daysOverdue: l.daysOverdue, level: l.level.code, currency: l.currency,
    balance: minorToString(l.balanceMinor, l.currency), interest: minorToString(l.interestMinor, l.currency),
  })),
  totals: letter.totals.map((t) => ({
    currency: t.currency, balance: minorToString(t.balanceMinor, t.currency), interest: minorToString(t.interestMinor, t.currency),
    fee: minorToString(t.feeMinor, t.currency), indemnity: minorToString(t.indemnityMinor, t.currency), indemnityCount: t.indemnityCount, creditNotes: minorToString(t.creditNotesMinor, t.currency), unallocatedPayments: minorToString(t.unallocatedMinor, t.currency), total: minorToString(t.totalMinor, t.currency),
  })),
});

/**
 * The dunning preview as a list (the GET /reports/dunning preview is a PDF): the letters a run with
 * these criteria would send, a page at a time, recording nothing. The admin picks a party from it.
 */
const dunningListController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async letters(ctx: any) {
    const { page: rawPage, pageSize: rawSize, ...rest } = ctx.query ?? {};
    const criteria = await dunningCriteria(strapi, rest);
    const { page, pageSize } = pageParams(localeOfRequest(ctx), { page: rawPage, pageSize: rawSize }, 25);
    const { levels } = await getService(strapi, 'dunning').levelsFor(criteria);
    const first = (page - 1) * pageSize;
    const data: ReturnType<typeof toJson>[] = [];
    let total = 0;
    for await (const letter of getService(strapi, 'dunning').letters(criteria, levels) as AsyncGenerator<Letter>) {
      if (total >= first && data.length < pageSize) data.push(toJson(letter));
      total += 1;
    }
    ctx.body = pageOf(data, { page, pageSize }, total, { criteria });
  },
});

export default dunningListController;
