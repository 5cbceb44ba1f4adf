import type { DocumentMapping, Mapping } from '../core';
import type { Actor } from './actor';

/** One write of a mapped document (or a call-taking issue), as the guard was handed it. */
export interface WriteUnderCheck {
  trx: any;
  ctx: { uid: string; action: string; params: any };
  next: () => Promise<any>;
  mapping: Mapping;
  /** undefined for the call-taking type, which counts nothing */
  doc: DocumentMapping | undefined;
  action: 'create' | 'update' | 'delete';
  actor: Actor;
  /** runs a callback once the outermost transaction commits (events of writes that stay) */
  onCommit: (callback: () => void) => void;
}
