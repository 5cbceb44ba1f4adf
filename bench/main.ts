/** `npm run bench`: seed (cached), boot with the bench switch, measure P0–P7 as in-run ratios, print, write JSON. */
import os from 'os';
import path from 'path';
import { parseBenchArgs, USAGE } from './args';
import { waitForIdlePool } from '../database/idle-pool';
import { APP_DIR, boot } from './boot';
import { prepareDataset } from './dataset';
import { concurrencyFigures } from './p3-concurrency';
import { createFigures } from './p1-p2-create';
import { dunningFigure } from './p4-dunning';
import { panelFigure } from './p5-panel';
import { flowFigure } from './p6-flow';
import { historyReadsFigure } from './p7-history-reads';
import { entryOf, table, writeResults, type Db, type Entry } from './results';
import { log } from './log';


async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const args = parseBenchArgs(process.argv.slice(2));
  const only = (id: string) => !args.only || args.only.includes(id);
  const db: Db = args.pg ? 'postgres' : 'sqlite';
  const small = args.scale === 'small';
  const started = Date.now();
  const data = await prepareDataset(args);
  const strapi = await boot(data.env);
  const entries: Record<string, Entry> = {};
  const notes: string[] = [];
  const rounds = { rounds: args.rounds, warmup: args.warmup };
  const file = process.env.BENCH_RESULTS ? path.resolve(process.env.BENCH_RESULTS) : path.join(APP_DIR, 'bench', 'results.json');
  // written after each figure too: an interrupted run keeps what it measured
  const save = () =>
    writeResults(file, db, entries, {
      scale: args.scale, dataset: data.key, rounds: args.rounds, warmup: args.warmup, at: new Date().toISOString(),
      seconds: Math.round((Date.now() - started) / 1000), node: process.version, cpus: os.cpus().length, loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100), notes,
    });
  try {
    if (['P0', 'P1', 'P1c', 'P2'].some(only)) {
      log('P0/P1/P1c/P2: creates…');
      const figures = await createFigures(strapi, data, { ...rounds, batch: small ? 5 : 20 }, only);
      for (const [id, figure] of Object.entries(figures)) entries[id] = entryOf(id, db, figure);
      save();
    }
    for (const [spread, hot, processes] of [['P3', 'P3h', 2], ['P3x4', 'P3hx4', 4]] as const) {
      if (!only(spread) && !only(hot)) continue;
      if (!args.pg) {
        for (const id of [spread, hot]) if (only(id)) entries[id] = { na: 'Postgres only (--pg)' };
        continue;
      }
      log(`${spread}/${hot}: 16 clients, ${processes} processes…`);
      const result = await concurrencyFigures(strapi, data, { ...rounds, perClient: small ? 2 : 8, processes }, { spread: only(spread), hot: only(hot) });
      if (result.spread) entries[spread] = entryOf(spread, db, result.spread);
      if (result.hot) entries[hot] = entryOf(hot, db, result.hot);
      notes.push(...result.squeeze);
      save();
    }
    if (only('P4')) {
      log('P4: dunning letters…');
      const figure = await dunningFigure(strapi, { ...rounds, after: data.big.code });
      entries.P4 = entryOf('P4', db, { ...figure, note: `${figure.letters} letters` });
      if (figure.letters < 1000) notes.push(`P4: the data set has ${figure.letters} letters to print (1,000 at full scale)`);
      save();
    }
    if (only('P5')) {
      log('P5: credit panel read…');
      entries.P5 = entryOf('P5', db, await panelFigure(strapi, data, { ...rounds, batch: small ? 20 : 200 }));
      save();
    }
    if (only('P7')) {
      log('P7: 360 view and dashboard…');
      entries.P7 = entryOf('P7', db, await historyReadsFigure(strapi, data, { ...rounds, batch: small ? 3 : 5 }));
      save();
    }
    if (only('P6')) {
      log('P6: order → delivery → invoice…');
      entries.P6 = entryOf('P6', db, await flowFigure(strapi, data, { ...rounds, batch: small ? 2 : 5 }));
      save();
    }
  } finally {
    await waitForIdlePool(strapi);
    await strapi.destroy();
    await data.cleanup();
  }
  save();
  console.log(`\n${table(db, entries, args.scale)}`);
  for (const note of notes) console.log(note);
  console.log(`\nwrote ${path.relative(process.cwd(), file)} (ratios are A/B per round; median with min and max over ${args.rounds} rounds)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? error.stack ?? error.message : error);
    process.exit(1);
  }
);
