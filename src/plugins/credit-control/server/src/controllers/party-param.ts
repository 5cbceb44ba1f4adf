import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localeOfRequest, textOf } from '../core';
import { getService } from '../utils/get-service';

/** The `:party` of a route: the documentId of an existing party, or a 404 naming it. */
export async function partyOf(strapi: Core.Strapi, ctx: any): Promise<string> {
  const party = String(ctx.params.party ?? '');
  const uid = getService(strapi, 'mapping').get().party.uid;
  if (!party || (await strapi.db.query(uid).count({ where: { documentId: party } })) === 0) {
    throw new errors.NotFoundError(textOf('partyNotFound', { uid, party }, localeOfRequest(ctx)), { code: 'partyNotFound' });
  }
  return party;
}
