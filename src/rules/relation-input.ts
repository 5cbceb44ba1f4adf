/** A reference to one related record, as found in document-service input. */
export type RelationRef = { id: number } | { documentId: string } | null;

const refOf = (value: unknown): RelationRef | undefined => {
  if (typeof value === 'number' && Number.isInteger(value)) return { id: value };
  if (typeof value === 'string' && value !== '') return /^\d+$/.test(value) ? { id: Number(value) } : { documentId: value };
  if (value && typeof value === 'object') {
    const { id, documentId } = value as { id?: unknown; documentId?: unknown };
    if (typeof documentId === 'string') return { documentId };
    if (id !== undefined) return refOf(id);
  }
  return undefined;
};

/**
 * The record a to-one relation input points at: an id, a documentId, `{ connect }`, `{ set }`
 * or `{ disconnect }`. `undefined` means the input leaves the relation as it was, `null` clears it.
 */
export function singleRelationRef(input: unknown): RelationRef | undefined {
  if (input === undefined) return undefined;
  if (input === null) return null;
  if (Array.isArray(input)) return input.length === 0 ? null : refOf(input[input.length - 1]);
  if (typeof input === 'object') {
    const { connect, set, disconnect } = input as { connect?: unknown; set?: unknown; disconnect?: unknown };
    if (set !== undefined) return singleRelationRef(Array.isArray(set) ? set : [set]);
    if (Array.isArray(connect) ? connect.length > 0 : connect !== undefined) {
      return singleRelationRef(Array.isArray(connect) ? connect : [connect]);
    }
    if (Array.isArray(disconnect) ? disconnect.length > 0 : disconnect !== undefined) return null;
    return refOf(input) ?? undefined;
  }
  return refOf(input);
}
