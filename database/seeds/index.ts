/**
 * Deterministic demo and benchmark data generator.
 *
 *   await seed(strapi, { customers: 200, documents: 5000, seed: 42 })
 *
 * Reference data first, then companies, customers and prospects (sites, contacts, components),
 * links, suppliers, projects and events, then management objects over 4 years. Bulk rows are
 * written with batched knex/better-sqlite3 inserts (see bulk-insert.ts), not the document
 * service, so a million management objects take minutes. Every row still satisfies the app's
 * domain rules (src/rules): lines add up to the headers, amountPaid ≤ amountInclTax, dates run
 * forward, identifiers are valid, customer codes are unique per company; and the sales flow's
 * derived figures and states are what the links between documents give (ledger.ts).
 */
import type { Core } from '@strapi/strapi';
import { fillCaptions } from '../../src/hooks/captions';
import { rebuildMaintained } from '../../src/hooks/maintained';
import { BulkWriter } from './bulk-insert';
import { money } from './common';
import { dayOf, isoDate, msOf, todayUtc } from './dates';
import { seedDemoPolicies } from './demo-policies';
import { seedDemoRates } from './demo-rates';
import { seedDocuments } from './documents';
import { seedOrganisation } from './organisation';
import { linkPaymentTerms, seedCustomers } from './customers';
import { chooseFeatured } from './featured';
import { DOC_UIDS, planDocuments } from './plan';
import { Rng } from './prng';
import { Progress } from './progress';
import { seedReference } from './reference-data';
import { seedEvents, seedLinks, seedProjects, seedSuppliers } from './relations';
import { draftExpenseReports, seedPurchases, writeExpenseReports } from './side-documents';
import type { SeedContext, SeedOptions, SeedReport } from './types';

export type { SeedOptions, SeedReport, PartySummary } from './types';

export const DEMO = { customers: 40, documents: 2000 } as const;
/** Above this many documents, documents get one line and only their essential relations. */
export const RICH_LIMIT = 50000;

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

function checkCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value;
}

/** SQLite: no fsync and a bigger page cache while seeding; restored afterwards. */
async function tuneSqlite(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const knex = strapi.db.connection;
  const read = async (pragma: string) => {
    const rows = (await knex.raw(`PRAGMA ${pragma}`)) as Record<string, unknown>[];
    return rows[0] ? Object.values(rows[0])[0] : undefined;
  };
  const synchronous = await read('synchronous');
  const cacheSize = await read('cache_size');
  await knex.raw('PRAGMA synchronous = OFF');
  await knex.raw('PRAGMA cache_size = -262144');
  await knex.raw('PRAGMA temp_store = MEMORY');
  return async () => {
    await knex.raw(`PRAGMA synchronous = ${Number(synchronous ?? 2)}`);
    await knex.raw(`PRAGMA cache_size = ${Number(cacheSize ?? -2000)}`);
  };
}

/** The demo set for scripts/demo.js: null when customers already exist, else the report and a one-line summary. */
/** Where the demo remembers what its banner names across starts. */
export const DEMO_STORE = { type: 'app', name: 'demo' } as const;

/** The fully charted customer of the loaded demo data (null before the demo is loaded). */
export async function demoFeaturedCustomer(strapi: Core.Strapi): Promise<SeedReport['featuredCustomer']> {
  return ((await strapi.store(DEMO_STORE).get({ key: 'featuredCustomer' })) as SeedReport['featuredCustomer']) ?? null;
}

export async function seedDemo(strapi: Core.Strapi, options: Omit<SeedOptions, 'demo'> = {}): Promise<(SeedReport & { summary: string }) | null> {
  const report = await seed(strapi, { ...options, demo: true });
  return report.skipped ? null : { ...report, summary: report.message };
}

export async function seed(strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedReport> {
  const started = Date.now();
  const demo = options.demo === true;
  const customers = checkCount('customers', options.customers ?? (demo ? DEMO.customers : 200), 5);
  const documents = checkCount('documents', options.documents ?? (demo ? DEMO.documents : 5000), 0);
  const seedValue = checkCount('seed', options.seed ?? 42, 0);
  const batchSize = checkCount('batchSize', options.batchSize ?? 5000, 1);
  const clock = options.now ?? new Date(started);
  const asOfText = options.asOf ?? todayUtc(clock);
  const asOf = dayOf(asOfText);
  // the data set's today is the run's day or earlier: a later one would date what is done (paid, delivered, edited) in the future
  if (asOfText > todayUtc(clock)) throw new RangeError(`asOf ${asOfText} is after the run's day ${todayUtc(clock)}: the data set cannot date what is done in the future`);
  const report: SeedReport = {
    skipped: false,
    message: '',
    seed: seedValue,
    asOf: asOfText,
    elapsedMs: 0,
    counts: {},
    rows: {},
    totalRows: 0,
    managementObjects: 0,
    bigCustomer: null,
    smallCustomer: null,
    featuredCustomer: null,
    fingerprint: null,
  };

  const existing = Number(await strapi.db.query('api::customer.customer').count({}));
  if (existing > 0) {
    if (!demo) {
      throw new Error(
        `the database already has ${existing} customers: the generator fills an empty database (point DATABASE_FILENAME at a new file), or use the demo mode, which does nothing when customers exist`
      );
    }
    return { ...report, skipped: true, message: `${existing} customers already exist: the demo data set was not added again`, elapsedMs: Date.now() - started };
  }

  const writer = new BulkWriter(strapi, { batchSize, flushRows: 200000, fingerprint: options.fingerprint ?? documents <= 100000 });
  await writer.prepare();
  const progress = new Progress(options.progress === true);
  const root = new Rng(seedValue);
  const now = Math.min(clock.getTime(), msOf(asOf + 1) - 1);
  const ctx: SeedContext = { strapi, writer, progress, ids: root.fork('ids'), asOf, now, start: asOf - 1461, rich: documents <= RICH_LIMIT };
  const restore = writer.client === 'sqlite' ? await tuneSqlite(strapi) : async () => {};
  try {
    progress.start('customers', customers);
    const suppliers = clamp(Math.round(customers / 10), 3, 500);
    const projects = clamp(Math.round(customers / 4), 3, 2000);
    progress.start('suppliers', suppliers);
    progress.start('projects', projects);
    const ref = await seedReference(ctx, root.fork('reference'));
    const companies = await seedOrganisation(ctx, root.fork('organisation'), ref, customers);
    const parties = seedCustomers(ctx, root.fork('customers'), ref, companies, customers);
    // planned before the links and projects (its own stream): they shape the featured customer
    const plan = planDocuments(root.fork('plan'), parties, documents);
    chooseFeatured(ctx, ref, plan.ranked);
    linkPaymentTerms(ctx, parties);
    seedLinks(ctx, root.fork('links'), ref, parties);
    const supplierRefs = seedSuppliers(ctx, root.fork('suppliers'), ref, companies, parties, suppliers);
    const projectRefs = seedProjects(ctx, root.fork('projects'), ref, parties, projects);
    // drafted now (the ledger of the project's customer may rebill them), written after the management objects
    const expenseReports = draftExpenseReports(ctx, root.fork('expense-reports'), projectRefs);
    seedEvents(ctx, root.fork('events'), parties, 2);
    await writer.flush();
    const fixtures = await seedDocuments(ctx, root.fork('documents'), ref, parties, plan);
    // no management objects: their counts come from the projects and the suppliers (side-documents.ts)
    writeExpenseReports(ctx, root.fork('expense-reports-write'), expenseReports);
    await writer.maybeFlush();
    seedPurchases(ctx, root.fork('purchases'), ref, supplierRefs, fixtures.salesOrders);
    await writer.finish();
    // a project's billed and quoted figures are what its schedule lines billed straight and its items quoted come to (the project rows were written first)
    const projectMeta = strapi.db.metadata.get('api::project.project' as never) as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
    for (const [field, amounts] of [['billedAmountExclTax', fixtures.projectBilled], ['quotedAmountExclTax', fixtures.projectQuoted]] as const) {
      const column = projectMeta.attributes[field].columnName ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      for (const [projectId, cents] of [...amounts].sort((a, b) => a[0] - b[0])) {
        await strapi.db.connection(projectMeta.tableName).where({ id: projectId }).update({ [column]: money(cents) });
      }
    }
    report.bigCustomer = fixtures.big;
    report.smallCustomer = fixtures.small;
    report.featuredCustomer = fixtures.featured;
  } finally {
    progress.stop();
    await restore();
  }

  // bulk rows bypass the document service: rebuild the credit engine's maintained exposure, the 360
  // view's index and the dashboard's sums from them, and write the captions the document service would have written
  await fillCaptions(strapi);
  await rebuildMaintained(strapi);
  const credit = strapi.plugin('credit-control');
  if (demo) await seedDemoRates(strapi, isoDate(asOf - 1461));
  if (credit) await credit.service('reconcile').run({ fix: true });
  if (demo) await seedDemoPolicies(strapi, asOfText);
  // a later `npm run demo` (data already loaded) names the fully charted customer again
  if (demo && report.featuredCustomer) await strapi.store(DEMO_STORE).set({ key: 'featuredCustomer', value: report.featuredCustomer });

  report.rows = writer.rowCounts();
  report.totalRows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  for (const uid of Object.keys(strapi.contentTypes).filter((u) => u.startsWith('api::')).sort()) {
    const { tableName: table } = strapi.db.metadata.get(uid as never) as unknown as { tableName: string };
    report.counts[uid] = report.rows[table] ?? 0;
  }
  report.managementObjects = Object.values(DOC_UIDS).reduce((sum, uid) => sum + (report.counts[uid] ?? 0), 0);
  report.fingerprint = writer.fingerprint();
  report.elapsedMs = Date.now() - started;
  report.message = `${report.counts['api::customer.customer']} customers and prospects, ${report.managementObjects} management objects, ${report.totalRows} rows`;
  return report;
}
