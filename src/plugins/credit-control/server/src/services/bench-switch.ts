import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The benchmark's baseline: the same write with the check off, in the same process. It exists
 * only in a server booted with CREDIT_CONTROL_BENCH=1 (read once, at boot); anywhere else the
 * header is refused and the in-process flag throws, so production can never switch the check off.
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

    /** Koa middleware: outside a bench server, a request carrying the header is refused before anything runs. */
    middleware() {
      return async (ctx: any, next: () => Promise<unknown>) => {
        const value = ctx.request.headers[BENCH_HEADER];
        if (value === undefined) return next();
        const message = enabled
          ? ['on', 'off'].includes(String(value)) ? null : `Header ${BENCH_HEADER} must be "on" or "off"`
          : `Header ${BENCH_HEADER} is refused: the credit check can only be switched off in a server started with ${BENCH_ENV}=1`;
        if (!message) return next();
        const status = enabled ? 400 : 403;
        ctx.status = status;
        ctx.body = { data: null, error: { status, name: enabled ? 'ValidationError' : 'ForbiddenError', message, details: { header: BENCH_HEADER } } };
      };
    },
  };
};

export default benchSwitch;
export type BenchSwitch = ReturnType<typeof benchSwitch>;
