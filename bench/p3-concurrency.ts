/**
 * P3 / P3h (Postgres): 16 concurrent HTTP clients on 2 Strapi processes (P3x4 / P3hx4: on 4), check
 * on vs off, then a squeeze at the thresholds that must not let a single write through too many
 * (0 oversubscription).
 */
import { fork, type ChildProcess } from 'child_process';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Dataset } from './dataset';
import { AMOUNT, blockPolicy, deleteUnchecked, euro, exposure, invoiceData } from './fixtures';
import { alternate, type Figure } from './stats';

const CLIENTS = 16;
const FIRST_PORT = Number(process.env.BENCH_HTTP_PORT ?? 54431);

export interface ConcurrencyResult {
  /** over customers */
  spread?: Figure & { oversubscription: number };
  /** on one customer */
  hot?: Figure & { oversubscription: number };
  squeeze: string[];
}

async function startServers(env: Record<string, string>, ports: number[]): Promise<ChildProcess[]> {
  const started = await Promise.allSettled(
    ports.map(
      (port) =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = fork(path.join(__dirname, 'p3-server.js'), [], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
          // Strapi logs to stdout (a line per request): kept until the boot, shown if it fails
          let boot = '';
          const keep = (chunk: Buffer) => (boot = (boot + chunk.toString()).slice(-4000));
          child.stdout?.on('data', keep);
          child.once('message', () => {
            child.stdout?.off('data', keep);
            child.stdout?.resume();
            resolve(child);
          });
          child.once('exit', (code) => reject(new Error(`bench server on port ${port} exited (${code}):\n${boot}`)));
        })
    )
  );
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (!failed) return started.map((s) => (s as PromiseFulfilledResult<ChildProcess>).value);
  // the servers that did boot would keep their ports
  for (const s of started) if (s.status === 'fulfilled') s.value.kill();
  throw failed.reason;
}

/** `processes` Strapi servers; `measure.spread` / `measure.hot` say which figures to time (the squeeze always runs). */
export async function concurrencyFigures(
  strapi: Core.Strapi,
  data: Dataset,
  options: { rounds: number; warmup: number; perClient: number; processes: number },
  measure: { spread: boolean; hot: boolean }
): Promise<ConcurrencyResult> {
  const ports = Array.from({ length: options.processes }, (_, i) => FIRST_PORT + i);
  const currency = await euro(strapi);
  const token = (await strapi.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: 'full-access', lifespan: null, description: 'npm run bench' })).accessKey;
  // customers with a non-negative exposure (receipts can leave it below 0: no threshold would fit),
  // no currency without a rate (the data set has no exchange rates: such a check is refused), and
  // billed to themselves: an invoice of a customer with a default "customer to bill" link counts on
  // that other party, so the policy the squeeze sets on the customer would not apply (it read as
  // oversubscription)
  const resolver = strapi.service('api::business-link.resolver') as unknown as { resolve(ref: { documentId: string }): Promise<{ source: string } | null> };
  const usable = async (party: string) => {
    const summary = await strapi.plugin('credit-control').service('credit').summary(party);
    return Number(summary.exposure) >= 0 && summary.missingRates.length === 0 && (await resolver.resolve({ documentId: party }))?.source === 'self';
  };
  const candidates = await strapi.db.query('api::customer.customer' as any).findMany({ where: { kind: 'customer', documentId: { $notIn: [data.big.documentId, data.small.documentId] } }, select: ['documentId'], orderBy: { id: 'asc' }, offset: 10, limit: 200 });
  const picked: string[] = [];
  for (const c of candidates) if (picked.length <= CLIENTS && (await usable(c.documentId))) picked.push(c.documentId);
  if (picked.length <= CLIENTS) throw new Error(`P3: only ${picked.length} customers with a non-negative exposure and every rate`);
  const spread = picked.slice(0, CLIENTS);
  const hot = picked[CLIENTS];
  const perRun = options.perClient * (options.rounds + options.warmup);
  for (const party of spread) await blockPolicy(strapi, party, AMOUNT * perRun * 2 + 1000);
  await blockPolicy(strapi, hot, AMOUNT * perRun * CLIENTS * 2 + 1000);

  const unchecked: string[] = [];
  const post = async (port: number, party: string, mode: 'on' | 'off') => {
    const res = await fetch(`http://127.0.0.1:${port}/api/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-credit-control-bench': mode },
      body: JSON.stringify({ data: invoiceData(party, currency) }),
    });
    const body: any = await res.json();
    if (res.status === 201 && mode === 'off') unchecked.push(body.data.documentId);
    return { status: res.status, body };
  };
  /** 16 clients, each `count` sequential creates on its party, taking the processes in turn. */
  const wave = async (partyOf: (client: number) => string, mode: 'on' | 'off', count: number) =>
    (await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
      const results = [];
      for (let j = 0; j < count; j += 1) results.push({ party: partyOf(client), ...(await post(ports[(client + j) % ports.length], partyOf(client), mode)) });
      return results;
    }))).flat();
  const timedWave = (partyOf: (client: number) => string, mode: 'on' | 'off') => async () => {
    for (const r of await wave(partyOf, mode, options.perClient)) if (r.status !== 201) throw new Error(`P3 create: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  };

  const servers = await startServers(data.env, ports);
  const result: ConcurrencyResult = { squeeze: [] };
  try {
    const common = { rounds: options.rounds, warmup: options.warmup, ops: CLIENTS * options.perClient, kind: 'throughput' as const };
    const label = (id: string) => (options.processes === 2 ? id : `${id}x${options.processes}`);
    const p3 = measure.spread ? await alternate({ ...common, label: label('P3'), a: timedWave((c) => spread[c], 'on'), b: timedWave((c) => spread[c], 'off') }) : null;
    const p3h = measure.hot ? await alternate({ ...common, label: label('P3h'), a: timedWave(() => hot, 'on'), b: timedWave(() => hot, 'off') }) : null;

    // the squeeze: room for 2 invoices per spread customer (4 attempts each), 5 on the hot one (64 attempts)
    const thresholds = new Map<string, number>();
    for (const party of spread) thresholds.set(party, await blockPolicy(strapi, party, AMOUNT * 2.5));
    thresholds.set(hot, await blockPolicy(strapi, hot, AMOUNT * 5.5));
    const attempts = [...(await wave((c) => spread[c], 'on', 4)), ...(await wave(() => hot, 'on', 4))];
    const unexpected = attempts.filter((a) => a.status !== 201 && !(a.status === 400 && /credit/i.test(a.body?.error?.message ?? '')));
    if (unexpected.length) throw new Error(`P3 squeeze: ${unexpected[0].status} ${JSON.stringify(unexpected[0].body).slice(0, 300)}`);
    const accepted = (party: string) => attempts.filter((a) => a.party === party && a.status === 201).length;
    await deleteUnchecked(strapi, unchecked);

    // after the run: exposure within the threshold for every blocked customer, accepted = room, maintained = recomputed
    const over = async (party: string, room: number) => {
      const cents = (n: number) => Math.round(n * 100);
      const tooMany = Math.max(0, accepted(party) - room);
      return (cents(await exposure(strapi, party)) > cents(thresholds.get(party)!) ? 1 : 0) + tooMany;
    };
    let spreadOver = 0;
    for (const party of spread) spreadOver += await over(party, 2);
    const hotOver = await over(hot, 5);
    const drift = (await strapi.plugin('credit-control').service('reconcile').run({ fix: false })).drift.length;
    result.squeeze.push(
      `squeeze on ${options.processes} processes: spread customers accepted ${spread.map(accepted).join(',')} of 4 (room 2 each); hot customer ${accepted(hot)} of 64 (room 5)`,
      `after the run: ${spreadOver + hotOver} over threshold or over room; reconcile drift rows: ${drift}`
    );
    if (p3) result.spread = { ...p3, oversubscription: spreadOver + drift };
    if (p3h) result.hot = { ...p3h, oversubscription: hotOver + drift };
  } finally {
    await deleteUnchecked(strapi, unchecked).catch(() => undefined);
    for (const server of servers) server.send({ stop: true });
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.exitCode === null ? s.once('exit', resolve) : resolve(null)))));
  }
  return result;
}
