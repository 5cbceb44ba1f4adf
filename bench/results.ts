/** The table and bench/results.json ({"P1": {"sqlite": {ratio, min, max}, "postgres": {…}}, …}). */
import fs from 'fs';
import path from 'path';
import type { Figure } from './stats';

export const FIGURES = [
  { id: 'P0', figure: "the app's invoice create (rules, flow, credit check)", baseline: 'bare Strapi create of the same invoice, no document middleware', target: '≤ 1.30', max: 1.3 },
  { id: 'P1', figure: 'create an invoice, block policy, sequential', baseline: 'same create, check off, same transaction', target: '≤ 1.05', max: 1.05 },
  { id: 'P1c', figure: "the same, inside a caller's transaction", baseline: 'same create, check off, same transaction', target: '≤ 1.05', max: 1.05 },
  { id: 'P2', figure: 'checked create, 100k-open customer', baseline: 'same, ~100-open customer', target: '≤ 1.05', max: 1.05 },
  { id: 'P3', figure: '16 clients over customers, 2 processes (throughput)', baseline: 'same, check off', target: '≥ 0.90, 0 oversub.', min: 0.9 },
  { id: 'P3h', figure: '16 clients on one customer (throughput)', baseline: 'same, check off', target: '≥ 0.75, 0 oversub.', min: 0.75 },
  { id: 'P3x4', figure: '16 clients over customers, 4 processes (throughput)', baseline: 'same, check off', target: '≥ 0.90, 0 oversub.', min: 0.9 },
  { id: 'P3hx4', figure: '16 clients on one customer, 4 processes (throughput)', baseline: 'same, check off', target: '≥ 0.75, 0 oversub.', min: 0.75 },
  { id: 'P4', figure: '1,000 dunning letters to PDF', baseline: 'pdfkit, same pages bare', target: '≤ 1.30', max: 1.3 },
  { id: 'P5', figure: 'credit panel exposure read', baseline: 'plain findOne of the customer', target: '≤ 2', max: 2 },
  { id: 'P6', figure: 'order of 100 lines → delivery → invoice (flow)', baseline: 'same two documents, plain creates', target: '≤ 1.5', max: 1.5 },
  { id: 'P7', figure: '360 view and dashboard, 100k-document customer', baseline: 'same, ~100-document customer', target: '≤ 2', max: 2 },
] as const;

export type Db = 'sqlite' | 'postgres';
/** SQL statements per operation of A and B, beside the ratio */
export type Queries = { a: number; b: number };
export type Measured = Figure & { oversubscription?: number; queries?: Queries; note?: string };
export type Entry =
  | { ratio: number; min: number; max: number; rounds: number; aMs: number; bMs: number; oversubscription?: number; queries?: Queries; met: boolean; note?: string }
  | { na: string };

const pick = <T>(value: T | { sqlite: T; postgres: T }, db: Db): T => (typeof value === 'object' && value !== null && 'sqlite' in (value as object) ? (value as any)[db] : value) as T;

export function entryOf(id: string, db: Db, measured: Measured): Entry {
  const spec: any = FIGURES.find((f) => f.id === id)!;
  const max = spec.max === undefined ? undefined : pick<number>(spec.max, db);
  const met = (max === undefined || measured.ratio <= max) && (spec.min === undefined || measured.ratio >= spec.min) && !measured.oversubscription;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ratio: round(measured.ratio), min: round(measured.min), max: round(measured.max), rounds: measured.rounds,
    aMs: round(measured.aMs), bMs: round(measured.bMs),
    ...(measured.oversubscription !== undefined ? { oversubscription: measured.oversubscription } : {}),
    ...(measured.queries ? { queries: measured.queries } : {}),
    met,
    ...(measured.note ? { note: measured.note } : {}),
  };
}

export function table(db: Db, entries: Record<string, Entry>, scale: string): string {
  const head = ['id', 'figure', 'baseline', 'ratio (min–max)', 'A ms/op', 'B ms/op', 'queries/op A, B', 'target', 'met'];
  const rows = FIGURES.map((f) => {
    const e = entries[f.id];
    if (!e) return [f.id, f.figure, f.baseline, 'not run', '', '', '', pick<string>(f.target as any, db), ''];
    if ('na' in e) return [f.id, f.figure, f.baseline, 'n/a', '', '', '', pick<string>(f.target as any, db), e.na];
    const oversub = e.oversubscription !== undefined ? `, oversub. ${e.oversubscription}` : '';
    const queries = e.queries ? `${e.queries.a}, ${e.queries.b}` : '';
    return [f.id, f.figure, f.baseline, `${e.ratio.toFixed(3)} (${e.min.toFixed(3)}–${e.max.toFixed(3)})${oversub}`, e.aMs.toFixed(2), e.bMs.toFixed(2), queries, pick<string>(f.target as any, db), e.met ? 'yes' : 'NO'];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [`${db}, ${scale} scale`, line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Merges this run's database into bench/results.json (a SQLite run keeps the last Postgres figures and vice versa). */
export function writeResults(file: string, db: Db, entries: Record<string, Entry>, meta: Record<string, unknown>): void {
  const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const out: Record<string, any> = { ...previous };
  for (const f of FIGURES) out[f.id] = { ...(previous[f.id] ?? {}), ...(entries[f.id] ? { [db]: entries[f.id] } : {}) };
  out.runs = { ...(previous.runs ?? {}), [db]: meta };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}
