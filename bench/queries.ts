/** Counts the SQL statements the database runs while the bench measures a side (P6's queries per operation). */
import type { Core } from '@strapi/strapi';
import { interleave, type Figure, type InterleaveOptions } from './stats';

export interface QueryCounter {
  /** runs `work`, adding the statements it ran to `side` */
  count: <T>(side: string, work: () => Promise<T>) => Promise<T>;
  /** statements per call of `side` (0 when it never ran) */
  perCall: (side: string) => number;
  stop: () => void;
}

/**
 * Knex reports every statement (transactions' too, BEGIN and COMMIT included) on its 'query' event.
 * The sides run one at a time, so the statements between a side's start and end are its own.
 */
export function queryCounter(strapi: Core.Strapi): QueryCounter {
  const knex: any = strapi.db.connection;
  let statements = 0;
  const onQuery = () => void (statements += 1);
  knex.on('query', onQuery);
  const totals = new Map<string, { statements: number; calls: number }>();
  return {
    async count(side, work) {
      const start = statements;
      try {
        return await work();
      } finally {
        const total = totals.get(side) ?? { statements: 0, calls: 0 };
        totals.set(side, { statements: total.statements + statements - start, calls: total.calls + 1 });
      }
    },
    perCall: (side) => {
      const total = totals.get(side);
      return total && total.calls > 0 ? Math.round((total.statements / total.calls) * 10) / 10 : 0;
    },
    stop: () => void knex.off('query', onQuery),
  };
}

/** `interleave` with the statements of each side counted: the figure with its queries per operation. */
export async function countedInterleave(strapi: Core.Strapi, options: InterleaveOptions): Promise<Figure & { queries: { a: number; b: number } }> {
  const queries = queryCounter(strapi);
  try {
    const figure = await interleave({ ...options, a: () => queries.count('a', options.a), b: () => queries.count('b', options.b) });
    return { ...figure, queries: { a: queries.perCall('a'), b: queries.perCall('b') } };
  } finally {
    queries.stop();
  }
}
