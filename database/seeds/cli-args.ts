/** Arguments and summary of the generator's CLI (cli.ts), importable without running it. */
import fs from 'fs';
import { DEMO, type SeedOptions, type SeedReport } from './index';

export const USAGE = `Usage: node dist/database/seeds/cli.js [--demo] [--customers N] [--documents N] [--seed N]
       [--as-of YYYY-MM-DD] [--batch-size N] [--progress | --no-progress] [--json]

  --demo          the small demo set (${DEMO.customers} customers/prospects, ${DEMO.documents} management objects);
                  does nothing when customers already exist
  --customers N   customers and prospects (default 200)
  --documents N   management objects (default 5000)
  --seed N        PRNG seed (default 42): the same options give the same data
  --as-of DATE    the "today" of the data set (default: today, UTC)
  --batch-size N  rows per INSERT statement, capped by the database's variable limit (default 5000)
  --progress      progress bars on stderr (default when stderr is a terminal)
  --json          print the report as JSON`;

export interface CliArgs {
  options: SeedOptions;
  json: boolean;
  help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const options: SeedOptions = { progress: Boolean(process.stderr.isTTY) };
  let json = false;
  let help = false;
  const number = (flag: string, value: string | undefined): number => {
    if (value === undefined || !/^\d+$/.test(value)) throw new Error(`${flag} expects a whole number, got ${value ?? 'nothing'}`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--demo': options.demo = true; break;
      case '--customers': options.customers = number(flag, value()); break;
      case '--documents': options.documents = number(flag, value()); break;
      case '--seed': options.seed = number(flag, value()); break;
      case '--batch-size': options.batchSize = number(flag, value()); break;
      case '--as-of': options.asOf = value(); break;
      case '--progress': options.progress = true; break;
      case '--no-progress': options.progress = false; break;
      case '--json': json = true; break;
      case '--help': case '-h': help = true; break;
      default: throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return { options, json, help };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function databaseFile(strapi: { config: { get(key: string): unknown } }): string | null {
  const connection = strapi.config.get('database.connection') as { client?: string; connection?: { filename?: string } };
  return connection?.client === 'sqlite' && connection.connection?.filename ? connection.connection.filename : null;
}

export function fileSize(file: string): number {
  return ['', '-wal', '-journal'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
}

export function summary(report: SeedReport, dbFile: string | null): string {
  if (report.skipped) return `Seed skipped: ${report.message}.`;
  const lines = [`Seeded ${report.message} in ${(report.elapsedMs / 1000).toFixed(1)} s (seed ${report.seed}, as of ${report.asOf}).`, '', 'Rows per type:'];
  for (const [uid, count] of Object.entries(report.counts)) if (count) lines.push(`  ${uid.replace(/^api::[^.]+\./, '').padEnd(24)} ${fmt(count).padStart(12)}`);
  lines.push(`  ${'management objects'.padEnd(24)} ${fmt(report.managementObjects).padStart(12)}`);
  lines.push(`  ${'all tables (with links)'.padEnd(24)} ${fmt(report.totalRows).padStart(12)}`);
  for (const [label, party] of [['Big customer', report.bigCustomer], ['Small customer', report.smallCustomer]] as const) {
    if (party) lines.push(`${label}: ${party.code} ${party.callName} (documentId ${party.documentId}, id ${party.id}): ${fmt(party.openDocuments)} open documents`);
  }
  if (report.featuredCustomer) lines.push(`Fully charted dashboard: ${report.featuredCustomer.code} ${report.featuredCustomer.callName} (documentId ${report.featuredCustomer.documentId})`);
  if (dbFile) lines.push(`SQLite file: ${dbFile} (${(fileSize(dbFile) / 1024 / 1024).toFixed(1)} MB)`);
  if (report.fingerprint) lines.push(`Fingerprint: ${report.fingerprint}`);
  return lines.join('\n');
}
