/**
 * The shapes of a document type's declaration (management-types.ts): what the domain rules keep
 * consistent, what the flow derives, how a type is made from another, and the items it bills once.
 * Types only.
 */

/** What the domain rules keep consistent on a type (src/rules/management.ts). */
export interface ManagementShape {
  /** repeatable component of priced lines (quantity × unit price) that make the pre-tax amount */
  pricedLines?: string;
  /** repeatable component whose `amountExclTax` values make the pre-tax amount */
  amountLines?: string;
  /** [part, whole]: part must not exceed whole */
  notAbove?: [string, string][];
  /** [earlier, later]: later must not be before earlier */
  dateOrder?: [string, string][];
  /** receipts: allocations sum to the allocated amount */
  allocations?: boolean;
}

/** The figures and states the sales flow derives on a type (src/flow): a client never types them. */
export interface DerivedSpec {
  fields: string[];
  /** state values only the flow sets */
  states: string[];
  /** the one of them a client may give to reopen a cancelled document (the flow then derives the right one) */
  reopenAs?: string;
}

/** A way the type is made from another one (the sales flow, src/flow): see FlowEdge in flow/edges.ts. */
export interface MadeFrom {
  /** the source type */
  from: string;
  /** this type's relation to its source (or sources, `many`) */
  link: string;
  many: boolean;
  /** a document of this type belongs to this edge only when this holds (an invoice vs a credit note) */
  when?: { field: string; in: string[] };
  /** states in which it counts in place of its source: the source stops counting that part */
  takesIn: string[];
  /** states in which it holds its quantities against the source (every state but cancelled) */
  holdsIn: string[];
  /** the source's header field holding what its made documents took (pre-tax) */
  takenField: string;
  /** states of the source it may be made from */
  sourceStates: string[];
  /** what making it is called, for messages */
  verb: string;
}

/**
 * Items of another type that a document bills once each (src/flow/billed-once.ts): an expense of a
 * report, a held training session. A made line names its item by `sourceKey`; no item is held by
 * two documents that are not cancelled.
 */
export interface BilledOnce {
  /** the type holding the items */
  from: string;
  /** this type's relation to those documents */
  link: string;
  /** the relation names one document (a quotation's project), not several */
  single?: boolean;
  /** the repeatable component of items on the source, each with a `key` */
  items: string;
  /** the item's amount (default `amountExclTax`) */
  amountField?: string;
  /** an item may be billed only when this holds (every item when absent) */
  itemWhen?: { field: string; in: unknown[] };
  /** states of the source its items may be billed from */
  sourceStates: string[];
  /** the source must stay in those states while its items are held (an approved report, a won opportunity) */
  keepsSourceState?: boolean;
  /** states in which a made document no longer holds its items (default: cancelled) */
  freeIn?: string[];
  /** the relation path from the source to the customer billed (`['project', 'customer']`) */
  party: string[];
  /** the source's derived figure: what its billed items come to */
  takenField: string;
  /** the made document's `origin`, when it has one */
  origin?: string;
  /** what billing an item is called, for messages */
  verb: string;
}
