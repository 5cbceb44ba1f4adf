import { factories } from '@strapi/strapi';
import type { PolicyRow } from '../services/policies';
import { getService } from '../utils/get-service';

/**
 * `GET /policies` (a list, filterable by party) and `POST /policies` (create; a second one for a
 * party is a 400 on `party` pointing to `PUT /parties/:party/policy`). Single policies are read and
 * changed through the party routes. Responses use the plugin's policy shape (threshold a decimal string).
 */
export default factories.createCoreController('plugin::credit-control.policy' as any, ({ strapi }) => {
  const toJson = (row: PolicyRow) => getService(strapi, 'policies').toJson(row);
  return {
    async find(ctx: any) {
      const { data, meta } = (await super.find(ctx)) as { data: PolicyRow[]; meta: unknown };
      return { data: data.map(toJson), meta };
    },
    async create(ctx: any) {
      const { data, meta } = (await super.create(ctx)) as { data: PolicyRow; meta: unknown };
      return { data: toJson(data), meta };
    },
  };
});
