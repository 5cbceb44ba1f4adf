/**
 * How many management objects of each type each customer gets. The total is exact, and so is
 * each type's (a party's contracts turn NOTES_PER_CONTRACT of its invoices each into deliveries,
 * for their delivery notes). Customers get a Zipf-like share (a few with very many documents,
 * most with a few dozen); the "big" customer gets 100,000 open documents once there are 200,000
 * documents or more (a tenth of the total below that) and the "small" one about a hundred.
 */
import { apportion } from './common';
import type { Rng } from './prng';
import type { PartyRef } from './types';

export const DOC_TYPES = [
  'maintenanceContract',
  'opportunity',
  'quotation',
  'order',
  'delivery',
  'billingTable',
  'invoice',
  'receipt',
  'trainingOpportunity',
  'registrationFile',
  'helpdeskIssue',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const DOC_UIDS: Record<DocType, string> = {
  maintenanceContract: 'api::maintenance-contract.maintenance-contract',
  opportunity: 'api::opportunity.opportunity',
  quotation: 'api::quotation.quotation',
  order: 'api::order.order',
  delivery: 'api::delivery.delivery',
  billingTable: 'api::billing-table.billing-table',
  invoice: 'api::invoice.invoice',
  receipt: 'api::receipt.receipt',
  trainingOpportunity: 'api::training-opportunity.training-opportunity',
  registrationFile: 'api::registration-file.registration-file',
  helpdeskIssue: 'api::helpdesk-issue.helpdesk-issue',
};

/** Share of each type in the generated management objects (percent). */
const MIX: Record<DocType, number> = {
  maintenanceContract: 2,
  opportunity: 6,
  quotation: 12,
  order: 12,
  delivery: 10,
  billingTable: 4,
  invoice: 30,
  receipt: 14,
  trainingOpportunity: 3,
  registrationFile: 3,
  helpdeskIssue: 4,
};

/**
 * Delivery notes a maintenance contract brings (one per billing period it billed by asOf, see
 * maintenanceContracts): that many of its party's invoices are deliveries instead, so the notes
 * leave the deliveries made from orders alone and every total stays exact.
 */
export const NOTES_PER_CONTRACT = 3;

/** Types that count in a customer's exposure when open (the big and small customers only get these). */
const EXPOSURE_TYPES: readonly DocType[] = ['opportunity', 'quotation', 'order', 'delivery', 'billingTable', 'invoice', 'receipt', 'trainingOpportunity'];

export interface DocumentPlan {
  /** per type, the count for each party (by party index) */
  counts: Record<DocType, Int32Array>;
  totals: Record<DocType, number>;
  bigOpen: number;
  smallOpen: number;
  /** the ordinary parties, most documents first */
  ranked: PartyRef[];
}

const mixOf = (types: readonly DocType[]) => types.map((t) => MIX[t]);

export function planDocuments(rng: Rng, parties: PartyRef[], documents: number): DocumentPlan {
  const counts = Object.fromEntries(DOC_TYPES.map((t) => [t, new Int32Array(parties.length)])) as Record<DocType, Int32Array>;
  const big = parties.find((p) => p.role === 'big');
  const small = parties.find((p) => p.role === 'small');
  const bigOpen = big ? (documents >= 200000 ? 100000 : Math.floor(documents / 10)) : 0;
  const smallOpen = small ? (documents >= 2000 ? 100 : Math.floor(documents / 50)) : 0;
  for (const [party, total] of [[big, bigOpen], [small, smallOpen]] as const) {
    if (!party) continue;
    apportion(total, mixOf(EXPOSURE_TYPES)).forEach((n, i) => {
      counts[EXPOSURE_TYPES[i]][party.index] = n;
    });
  }

  // everyone else: a Zipf-like weight over a seeded ranking; prospects only get sales leads
  const normal = parties.filter((p) => p.role === 'normal');
  const ranked = rng.shuffle(normal);
  const weight = new Map<number, number>(ranked.map((p, rank) => [p.index, 1 / Math.pow(rank + 1, 0.9)]));
  const fallback = parties.filter((p) => p.kind === 'customer' && p.role !== 'funder');
  const rest = Math.max(0, documents - bigOpen - smallOpen);
  apportion(rest, mixOf(DOC_TYPES)).forEach((total, t) => {
    const type = DOC_TYPES[t];
    const leads = type === 'opportunity' || type === 'quotation';
    let eligible = normal.filter((p) => p.kind === 'customer' || leads);
    if (!eligible.length) eligible = fallback;
    const weights = eligible.map((p) => (weight.get(p.index) ?? 1) * (p.kind === 'prospect' ? 0.3 : 1));
    apportion(total, weights).forEach((n, i) => {
      counts[type][eligible[i].index] += n;
    });
  });

  // a contract's delivery notes are deliveries: its party's deliveries get them out of its invoices
  for (let i = 0; i < parties.length; i += 1) {
    const moved = Math.min(NOTES_PER_CONTRACT * counts.maintenanceContract[i], counts.invoice[i]);
    counts.delivery[i] += moved;
    counts.invoice[i] -= moved;
  }

  const totals = Object.fromEntries(DOC_TYPES.map((t) => [t, counts[t].reduce((a, b) => a + b, 0)])) as Record<DocType, number>;
  return { counts, totals, bigOpen, smallOpen, ranked };
}
