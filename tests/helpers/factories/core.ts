/**
 * What the test builders share: the record types, valid identifiers, the one poster (`post`) and
 * the one code generator (`uniq`). The builders themselves are `Factories` (./documents.ts).
 */
import Decimal from 'decimal.js';
import type request from 'supertest';

export type Api = () => request.Agent;
export type Doc = { id: number; documentId: string; [key: string]: any };
export type Data = Record<string, unknown>;

/** Real, valid French identifiers (Luhn-valid SIRET/SIREN, VAT key (12 + 3 × (SIREN mod 97)) mod 97). */
export const IDS = {
  siret: '73282932000074',
  siren: '732829320',
  vat: 'FR44732829320',
  siret2: '44306184100047',
  siren2: '443061841',
  vat2: 'FR64443061841',
};

/** A stored decimal (number on SQLite, string on Postgres) as an exact string with `scale` decimals. */
export const dec = (value: unknown, scale = 2): string | null =>
  value === null || value === undefined ? null : new Decimal(String(value)).toFixed(scale);

let seq = 0;
const run = (Date.now() % 100000).toString(36).toUpperCase();
/** A code unique in the test database (max 40 chars). */
export const uniq = (prefix: string) => `${prefix}-${run}-${++seq}`;
/** A 3-letter currency code unique in the test database (ISO 4217 shape, `X` prefix as for test codes). */
export const currencyCode = () => {
  const n = ++seq;
  return `X${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}${String.fromCharCode(65 + (n % 26))}`;
};

/**
 * The one poster of the test builders: `POST /api/<plural>` (a query string may follow) with `{ data }`;
 * the created document, or a throw naming the answer when its status is not one of `accepted`.
 */
export async function post(api: Api, plural: string, data: Data, accepted: number[] = [201]): Promise<Doc> {
  const res = await api().post(`/api/${plural}`).send({ data });
  if (!accepted.includes(res.status)) {
    throw new Error(`POST /api/${plural} → ${res.status}: ${JSON.stringify(res.body?.error ?? res.body)}`);
  }
  return res.body.data;
}

/** A priced document line (sales.document-line). */
export const line = (article: Doc | string, vatCode: Doc | string, quantity: string, unitPrice: string, label = 'line'): Data => ({
  article: typeof article === 'string' ? article : article.documentId,
  vatCode: typeof vatCode === 'string' ? vatCode : vatCode.documentId,
  label,
  quantity,
  unitPrice,
});

