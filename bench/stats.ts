/** Alternating A/B rounds, timed in the same process: ratios absorb the machine's drift. */
import { log } from './log';

export interface Figure {
  ratio: number;
  min: number;
  max: number;
  rounds: number;
  /** median milliseconds per operation of A and B */
  aMs: number;
  bMs: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Milliseconds taken by `work`. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface AbOptions {
  rounds: number;
  warmup: number;
  /** operations per batch, to report per-operation times */
  ops: number;
  a: () => Promise<unknown>;
  b: () => Promise<unknown>;
  /** 'time': ratio = A time / B time (lower is better); 'throughput': B time / A time */
  kind?: 'time' | 'throughput';
  /** names the figure in the progress lines on stderr */
  label?: string;
}

/** Runs A and B in alternating order (AB, BA, AB…) after warm-up; the ratio of each round, then median, min, max. */
export async function alternate(options: AbOptions): Promise<Figure> {
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let round = -options.warmup; round < options.rounds; round += 1) {
    let a = 0;
    let b = 0;
    if (round % 2 === 0) {
      a = await timed(options.a);
      b = await timed(options.b);
    } else {
      b = await timed(options.b);
      a = await timed(options.a);
    }
    if (round < 0) continue;
    const ratio = options.kind === 'throughput' ? b / a : a / b;
    ratios.push(ratio);
    as.push(a / options.ops);
    bs.push(b / options.ops);
    if (options.label) log(`${options.label} round ${round + 1}/${options.rounds}: ${ratio.toFixed(3)} (A ${(a / options.ops).toFixed(2)} ms, B ${(b / options.ops).toFixed(2)} ms per op)`);
  }
  return { ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios.length, aMs: median(as), bMs: median(bs) };
}

export interface InterleaveOptions {
  rounds: number;
  warmup: number;
  /** operation pairs per round */
  ops: number;
  /** one operation each */
  a: () => Promise<unknown>;
  b: () => Promise<unknown>;
  label?: string;
}

/**
 * For sequential single operations: each round runs `ops` pairs, A and B interleaved operation by
 * operation (AB, BA, …), so that a slow second of a shared machine lands on both sides alike.
 * The round's ratio is A's summed time over B's.
 */
export async function interleave(options: InterleaveOptions): Promise<Figure> {
  let pair = 0;
  const round = async () => {
    const spent = { a: 0, b: 0 };
    for (let i = 0; i < options.ops; i += 1, pair += 1) {
      const order: ('a' | 'b')[] = pair % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      for (const side of order) spent[side] += await timed(options[side]);
    }
    return spent;
  };
  const ratios: number[] = [];
  const as: number[] = [];
  const bs: number[] = [];
  for (let r = -options.warmup; r < options.rounds; r += 1) {
    const spent = await round();
    if (r < 0) continue;
    const ratio = spent.a / spent.b;
    ratios.push(ratio);
    as.push(spent.a / options.ops);
    bs.push(spent.b / options.ops);
    if (options.label) log(`${options.label} round ${r + 1}/${options.rounds}: ${ratio.toFixed(3)} (A ${(spent.a / options.ops).toFixed(2)} ms, B ${(spent.b / options.ops).toFixed(2)} ms per op)`);
  }
  return { ratio: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios), rounds: ratios.length, aMs: median(as), bMs: median(bs) };
}
