import type { Core } from '@strapi/strapi';
import { matches, type GroupMapping } from '../core';

/** Affiliation groups: a parent whose policy has `group` counts its members' documents too. */
const groupsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const links = async (group: GroupMapping, field: string, parties: string[]) => {
    const rows = await strapi.db.query(group.uid as any).findMany({
      where: { [field]: { documentId: { $in: parties } } },
      select: ['id', ...(group.where ? [group.where.field] : [])],
      populate: { [group.memberField]: { select: ['documentId'] }, [group.parentField]: { select: ['documentId'] } },
    });
    return rows
      .filter((row: any) => matches(group.where, row))
      .map((row: any) => ({ member: row[group.memberField]?.documentId as string, parent: row[group.parentField]?.documentId as string }))
      .filter((link: { member?: string; parent?: string }) => link.member && link.parent);
  };
  return {
    /** parent → the members among `parties` */
    async parentsOf(group: GroupMapping, parties: string[]): Promise<Map<string, string[]>> {
      const byParent = new Map<string, string[]>();
      if (parties.length === 0) return byParent;
      for (const { member, parent } of await links(group, group.memberField, parties)) {
        byParent.set(parent, [...(byParent.get(parent) ?? []), member]);
      }
      return byParent;
    },
    async membersOf(group: GroupMapping, parent: string): Promise<string[]> {
      return [...new Set((await links(group, group.parentField, [parent])).map((l: { member: string }) => l.member))];
    },
  };
};

export default groupsService;
