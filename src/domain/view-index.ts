/**
 * The 360 view's maintained index (README, "P7"): one row per customer and document of the merged
 * sections (sales, purchases), with the date it sorts on and whether the section shows it, and a
 * maintained count per customer, section and type. Pure: which rows a refresh rewrites and how the
 * counts move. No Strapi import.
 */

/** A type of a merged section, as the index keeps it. */
export interface IndexedPart {
  section: string;
  uid: string;
  /** its place among the section's types: rows of one date are ordered by it */
  rank: number;
  /** the relations from the document to the customer (`['customer']`, `['supplier', 'linkedProspect']`) */
  paths: string[][];
  dateField: string;
  /** states left out of the section; `keepNoState`: a document without a state stays in */
  leaveOut: { states: readonly string[]; keepNoState: boolean };
}

/** One row of the index, as stored. */
export interface IndexRow {
  customerId: number;
  section: string;
  uid: string;
  /** the type's rank in its section: rows of one date are ordered by it */
  rank: number;
  docId: number;
  sortDate: string | null;
  /** 1 when the document has no date (listed last) */
  undated: number;
  /** 1 when the section shows it (not in a state left out) */
  shown: number;
}

export interface CountDelta {
  customerId: number;
  section: string;
  uid: string;
  delta: number;
}

export interface IndexChanges {
  /** the documents whose rows differ from the stored ones: their rows are deleted, then `insert` written */
  docs: number[];
  insert: IndexRow[];
  /** the shown counts' changes, non-zero, in key order (the order their rows are locked in) */
  counts: CountDelta[];
}

/** Whether a section shows a document in `state` (the states left out; `keepNoState`: a document without a state stays in). */
export function shownIn(leaveOut: { states: readonly string[]; keepNoState: boolean }, state: string | null | undefined): boolean {
  if (leaveOut.states.length === 0) return true;
  if (state === null || state === undefined) return leaveOut.keepNoState;
  return !leaveOut.states.includes(state);
}

const rowKey = (r: IndexRow) => [r.customerId, r.section, r.uid, r.rank, r.docId, r.sortDate ?? '', r.undated, r.shown].join('\u0001');
const countKey = (c: { customerId: number; section: string; uid: string }) => `${String(c.customerId).padStart(12, '0')}\u0001${c.section}\u0001${c.uid}`;

function byDoc(rows: IndexRow[]): Map<number, IndexRow[]> {
  const out = new Map<number, IndexRow[]>();
  for (const row of rows) out.set(row.docId, [...(out.get(row.docId) ?? []), row]);
  return out;
}

const signature = (rows: IndexRow[] | undefined) => (rows ?? []).map(rowKey).sort().join('\n');

/**
 * What a refresh of some documents writes: `stored` are their rows in the index, `fresh` their rows
 * as recomputed from the documents. A document whose rows are the same is left alone.
 */
export function indexChanges(stored: IndexRow[], fresh: IndexRow[]): IndexChanges {
  const [before, after] = [byDoc(stored), byDoc(fresh)];
  const docs = [...new Set([...before.keys(), ...after.keys()])].filter((doc) => signature(before.get(doc)) !== signature(after.get(doc))).sort((a, b) => a - b);
  const deltas = new Map<string, CountDelta>();
  const add = (row: IndexRow, delta: number) => {
    if (!row.shown) return;
    const key = countKey(row);
    const entry = deltas.get(key) ?? { customerId: row.customerId, section: row.section, uid: row.uid, delta: 0 };
    entry.delta += delta;
    deltas.set(key, entry);
  };
  for (const doc of docs) {
    for (const row of before.get(doc) ?? []) add(row, -1);
    for (const row of after.get(doc) ?? []) add(row, 1);
  }
  const counts = [...deltas.entries()].filter(([, c]) => c.delta !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c);
  return { docs, insert: docs.flatMap((doc) => after.get(doc) ?? []), counts };
}

/** The index's declaration in a word: when it changes, the index is rebuilt at boot. */
export const indexFingerprint = (parts: unknown[], version: number) => JSON.stringify({ version, parts });
