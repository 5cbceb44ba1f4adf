/** What a rule needs from a document-service create or update. */
export interface WriteContext {
  uid: string;
  action: 'create' | 'update';
  /** set on update */
  documentId?: string;
  /** the caller's data; rules may normalise it in place */
  data: Record<string, unknown>;
}
