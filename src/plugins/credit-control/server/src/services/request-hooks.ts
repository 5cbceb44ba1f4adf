import type { Core } from '@strapi/strapi';
import type { CreditControlHooks } from '../core/config';

const FIGURES = Symbol('creditControlFiguresVisible');
const SCOPE = Symbol('creditControlPartyScope');

/**
 * The app's hooks (config `hooks`), asked once per request and remembered on its state. Outside a
 * request (code, seeds, jobs) there is nobody to hide anything from: figures visible, no scope.
 */
const requestHooks = ({ strapi }: { strapi: Core.Strapi }) => {
  const hooks = (): CreditControlHooks => (strapi.config.get('plugin::credit-control.hooks') as CreditControlHooks | undefined) ?? {};
  const once = async <T>(ctx: any, key: symbol, ask: () => Promise<T>): Promise<T> => {
    if (key in ctx.state) return ctx.state[key];
    const answer = await ask();
    ctx.state[key] = answer;
    return answer;
  };
  return {
    async figuresVisible(ctx: any = strapi.requestContext.get()): Promise<boolean> {
      const hook = hooks().figuresVisible;
      if (!ctx?.state || !hook) return true;
      return once(ctx, FIGURES, async () => Boolean(await hook({ strapi, ctx })));
    },
    /** The documentIds of the parties the request may act on, or null for any. */
    async partyScope(ctx: any = strapi.requestContext.get()): Promise<Set<string> | null> {
      const hook = hooks().partyScope;
      if (!ctx?.state || !hook) return null;
      return once(ctx, SCOPE, async () => {
        const scope = await hook({ strapi, ctx });
        return scope === null || scope === undefined ? null : new Set(scope.map(String));
      });
    },
  };
};

export default requestHooks;
export type RequestHooksService = ReturnType<typeof requestHooks>;
