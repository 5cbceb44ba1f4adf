import type { Core } from '@strapi/strapi';
import type { Mapping } from '../core';

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
    const unpaid = inv.unpaid.in ? { [inv.unpaid.field]: { $in: inv.unpaid.in } } : { [inv.unpaid.field]: { $notIn: inv.unpaid.notIn ?? [] } };
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
