import type { Core } from '@strapi/strapi';
import { localeOfRequest } from '../core';
import { pageParams } from '../services/paging';
import { searchText } from './decision-query';
import { getService } from '../utils/get-service';

/**
 * `GET /parties?q=&pageSize=`: the parties whose code or label contains `q` (case and accents
 * ignored), by label, at most `pageSize` (1 to 50, default 20). The admin's party pickers use it.
 */
const partyLookupController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: any) {
    const query = ctx.query ?? {};
    const locale = localeOfRequest(ctx);
    const q = searchText(locale, query, 'q') ?? '';
    const { pageSize } = pageParams(locale, { pageSize: query.pageSize }, 20, 50);
    ctx.body = { data: await getService(strapi, 'party-labels').search(q, pageSize) };
  },
});

export default partyLookupController;
