import type { Core } from '@strapi/strapi';
import { billingDefaults, type ResolvedBilling } from '../../business-link/services/resolver';
import { MANAGEMENT_UIDS, relationFieldsTo } from '../../../rules/management-types';
import { DATE_FIELDS, firstOf } from '../../../domain/shown-fields';
import { pageOf, type PageParams } from '../../../http/paging';
import { refuse } from '../../../rules/validation-error';
import { idsLinkedToAny } from '../../../repositories/sql';
import { whereLinkedToAny } from '../../../repositories/sql';
import { say } from '../../../domain/messages';
import { notFound } from '../../../rules/said-errors';
import { typeWord } from '../../../rules/words';

const CUSTOMER = 'api::customer.customer';
/** Linked management objects also list the events of the record. */
const LINKED_UIDS = [...MANAGEMENT_UIDS, 'api::event.event'];
/** A prospect's record makes opportunities only: the rest follows its conversion (spec, "Turning a prospect into a customer"). */
const PROSPECT_TYPES = ['api::opportunity.opportunity'];

export interface ManagementType {
  type: string;
  uid: string;
  partyFields: string[];
  sortField: string;
}

export function managementTypes(strapi: Core.Strapi): ManagementType[] {
  return LINKED_UIDS.map((uid) => {
    const model = strapi.getModel(uid as any) as any;
    const attributes = model.attributes as Record<string, unknown>;
    return {
      type: model.info.pluralName as string,
      uid,
      partyFields: relationFieldsTo(strapi, uid, CUSTOMER),
      sortField: firstOf(DATE_FIELDS, attributes) ?? 'createdAt',
    };
  });
}

/** The ids of the `type` objects whose customer, customer to bill or donor is the customer (row `customerId`), read on the link tables. */
export const partyIds = (strapi: Core.Strapi, type: ManagementType, customerId: number) =>
  idsLinkedToAny(strapi, type.uid, type.partyFields.map((field) => [field]), customerId);

/** `partyIds` as a Strapi where. */
export const partyWhere = (strapi: Core.Strapi, type: ManagementType, customerId: number) => ({ id: { $in: partyIds(strapi, type, customerId) } });

const resolver = (strapi: Core.Strapi) =>
  strapi.service('api::business-link.resolver') as unknown as {
    resolve(soldTo: { documentId: string }, project?: { documentId: string } | null): Promise<ResolvedBilling | null>;
    present(resolved: ResolvedBilling): Record<string, unknown>;
  };

/** Management objects seen from the customer record: pre-filled creation and the linked-objects search. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const typeOf = (type: string): ManagementType => {
    const found = managementTypes(strapi).find((t) => t.type === type || t.uid === type);
    if (!found) {
      const known = managementTypes(strapi).map((t) => t.type).join(', ');
      refuse('type', say('unknownManagementType', { type, known }));
    }
    return found;
  };

  const customerOf = async (documentId: string) => {
    const customer = await strapi.db.query(CUSTOMER).findOne({ where: { documentId }, select: ['id', 'documentId', 'kind', 'callName'] });
    if (!customer) throw notFound(say('noCustomerOrProspect', { documentId }));
    return customer as { id: number; documentId: string; kind: string; callName: string };
  };

  const assertCreatable = (customer: { kind: string; callName: string }, type: ManagementType) => {
    if (customer.kind === 'prospect' && !PROSPECT_TYPES.includes(type.uid)) {
      refuse('type', say('prospectOnlyOpportunities', { name: customer.callName }));
    }
  };

  return {
    typeOf,

    /** What a new object of `type` gets from the record, as document-service input, and why. */
    async defaults(customerDocumentId: string, type: string, projectDocumentId?: string) {
      const customer = await customerOf(customerDocumentId);
      const target = typeOf(type);
      assertCreatable(customer, target);
      const resolved = await resolver(strapi).resolve({ documentId: customerDocumentId }, projectDocumentId ? { documentId: projectDocumentId } : null);
      if (!resolved) throw notFound(say('noCustomerOrProspect', { documentId: customerDocumentId }));
      if (projectDocumentId && !resolved.project) {
        refuse('project', say('noProject', { project: projectDocumentId }));
      }
      const attributes = (strapi.getModel(target.uid as any) as any).attributes as Record<string, unknown>;
      const candidates: Record<string, string | undefined> = {
        customer: resolved.soldTo.documentId,
        ...billingDefaults(resolved),
        project: resolved.project?.documentId,
      };
      const data = Object.fromEntries(Object.entries(candidates).filter(([field, value]) => value && field in attributes));
      return { type: target.type, data, billing: resolver(strapi).present(resolved) };
    },

    /** Creates an object of `type` for the customer; the rules fill what the caller leaves out. */
    async create(customerDocumentId: string, type: string, input: Record<string, unknown>) {
      const customer = await customerOf(customerDocumentId);
      const target = typeOf(type);
      assertCreatable(customer, target);
      if (input.customer !== undefined && input.customer !== customerDocumentId) {
        refuse('customer', say('customerIsTheRecord', { documentId: customerDocumentId }));
      }
      return strapi.documents(target.uid as any).create({ data: { ...input, customer: customerDocumentId } as any });
    },

    /** Counts per type, or one type's objects where the record is customer, customer to bill or donor. */
    async linked(customerDocumentId: string, query: { type?: string; state?: string } & PageParams) {
      const customer = await customerOf(customerDocumentId);
      const where = (t: ManagementType) => partyWhere(strapi, t, customer.id);
      if (!query.type) {
        const counts = await Promise.all(
          managementTypes(strapi).map(async (t) => ({ type: t.type, uid: t.uid, count: await strapi.documents(t.uid as any).count({ filters: where(t) as any }) }))
        );
        return { data: counts, meta: {} };
      }
      const t = typeOf(query.type);
      const { page, pageSize } = query;
      const filters: Record<string, unknown> = where(t);
      if (query.state) {
        if (!('state' in ((strapi.getModel(t.uid as any) as any).attributes ?? {}))) {
          refuse('state', say('typeHasNoState', { type: typeWord(t.uid, t.type) }));
        }
        Object.assign(filters, { state: query.state });
      }
      // a row shows its amount in its currency
      const populate = 'currency' in ((strapi.getModel(t.uid as any) as any).attributes ?? {}) ? { currency: { fields: ['code'] } } : undefined;
      const [rows, total] = await Promise.all([
        strapi.documents(t.uid as any).findMany({ filters: filters as any, sort: [`${t.sortField}:desc`, 'id:desc'] as any, start: (page - 1) * pageSize, limit: pageSize, populate: populate as any }),
        strapi.documents(t.uid as any).count({ filters: filters as any }),
      ]);
      return pageOf(rows, query, total, { type: t.type, uid: t.uid });
    },
  };
};
