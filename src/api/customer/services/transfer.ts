import type { Core } from '@strapi/strapi';
import {
  findPartyReferences,
  linkKeyFields,
  mergeContent,
  mergeSalesmen,
  planLinks,
  type Assignment,
  type LinkRow,
  type ModelShape,
  type PartyReference,
} from '../../../domain/transfer';
import { refuse } from '../../../rules/validation-error';
import { say } from '../../../domain/messages';
import { badRequest, notFound } from '../../../rules/said-errors';
import { valueWord } from '../../../rules/words';

const CUSTOMER = 'api::customer.customer';
/** Types whose records link two parties: a moved link may become a self-link or a duplicate. */
const LINK_TYPES = ['api::affiliation-link.affiliation-link', 'api::business-link.business-link'];

export interface TransferOptions {
  /** called after each step (tests inject faults here); not reachable over HTTP */
  onStep?: (step: string) => void | Promise<void>;
}

export interface TransferMeta {
  moved: Record<string, number>;
  removed: { selfLinks: number; duplicates: number };
  salesmen: number;
}

type Row = Record<string, any>;


const transferService = ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as any) as unknown as ModelShape;
  const docs = (uid: string) => strapi.documents(uid as any) as any;
  const query = (uid: string) => strapi.db.query(uid as any);

  /** Populate for every component and relation of a model, recursively (relations: ids only). */
  const populateOf = (uid: string): Row => {
    const populate: Row = {};
    for (const [name, a] of Object.entries(model(uid).attributes)) {
      if (a.type === 'component') populate[name] = { populate: populateOf(a.component!) };
      else if (a.type === 'relation' && !a.mappedBy) populate[name] = { select: ['id', 'documentId'] };
      else if (a.type === 'media') populate[name] = { select: ['id'] };
    }
    return populate;
  };

  /** A row as document-service input: relations by documentId, media by id, components without ids. */
  const toInput = (uid: string, row: Row): Row => {
    const input: Row = {};
    for (const [name, a] of Object.entries(model(uid).attributes)) {
      const value = row[name];
      if (value === undefined) continue;
      if (a.type === 'component') {
        input[name] = Array.isArray(value) ? value.map((item) => toInput(a.component!, item)) : value ? toInput(a.component!, value) : null;
      } else if (a.type === 'relation') {
        if (!a.mappedBy) input[name] = Array.isArray(value) ? value.map((v) => v.documentId) : (value?.documentId ?? null);
      } else if (a.type === 'media') {
        input[name] = Array.isArray(value) ? value.map((v) => v.id) : (value?.id ?? null);
      } else input[name] = value;
    }
    return input;
  };

  const loadParty = (documentId: string) => query(CUSTOMER).findOne({ where: { documentId }, populate: populateOf(CUSTOMER) });

  return {
    /** Every owning-side relation to the party type, from Strapi's metadata. */
    references(): PartyReference[] {
      const components = strapi.components as unknown as Record<string, ModelShape>;
      // the app's types only: a customer-portal login (users-permissions user → customer) stays
      // where it is, since moving it would open the target's records to it
      const contentTypes = Object.fromEntries(
        Object.entries(strapi.contentTypes as unknown as Record<string, ModelShape>).filter(([uid]) => uid.startsWith('api::'))
      );
      return findPartyReferences({ ...contentTypes, ...components }, CUSTOMER, new Set(Object.keys(components)));
    },

    /**
     * Transfers prospect `sourceId` into `targetId` in one transaction: the target keeps its
     * identity and takes the source's content, relations, links and salesmen; the source is
     * deleted (plugins keyed by the party, like credit control, clean up after a party's delete
     * themselves). Any failure rolls everything back.
     */
    async transfer(sourceId: string, targetId: unknown, options: TransferOptions = {}) {
      if (typeof targetId !== 'string' || targetId.trim() === '') {
        refuse('target', say('transferTargetRequired'));
      }
      const references = this.references();
      const inComponents = references.filter((r) => r.component);
      if (inComponents.length > 0) {
        // a component's relation can only be rewritten through its owner: not supported, so refuse rather than lose it
        throw badRequest(say('transferComponentRelations', { relations: inComponents.map((r) => `${r.uid}.${r.field}`).join(', ') }));
      }
      const step = async (name: string) => options.onStep?.(name);

      return strapi.db.transaction(async () => {
        const source = await loadParty(sourceId);
        if (!source) throw notFound(say('transferSourceNotFound', { documentId: sourceId }));
        if (source.kind !== 'prospect') refuse('kind', say('transferOnlyProspect', { name: source.callName, kind: valueWord(CUSTOMER, 'kind', source.kind) }));
        if (targetId === sourceId) refuse('target', say('transferIntoItself'));
        const target = await loadParty(targetId);
        if (!target) refuse('target', say('transferTargetMissing', { target: targetId }));
        await step('checked');

        const moved = Object.fromEntries(references.map((r) => [`${r.uid}.${r.field}`, 0]));
        const meta: TransferMeta = { moved, removed: { selfLinks: 0, duplicates: 0 }, salesmen: 0 };
        const salesmen = this.mergedSalesmen(target, source);
        meta.salesmen = salesmen.length;
        const content = mergeContent(model(CUSTOMER), toInput(CUSTOMER, source), toInput(CUSTOMER, target), ['salesmen']);
        await docs(CUSTOMER).update({ documentId: targetId, data: { ...content, salesmen } });
        await step('content');

        for (const uid of LINK_TYPES) {
          const fields = references.filter((r) => r.uid === uid && !r.many).map((r) => r.field);
          const plan = await this.planLinkType(uid, fields, source.id, target.id);
          for (const id of [...plan.selfLinks, ...plan.duplicates]) {
            const { documentId } = await query(uid).findOne({ where: { id }, select: ['documentId'] });
            await docs(uid).delete({ documentId });
          }
          meta.removed.selfLinks += plan.selfLinks.length;
          meta.removed.duplicates += plan.duplicates.length;
        }
        await step('links');

        const byType = new Map<string, PartyReference[]>();
        for (const ref of references) byType.set(ref.uid, [...(byType.get(ref.uid) ?? []), ref]);
        for (const [uid, refs] of byType) {
          await this.repoint(uid, refs, source, target, meta.moved);
          await step(`relations:${uid}`);
        }

        // deleting the party is all the app does: the credit-control plugin removes what it keeps
        // for the party (its policy, its exposure rows) in this same transaction
        await docs(CUSTOMER).delete({ documentId: sourceId });
        await step('source');

        const data = await docs(CUSTOMER).findOne({ documentId: targetId, populate: '*' });
        return { data, meta };
      });
    },

    mergedSalesmen(target: Row, source: Row): Row[] {
      const read = (row: Row): Assignment[] =>
        (row.salesmen ?? []).map((s: Row) => ({ employee: s.employee?.id ?? null, isMain: s.isMain, role: s.role }));
      const documentIds = new Map<number, string>();
      for (const s of [...(target.salesmen ?? []), ...(source.salesmen ?? [])]) if (s.employee) documentIds.set(s.employee.id, s.employee.documentId);
      return mergeSalesmen(read(target), read(source)).map((s) => ({
        employee: s.employee === null ? null : documentIds.get(s.employee),
        isMain: s.isMain,
        role: s.role,
      }));
    },

    /** Links of `uid` touching source or target, with their key values, and the plan for them. */
    async planLinkType(uid: string, partyFields: string[], sourceRowId: number, targetRowId: number) {
      const keyFields = linkKeyFields(model(uid), partyFields);
      const attributes = model(uid).attributes;
      const populate = Object.fromEntries(
        [...partyFields, ...keyFields].filter((f) => attributes[f].type === 'relation').map((f) => [f, { select: ['id'] }])
      );
      const rows: Row[] = await query(uid).findMany({
        where: { $or: partyFields.flatMap((f) => [{ [f]: { id: sourceRowId } }, { [f]: { id: targetRowId } }]) },
        populate,
      });
      const value = (row: Row, f: string) => (attributes[f].type === 'relation' ? (row[f]?.id ?? null) : (row[f] ?? null));
      const links: LinkRow[] = rows.map((row) => ({
        id: row.id,
        parties: Object.fromEntries(partyFields.map((f) => [f, value(row, f)])),
        key: Object.fromEntries(keyFields.map((f) => [f, value(row, f)])),
      }));
      return planLinks(links, sourceRowId, targetRowId);
    },

    /** Re-points every record of `uid` that names the source to the target, through the document service. */
    async repoint(uid: string, refs: PartyReference[], source: Row, target: Row, moved: Record<string, number>) {
      const rows: Row[] = await query(uid).findMany({
        where: { $or: refs.map((r) => ({ [r.field]: { id: source.id } })) },
        select: ['id', 'documentId'],
        populate: Object.fromEntries(refs.map((r) => [r.field, { select: ['id', 'documentId'] }])),
        orderBy: { id: 'asc' },
      });
      for (const row of rows) {
        const data: Row = {};
        for (const { field, many } of refs) {
          const value = row[field];
          if (many) {
            const ids: number[] = (value ?? []).map((v: Row) => v.id);
            if (!ids.includes(source.id)) continue;
            data[field] = {
              disconnect: [{ documentId: source.documentId }],
              connect: ids.includes(target.id) ? [] : [{ documentId: target.documentId }],
            };
          } else if (value?.id === source.id) data[field] = target.documentId;
          else continue;
          moved[`${uid}.${field}`] = (moved[`${uid}.${field}`] ?? 0) + 1;
        }
        if (Object.keys(data).length > 0) await docs(uid).update({ documentId: row.documentId, data });
      }
    },
  };
};

export default transferService;
export type TransferService = ReturnType<typeof transferService>;
