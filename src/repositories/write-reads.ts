import { AsyncLocalStorage } from 'async_hooks';
import type { RelationRef } from '../rules/relation-input';

type Row = { id: number; documentId: string };

/**
 * What one write's rules read, read once: the pre-fill, the line VAT, the holdback and the closing
 * rules ask for the same customer, project or site, and each read after the first is answered here.
 * The scope covers the rules only (nothing is written while they run); a write the flow makes
 * later gets its own.
 */
class WriteReads {
  private readonly rows = new Map<string, Row | null>();
  /** lists read along with another read (a customer's sites with the customer), made when first asked */
  readonly lists = new Map<string, () => unknown[]>();

  private key(kind: string, ref: NonNullable<RelationRef>): string {
    return 'id' in ref ? `${kind}#${ref.id}` : `${kind}@${ref.documentId}`;
  }

  has(kind: string, ref: NonNullable<RelationRef>): boolean {
    return this.rows.has(this.key(kind, ref));
  }

  get<T extends Row>(kind: string, ref: NonNullable<RelationRef>): T | null {
    return (this.rows.get(this.key(kind, ref)) as T | undefined) ?? null;
  }

  keep(kind: string, ref: NonNullable<RelationRef>, row: Row | null): void {
    this.rows.set(this.key(kind, ref), row);
    if (row) {
      this.rows.set(this.key(kind, { id: row.id }), row);
      this.rows.set(this.key(kind, { documentId: row.documentId }), row);
    }
  }
}

const scope = new AsyncLocalStorage<WriteReads>();

/** Runs a write's rules with one memo of what they read. */
export const withWriteReads = <T>(work: () => Promise<T>): Promise<T> => scope.run(new WriteReads(), work);

/** `read()` once per write for `kind` and `ref` (outside a write's rules: every time). */
export async function readOnce<T extends Row>(kind: string, ref: NonNullable<RelationRef>, read: () => Promise<T | null>): Promise<T | null> {
  const memo = scope.getStore();
  if (!memo) return read();
  if (memo.has(kind, ref)) return memo.get<T>(kind, ref);
  const row = await read();
  memo.keep(kind, ref, row);
  return row;
}

/** Remembers rows read in bulk (a customer's sites), so a later `readOnce` of one of them is free. */
export function keepRead(kind: string, rows: Row[]): void {
  const memo = scope.getStore();
  if (memo) for (const row of rows) memo.keep(kind, { id: row.id }, row);
}

/** Keeps a list read along with another read (`rows` is made when first asked), for a later `readListOnce` (outside a write's rules: nothing). */
export function keepList(kind: string, key: number, rows: () => unknown[]): void {
  let made: unknown[] | undefined;
  scope.getStore()?.lists.set(`${kind}#${key}`, () => (made ??= rows()));
}

/** `read()` once per write for the list `kind` of `key`, or the list `keepList` kept (outside a write's rules: every time). */
export async function readListOnce<T>(kind: string, key: number, read: () => Promise<T[]>): Promise<T[]> {
  const memo = scope.getStore();
  if (!memo) return read();
  const kept = memo.lists.get(`${kind}#${key}`);
  if (kept) return kept() as T[];
  const rows = await read();
  memo.lists.set(`${kind}#${key}`, () => rows);
  return rows;
}
