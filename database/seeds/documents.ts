/**
 * Management objects, party by party: contracts, opportunities, the sales ledger (quotations to
 * receipts, see ledger.ts), then training, registration files and help-desk issues. Rows are
 * flushed between parties and between types.
 */
import { docContext, type SalesOrderRef } from './doc-common';
import { salesLedger } from './ledger';
import { DOC_TYPES, type DocumentPlan } from './plan';
import type { Rng } from './prng';
import { opportunities, type PartyDocs } from './sales-documents';
import { helpdeskIssues, maintenanceContracts, registrationFiles, trainingOpportunities } from './service-documents';
import type { PartyRef, PartySummary, Reference, SeedContext } from './types';

export async function seedDocuments(
  ctx: SeedContext,
  rng: Rng,
  ref: Reference,
  parties: PartyRef[],
  plan: DocumentPlan
): Promise<{ big: PartySummary | null; small: PartySummary | null; featured: PartySummary | null; salesOrders: SalesOrderRef[]; projectBilled: Map<number, number>; projectQuoted: Map<number, number> }> {
  const dc = docContext(ctx, ref, parties.filter((p) => p.role === 'funder'), rng.fork('training-sessions'));
  ctx.progress.start('management objects', DOC_TYPES.reduce((sum, type) => sum + plan.totals[type], 0));
  for (const type of DOC_TYPES) ctx.progress.start(type, plan.totals[type]);
  const fixtures: { big: PartySummary | null; small: PartySummary | null; featured: PartySummary | null } = { big: null, small: null, featured: null };
  // training opportunities draw from their own stream (per party)
  const training = rng.fork('training');

  for (const party of parties) {
    const n = (type: (typeof DOC_TYPES)[number]) => plan.counts[type][party.index];
    if (DOC_TYPES.every((type) => n(type) === 0)) continue;
    const open = party.role === 'big' || party.role === 'small';
    const docs: PartyDocs = { opportunities: [], orders: [], contracts: [], trainingNotes: [] };
    dc.open = 0;
    // flush between types too: the biggest customers make hundreds of thousands of rows
    const steps = [
      () => maintenanceContracts(dc, rng, party, n('maintenanceContract'), n('delivery'), docs),
      () => opportunities(dc, rng, party, n('opportunity'), open, docs),
      // before the ledger: the held sessions it delivers come out of the party's deliveries
      () => trainingOpportunities(dc, training.fork(String(party.index)), party, n('trainingOpportunity'), open, n('delivery'), docs),
      () => salesLedger(dc, rng, party, n, open, docs),
      () => registrationFiles(dc, rng, party, n('registrationFile')),
      () => helpdeskIssues(dc, rng, party, n('helpdeskIssue'), docs),
    ];
    for (const step of steps) {
      await step();
      await ctx.writer.maybeFlush();
    }
    const summary: PartySummary = { id: party.id, documentId: party.documentId, code: party.code, callName: party.callName, openDocuments: dc.open };
    if (open) fixtures[party.role === 'big' ? 'big' : 'small'] = summary;
    if (party.featured) fixtures.featured = summary;
  }
  return { ...fixtures, salesOrders: dc.purchasable.orders, projectBilled: dc.projectBilled, projectQuoted: dc.projectQuoted };
}
