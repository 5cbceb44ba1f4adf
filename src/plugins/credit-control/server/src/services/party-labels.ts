import type { Core } from '@strapi/strapi';
import { getService } from '../utils/get-service';

/** Parties' labels by documentId, read from the mapping's `party.labelField` (none set: an empty map). */
const partyLabelsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  async of(parties: string[]): Promise<Map<string, string>> {
    const { uid, labelField } = getService(strapi, 'mapping').get().party;
    const wanted = [...new Set(parties.filter(Boolean))];
    if (!labelField || wanted.length === 0) return new Map();
    const rows: Record<string, unknown>[] = await strapi.db
      .query(uid as any)
      .findMany({ where: { documentId: { $in: wanted } }, select: ['documentId', labelField] });
    return new Map(rows.filter((r) => r[labelField] != null).map((r) => [String(r.documentId), String(r[labelField])]));
  },
});

export default partyLabelsService;
export type PartyLabelsService = ReturnType<typeof partyLabelsService>;
