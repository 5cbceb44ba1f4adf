import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The benchmark's baseline: the same write with the check off, in the same process. It exists
 * only in a server booted with CREDIT_CONTROL_BENCH=1 (read once, at boot); anywhere else no
 * middleware reads the header (the check runs) and the in-process flag throws, so production can
 * never switch the check off.
 */
export const BENCH_ENV = 'CREDIT_CONTROL_BENCH';
export const BENCH_HEADER = 'x-credit-control-bench';

const offScope = new AsyncLocalStorage<true>();

const benchSwitch = ({ strapi }: { strapi: Core.Strapi }) => {
  const enabled = process.env[BENCH_ENV] === '1';

  return {
    enabled: () => enabled,

    /** True when this call runs with the check off: a bench server only, by header or flag. */
    isOff(): boolean {
      if (!enabled) return false;
      if (offScope.getStore()) return true;
      const ctx: any = strapi.requestContext.get();
      return ctx?.request?.headers?.[BENCH_HEADER] === 'off';
    },

    /** Runs `work` with the check off (in-process bench calls). */
    withCheckOff<T>(work: () => Promise<T>): Promise<T> {
      if (!enabled) throw new errors.ForbiddenError(`The credit check can only be switched off in a server started with ${BENCH_ENV}=1`);
      return offScope.run(true, work);
    },

    /** Koa middleware of a bench server (register.ts loads it there only): a header value other than on/off is a 400. */
    middleware() {
      return async (ctx: any, next: () => Promise<unknown>) => {
        const value = ctx.request.headers[BENCH_HEADER];
        if (value === undefined || ['on', 'off'].includes(String(value))) return next();
        ctx.status = 400;
        ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: `Header ${BENCH_HEADER} must be "on" or "off"`, details: { header: BENCH_HEADER } } };
      };
    },
  };
};

export default benchSwitch;
export type BenchSwitch = ReturnType<typeof benchSwitch>;
