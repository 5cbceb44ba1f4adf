import type { Core } from '@strapi/strapi';
import { edgesFrom, edgesInto, FLOW_UIDS } from '../../domain/flow/edges';
import { CONTRACT_LINK, CONTRACT_UID } from '../contracts';
import { linkedIds } from '../documents';
import { say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

export interface ChainNode {
  type: string;
  documentId: string;
  number: string | null;
  kind?: string | null;
  state: string | null;
  date: string | null;
  amountExclTax: string | null;
  /** the amount's currency code */
  currency: string | null;
  /** how this document is linked to the one it hangs under */
  link: string;
}

const typeOf = (uid: string) => uid.split('.').pop() as string;
/** Where a type keeps what the chain shows as its date and amount, when not in `date` and `amountExclTax`. */
const SHOWN: Record<string, { date: string; amount: string }> = {
  [FLOW_UIDS.receipt]: { date: 'date', amount: 'amount' },
  [CONTRACT_UID]: { date: 'startDate', amount: 'annualAmountExclTax' },
};
const shownOf = (uid: string) => SHOWN[uid] ?? { date: 'date', amount: 'amountExclTax' };
const node = (uid: string, row: any, link: string): ChainNode => {
  const amount = row[shownOf(uid).amount];
  return {
    type: typeOf(uid),
    documentId: row.documentId,
    number: row.number ?? null,
    ...(uid === FLOW_UIDS.invoice ? { kind: row.kind ?? null } : {}),
    state: row.state ?? null,
    date: row[shownOf(uid).date] ?? null,
    amountExclTax: amount !== undefined && amount !== null ? String(amount) : null,
    currency: row.currency?.code ?? null,
    link,
  };
};
const select = (uid: string) => ['documentId', 'number', 'state', shownOf(uid).date, shownOf(uid).amount, ...(uid === FLOW_UIDS.invoice ? ['kind'] : [])];
/** What a node is read with: its fields and its currency's code. */
const read = (uid: string) => ({ select: select(uid), populate: { currency: { select: ['code'] } } });

/** The documents a document was made from (its sources, their sources, ...). */
async function sourcesOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<(ChainNode & { from: unknown[] })[]> {
  const links: [string, string, string][] = edgesInto(uid).map((e) => [e.from, e.link, e.link]);
  if (uid === FLOW_UIDS.quotation) links.push([FLOW_UIDS.quotation, 'revisionOf', 'revisionOf']);
  if (uid === FLOW_UIDS.delivery) links.push([CONTRACT_UID, CONTRACT_LINK, CONTRACT_LINK]);
  const populate = Object.fromEntries(links.map(([, link]) => [link, { select: ['documentId'] }]));
  if (uid === FLOW_UIDS.receipt) populate.allocations = { populate: { invoice: { select: ['documentId'] } } } as any;
  const row: any = await strapi.db.query(uid as any).findOne({ where: { documentId }, select: ['documentId', 'kind'].filter((f) => f !== 'kind' || uid === FLOW_UIDS.invoice), populate });
  const found: (ChainNode & { from: unknown[] })[] = [];
  const add = async (sourceUid: string, ids: string[], link: string) => {
    for (const id of ids) {
      const source = await strapi.db.query(sourceUid as any).findOne({ where: { documentId: id }, ...read(sourceUid) });
      if (source) found.push({ ...node(sourceUid, source, link), from: await sourcesOf(strapi, sourceUid, id) });
    }
  };
  for (const edge of edgesInto(uid)) if (!edge.when || edge.when.in.includes(row?.kind)) await add(edge.from, linkedIds(row, edge), edge.link);
  if (uid === FLOW_UIDS.quotation && row?.revisionOf) await add(uid, [row.revisionOf.documentId], 'revisionOf');
  if (uid === FLOW_UIDS.delivery && row?.[CONTRACT_LINK]) await add(CONTRACT_UID, [row[CONTRACT_LINK].documentId], CONTRACT_LINK);
  if (uid === FLOW_UIDS.receipt) await add(FLOW_UIDS.invoice, [...new Set(((row?.allocations ?? []) as any[]).map((a) => a.invoice?.documentId).filter(Boolean))], 'allocations');
  return found;
}

/** The documents made from a document (and what was made from those), receipts allocated to an invoice too. */
async function madeOf(strapi: Core.Strapi, uid: string, documentId: string): Promise<(ChainNode & { made: unknown[] })[]> {
  const found: (ChainNode & { made: unknown[] })[] = [];
  const add = async (madeUid: string, where: Record<string, unknown>, link: string) => {
    const rows: any[] = await strapi.db.query(madeUid as any).findMany({ where, ...read(madeUid), orderBy: { id: 'asc' } });
    for (const row of rows) found.push({ ...node(madeUid, row, link), made: await madeOf(strapi, madeUid, row.documentId) });
  };
  for (const edge of edgesFrom(uid)) {
    await add(edge.to, { [edge.link]: { documentId }, ...(edge.when ? { [edge.when.field]: { $in: edge.when.in } } : {}) }, edge.link);
  }
  if (uid === FLOW_UIDS.quotation) await add(uid, { revisionOf: { documentId } }, 'revisionOf');
  if (uid === FLOW_UIDS.invoice) await add(FLOW_UIDS.receipt, { allocations: { invoice: { documentId } } }, 'allocations');
  if (uid === CONTRACT_UID) await add(FLOW_UIDS.delivery, { [CONTRACT_LINK]: { documentId } }, CONTRACT_LINK);
  return found;
}

/** A document's chain: where it came from, and what was made from it. */
export async function chainOf(strapi: Core.Strapi, uid: string, documentId: string) {
  const row = await strapi.db.query(uid as any).findOne({ where: { documentId }, ...read(uid) });
  if (!row) throw notFound(say('documentNotFound', { document: documentWord(uid, documentId) }));
  return { document: node(uid, row, ''), from: await sourcesOf(strapi, uid, documentId), made: await madeOf(strapi, uid, documentId) };
}
