import type { Core } from '@strapi/strapi';
import type { FieldPredicate, Mapping } from '../core';

const holds = (p: FieldPredicate) => ({ [p.field]: p.in ? { $in: p.in } : { $notIn: p.notIn ?? [] } });
/** Rows where `p` does not hold; a null field holds no `in` (SQL's NOT IN drops nulls: keep them). */
const holdsNot = (p: FieldPredicate) =>
  p.in ? { $or: [{ [p.field]: { $null: true } }, { [p.field]: { $notIn: p.in } }] } : { [p.field]: { $in: p.notIn ?? [] } };

/** Call taking: the party of a help-desk issue, and the unpaid invoices its rule looks at. */
export const callFacts = (strapi: Core.Strapi) => ({
  async parties(mapping: Mapping, documentId: string): Promise<string[]> {
    const ct = mapping.callTaking!;
    const row = await strapi.db.query(ct.uid as any).findOne({ where: { documentId }, select: ['id'], populate: { [ct.partyField]: { select: ['documentId'] } } });
    const party = row?.[ct.partyField]?.documentId;
    return party ? [party] : [];
  },

  async facts(mapping: Mapping, party: string, data: any, documentId?: string) {
    const ct = mapping.callTaking!;
    const inv = ct.invoices;
    // credit notes match `unpaid` too, but the party owes nothing on them (excludeWhen)
    const unpaid = { $and: [holds(inv.unpaid), ...(inv.excludeWhen ? [holdsNot(inv.excludeWhen)] : [])] };
    const onCustomer = await strapi.db.query(inv.uid as any).count({ where: { [inv.partyField]: { documentId: party }, ...unpaid } });
    let onContract = 0;
    if (ct.contractField && inv.contractField && documentId) {
      const issue = await strapi.db.query(ct.uid as any).findOne({ where: { documentId }, select: ['id'], populate: { [ct.contractField]: { select: ['id'] } } });
      const contractId = issue?.[ct.contractField]?.id;
      if (contractId) onContract = await strapi.db.query(inv.uid as any).count({ where: { [inv.contractField]: { id: contractId }, ...unpaid } });
    }
    const channel = ct.channelField ? String(data?.[ct.channelField] ?? 'backOffice') : 'backOffice';
    return { unpaidOnCustomer: onCustomer > 0, unpaidOnContract: onContract > 0, channel };
  },
});
