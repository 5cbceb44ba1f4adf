import type { Core } from '@strapi/strapi';
import { localeOfRequest } from '../core';
import { pageParams } from '../services/paging';
import { getService } from '../utils/get-service';

/** `GET /parties/over-threshold?page=&pageSize=` (pageSize 1 to 100, default 25; a bad one is a 400 naming it). */
const overThresholdController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    ctx.body = await getService(strapi, 'over-threshold').page(pageParams(localeOfRequest(ctx), ctx.query ?? {}, 25));
  },
});

export default overThresholdController;
