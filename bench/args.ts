/** Command line of `npm run bench`. */
export interface BenchArgs {
  pg: boolean;
  scale: 'small' | 'full';
  rounds: number;
  warmup: number;
  only: string[] | null;
  keepPg: boolean;
}

export const USAGE = `Usage: npm run bench -- [--pg] [--scale small|full] [--rounds N] [--warmup N] [--only P1,P5] [--keep-pg]
  --pg            run on the throwaway Postgres (scripts/pg-throwaway.sh, port BENCH_PG_PORT, default 54410)
  --scale small   a small data set (seconds; CI). Default: full (1,000,000 management objects)
  --rounds N      alternating A/B rounds after warm-up (default 10, at least 10 for a reported figure)
  --warmup N      warm-up rounds, not counted (default 2)
  --only IDS      a subset of P0,P1,P1c,P2,P3,P3h,P3x4,P3hx4,P4,P5,P6,P7
  --keep-pg       leave the Postgres running (a rerun then reuses its data instead of reseeding)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { pg: false, scale: 'full', rounds: 10, warmup: 2, only: null, keepPg: false };
  const whole = (flag: string, v: string | undefined) => {
    if (!v || !/^\d+$/.test(v)) throw new Error(`${flag} expects a whole number, got ${v ?? 'nothing'}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--pg': args.pg = true; break;
      case '--keep-pg': args.keepPg = true; break;
      case '--scale': {
        const v = value();
        if (v !== 'small' && v !== 'full') throw new Error(`--scale expects small or full, got ${v}`);
        args.scale = v;
        break;
      }
      case '--rounds': args.rounds = whole(flag, value()); break;
      case '--warmup': args.warmup = whole(flag, value()); break;
      case '--only': args.only = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      default: throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  if (args.rounds < 1) throw new Error('--rounds must be at least 1');
  return args;
}

/** Seed options per scale: full has the 1M management objects and a 100k-open customer. */
export const SCALES = {
  small: { customers: 60, documents: 4000 },
  full: { customers: 5000, documents: 1_000_000 },
} as const;

/** Fixed seed and "today" so that a cached data set is the same on every run. */
export const SEED = 42;
export const AS_OF = '2026-06-30';
