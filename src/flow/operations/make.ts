import type { Core } from '@strapi/strapi';
import Decimal from 'decimal.js';
import { computeLineTotals } from '../../domain/document-totals';
import { edgesFrom, type FlowEdge } from '../../domain/flow/edges';
import { takenFrom } from '../../domain/flow/taken';
import type { SourceLine } from '../../domain/flow/split';
import { refuse } from '../../rules/validation-error';
import { lockDocuments, madeFrom, readDocument, type StoredDocument } from '../documents';
import { say } from '../../domain/messages';
import { notFound } from '../../rules/said-errors';
import { documentWord } from '../../rules/words';

const attributesOf = (strapi: Core.Strapi, uid: string) => ((strapi.getModel(uid as any) as any).attributes ?? {}) as Record<string, any>;
/** A to-one relation a client writes (not Strapi's createdBy/updatedBy, which name the admin user). */
const isToOne = (attribute: any): boolean =>
  attribute?.type === 'relation' && /^(manyToOne|oneToOne)$/.test(attribute.relation) && attribute.writable !== false && !String(attribute.target).startsWith('admin::');
/** Read of every source, whatever is made of it: who is billed, in which currency, for which order. */
const ALWAYS_READ = ['customer', 'customerToBill', 'currency', 'order'];

/**
 * A source as an operation reads it: lines with article and VAT code, and as documentIds the to-one
 * relations the made type (`targetUid`) shares with it (copyHeader copies only those) and ALWAYS_READ:
 * Strapi reads each populated relation in a query of its own.
 */
export async function readSource(strapi: Core.Strapi, uid: string, documentId: string, label: string, targetUid: string = uid): Promise<StoredDocument> {
  await lockDocuments(strapi, uid, [documentId]);
  const attributes = attributesOf(strapi, uid);
  const target = attributesOf(strapi, targetUid);
  const populate: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    if (isToOne(attribute) && (isToOne(target[name]) || ALWAYS_READ.includes(name))) populate[name] = { select: ['documentId'] };
  }
  if ('lines' in attributes) populate.lines = { populate: { article: { select: ['documentId'] }, vatCode: { select: ['documentId'] } } };
  const source = await readDocument(strapi, uid, documentId, populate);
  if (!source) throw notFound(say('documentNotFound', { document: documentWord(uid, documentId, 'the', label) }));
  return source;
}

/** The to-one relations the made document shares with its source (customer, site, project, ...), as documentIds. */
export function copyHeader(strapi: Core.Strapi, source: StoredDocument, targetUid: string, skip: string[] = []): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, attribute] of Object.entries(attributesOf(strapi, targetUid))) {
    if (skip.includes(name) || !isToOne(attribute)) continue;
    const value = source[name];
    if (value?.documentId) data[name] = value.documentId;
  }
  return data;
}

/** What a made line copies from its source line: article, label, price and VAT. */
export const copyLine = (line: SourceLine): Record<string, unknown> => ({
  article: (line.article as any)?.documentId ?? null,
  label: line.label ?? null,
  unitPrice: String(line.unitPrice),
  vatCode: (line.vatCode as any)?.documentId ?? null,
  vatRate: line.vatRate === null || line.vatRate === undefined ? null : String(line.vatRate),
});

export const sourceLines = (source: StoredDocument): SourceLine[] =>
  (source.lines ?? []).filter((l) => l.key).map((l) => ({ ...l, key: l.key as string, quantity: String(l.quantity), unitPrice: String(l.unitPrice) }));

/** Per source line: the quantity not yet held by a document made through `edge`. */
export async function freeQuantities(strapi: Core.Strapi, edge: FlowEdge, source: StoredDocument): Promise<Map<string, Decimal>> {
  const lines = sourceLines(source);
  const held = takenFrom(lines.map((l) => l.key), await madeFrom(strapi, edge, source.documentId), edge.holdsIn);
  return new Map(lines.map((l) => [l.key, new Decimal(l.quantity).sub(held.byLine.get(l.key)?.quantity ?? 0)]));
}

export const edgeOf = (from: string, to: string, kind?: string): FlowEdge =>
  edgesFrom(from).find((e) => e.to === to && (!kind || !e.when || e.when.in.includes(kind))) as FlowEdge;

/**
 * A made document's number when the caller gives none: the type's prefix, the year and the next
 * number of that year (DEL-2026-000042), so numbers stay short however long the chain.
 */
export async function numberFor(strapi: Core.Strapi, uid: string, prefix: string, date: string): Promise<string> {
  const stem = `${prefix}-${date.slice(0, 4)}-`;
  // PostgreSQL: two operations numbering at once (from two sources) would read the same last number;
  // they take turns on the stem until their transactions end (SQLite already has one writer)
  if (strapi.db.dialect.client === 'postgres') {
    await strapi.db.transaction(async ({ trx }: any) => trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`${uid}:${stem}`]));
  }
  const last: any = await strapi.db.query(uid as any).findOne({ where: { number: { $startsWith: stem } }, select: ['id', 'number'], orderBy: { number: 'desc' } });
  const next = (Number(String(last?.number ?? '').slice(stem.length)) || 0) + 1;
  return `${stem}${String(next).padStart(6, '0')}`;
}

/** The caller's fields for the made document: only plain fields it may set, never links or derived figures. */
export function callerFields(body: Record<string, unknown>, allowed: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of allowed) if (body[field] !== undefined) data[field] = body[field];
  return data;
}

/** Refuses a body key the operation does not know (a typo must not be silently dropped). */
export function onlyKnown(body: Record<string, unknown>, known: string[]): void {
  for (const key of Object.keys(body)) if (!known.includes(key)) refuse(key, say('notOperationField', { field: key, known: known.join(', ') }));
}

/** What a preview shows: the made lines priced as the rules will price them, and the totals. */
export function priced(data: Record<string, unknown>): Record<string, unknown> {
  const lines = Array.isArray(data.lines) ? (data.lines as any[]) : [];
  if (lines.length === 0) return data; // a document without lines carries its header amounts
  const result = computeLineTotals(lines.map((l) => ({ ...l })));
  return { ...data, lines: result.lines, ...result.totals };
}

export const today = (): string => new Date().toISOString().slice(0, 10);
