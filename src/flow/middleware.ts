import type { Core } from '@strapi/strapi';
import { edgesFrom, edgesInto, FLOW_UIDS } from '../domain/flow/edges';
import { DERIVED } from '../domain/flow/derived';
import type { RuleError } from '../domain/rule-error';
import { throwIfErrors } from '../rules/validation-error';
import { ALLOCATIONS_POPULATE, allocatedInvoices, allocationErrors } from './allocations';
import { madeDocumentErrors, sourceErrors } from './checks';
import { itemBillingErrors, itemLinksPopulate, itemSourcesBilled, itemSourceWriteErrors, specsFrom, specsInto } from './billed-once';
import { CONTRACT_LINK, CONTRACT_UID, contractDeliveryErrors, contractIdOf, contractSourceErrors } from './contracts';
import { derivedOnCreate, refreshDerived } from './derive';
import { isFlowWrite } from './flow-context';
import { linkedIds, lockDocuments, readDocument, type StoredDocument } from './documents';
import { assignLineKeys } from './line-keys';
import { REVISION_POPULATE, revisedId, revisionErrors } from './revisions';

/** A clone is a new document with its original's lines and links: checked and derived as a create. */
const WRITES = ['create', 'clone', 'update', 'delete'];

/** The relations a flow document is read with: its sources' links, its customer and currency. */
function populateOf(uid: string): Record<string, unknown> {
  if (uid === FLOW_UIDS.receipt) return ALLOCATIONS_POPULATE;
  const links = Object.fromEntries(edgesInto(uid).map((e) => [e.link, { select: ['documentId'] }]));
  if (uid === FLOW_UIDS.delivery) links[CONTRACT_LINK] = { select: ['documentId'] };
  // a source of billed-once items is read with them (their keys last across edits)
  const items = Object.fromEntries(specsFrom(uid).map((s) => [s.items, true]));
  return { ...links, ...itemLinksPopulate(uid), ...items, ...(uid === FLOW_UIDS.quotation ? REVISION_POPULATE : {}), customer: { select: ['documentId'] }, currency: { select: ['documentId'] } };
}

/**
 * What the flow reads of a document after this write. On a create, a relation the caller did not
 * give is empty (nothing else can point from it yet): only the given ones are read, with the
 * customer and currency the checks against a source compare.
 */
function populateAfter(uid: string, action: string, data: Record<string, unknown> | undefined): Record<string, unknown> {
  const all = populateOf(uid);
  if (action !== 'create' || !data) return all;
  const given = Object.fromEntries(Object.entries(all).filter(([field]) => field !== 'customer' && field !== 'currency' && data[field] !== undefined));
  return Object.keys(given).length === 0 ? given : { ...given, customer: all.customer, currency: all.currency };
}

/** Types whose checks after a write read more of it than its own fields: allocations, a contract's periods, lines. */
const READ_BACK_ALWAYS = new Set<string>([FLOW_UIDS.receipt, FLOW_UIDS.delivery, CONTRACT_UID, 'api::expense-report.expense-report']);

/** What a read with no populate gives of a document: no relation, component or media (a caller's populate shapes those its own way). */
const NOT_OWN_FIELDS = new Set(['relation', 'component', 'dynamiczone', 'media']);

/**
 * The document as the checks after a create need it, from what the create returned, when that is
 * all they read: it was given no flow link (nothing links it, nothing is made from it yet), so its
 * derived figures follow from its own fields, and Strapi read those back from its row. Only those
 * fields are kept: what the caller populated (the Content Manager populates every relation, as
 * counts) is not what the checks read. Null: read it.
 */
function createdAsReturned(strapi: Core.Strapi, uid: string, action: string, params: Record<string, unknown>, populate: Record<string, unknown>, result: any): StoredDocument | null {
  if (action !== 'create' || Object.keys(populate).length > 0 || params.fields !== undefined) return null;
  if (READ_BACK_ALWAYS.has(uid) || specsFrom(uid).length > 0) return null;
  if (!result || typeof result.id !== 'number' || typeof result.documentId !== 'string') return null;
  const attributes = ((strapi.getModel(uid as any) as any)?.attributes ?? {}) as Record<string, { type: string }>;
  return Object.fromEntries(Object.entries(result).filter(([field]) => !NOT_OWN_FIELDS.has(attributes[field]?.type))) as StoredDocument;
}

/**
 * The flow's own write of a document's derived figures (refreshDerived): it moves no link, line or
 * other field, and derivation is idempotent (the figures it wrote derive to themselves).
 */
const refreshWrite = (uid: string, action: string, data: Record<string, unknown> | undefined): boolean =>
  isFlowWrite() && action === 'update' && Boolean(data) && Object.keys(data!).every((field) => field === 'state' || DERIVED[uid].fields.includes(field));

/**
 * The sales flow on every write path: a made document is checked against its sources (one
 * transaction, sources locked), and the sources' derived figures follow, through the document
 * service, so the credit engine judges the move as part of this write. Registered after the
 * domain rules, which price the lines first.
 */
export function registerSalesFlow(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (!DERIVED[ctx.uid] || !WRITES.includes(ctx.action)) return next();
    const uid = ctx.uid;
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const refresh = refreshWrite(uid, ctx.action, params.data);
    return strapi.db.transaction(async () => {
      // a refresh keeps the links: the document read after it stands for before too (one read)
      let before: StoredDocument | null = params.documentId && !refresh && ctx.action !== 'clone' ? await readDocument(strapi, uid, params.documentId, populateOf(uid)) : null;
      // deleting a source that made documents still hold is closing it for good
      if (ctx.action === 'delete' && before) throwIfErrors(await sourceErrors(strapi, uid, { ...before, state: 'cancelled' }));
      if (ctx.action === 'delete' && before && uid === CONTRACT_UID) throwIfErrors(await contractSourceErrors(strapi, before, true));
      if (ctx.action === 'delete' && before) throwIfErrors(await itemSourceWriteErrors(strapi, uid, before, true));
      if (ctx.action !== 'delete' && params.data && typeof params.data === 'object') {
        throwIfErrors(assignLineKeys(params.data, before));
        for (const items of new Set(specsFrom(uid).map((s) => s.items))) if (items !== 'lines') throwIfErrors(assignLineKeys(params.data, before, items));
        if (ctx.action === 'create') Object.assign(params.data, derivedOnCreate(uid, params.data));
      }

      const result: any = await next();

      const documentId: string | undefined = ctx.action === 'delete' ? undefined : ctx.action === 'clone' ? result?.documentId : (result?.documentId ?? params.documentId);
      const readAfter = populateAfter(uid, ctx.action, params.data);
      const after = documentId ? (createdAsReturned(strapi, uid, ctx.action, ctx.params as Record<string, unknown>, readAfter, result) ?? (await readDocument(strapi, uid, documentId, readAfter))) : null;
      if (refresh) before = after;
      const errors: RuleError[] = [];
      const sources: [string, string[]][] = [];
      for (const edge of edgesInto(uid)) {
        const was = linkedIds(before, edge);
        const now = after ? linkedIds(after, edge) : [];
        const touched = [...new Set([...was, ...now])];
        if (touched.length === 0) continue;
        await lockDocuments(strapi, edge.from, touched);
        if (after) errors.push(...(await madeDocumentErrors(strapi, edge, after, new Set(now.filter((id) => !was.includes(id))))));
        sources.push([edge.from, touched]);
      }
      if (uid === FLOW_UIDS.receipt) {
        if (after) errors.push(...(await allocationErrors(strapi, after)));
        sources.push([FLOW_UIDS.invoice, [...new Set([...allocatedInvoices(before), ...(after ? allocatedInvoices(after) : [])])]]);
      }
      if (uid === FLOW_UIDS.quotation) {
        if (after) errors.push(...(await revisionErrors(strapi, before, after)));
        sources.push([uid, [revisedId(before), after ? revisedId(after) : null].filter((id): id is string => Boolean(id))]);
      }
      // a refresh writes derived figures only: links, lines and periods are as they were checked
      if (uid === FLOW_UIDS.delivery) {
        if (after && !refresh) errors.push(...(await contractDeliveryErrors(strapi, after, before)));
        sources.push([CONTRACT_UID, [...new Set([contractIdOf(before), contractIdOf(after)].filter((id): id is string => Boolean(id)))]]);
      }
      if (after && uid === CONTRACT_UID && !refresh) errors.push(...(await contractSourceErrors(strapi, after, false)));
      for (const spec of specsInto(uid)) sources.push([spec.from, await itemSourcesBilled(strapi, spec, before, after)]);
      if (after && !refresh && specsInto(uid).length > 0) errors.push(...(await itemBillingErrors(strapi, uid, after, before)));
      if (after && !refresh) errors.push(...(await itemSourceWriteErrors(strapi, uid, after, false)));
      // nothing is made from a document before it exists: a create holds nothing against its lines
      if (after && edgesFrom(uid).length > 0 && ctx.action !== 'create') errors.push(...(await sourceErrors(strapi, uid, after, before)));
      throwIfErrors(errors);

      // the checks above only read: `after` is still the document; a refresh has nothing left to change
      const changed = after && !refresh ? await refreshDerived(strapi, uid, after.documentId, after, ctx.action === 'create') : false;
      for (const [sourceUid, ids] of sources) {
        for (const id of ids) if (id !== documentId) await refreshDerived(strapi, sourceUid, id);
      }
      // the caller sees its document as the flow left it (its state follows from what it holds)
      if (!changed || !documentId) return result;
      const { fields, populate, locale, status } = ctx.params as Record<string, any>;
      return strapi.documents(uid as any).findOne({ documentId, fields, populate, locale, status } as any);
    });
  });
}
