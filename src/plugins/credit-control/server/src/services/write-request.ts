import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { decisionText, localeOfRequest, quotesCreditFigures, textOf, type AuditEntry, type Decision, type Locale } from '../core';
import type { Actor } from './actor';
import { fieldError } from './field-error';
import { getService } from '../utils/get-service';

// The request side of a checked write (beside actor.ts, who writes): the override asked for in a
// header, the warnings sent back in headers, and the refusal as this requester may read it.

export const OVERRIDE_ACTION = 'plugin::credit-control.override';
export const OVERRIDE_HEADER = 'x-credit-override-reason';

/**
 * A refusal carries its audit rows out of the transaction that it rolls back, and its full figures
 * for the `credit-control.exceeded` event (the error itself may show fewer: figuresVisible hook).
 */
export class CreditRefusal extends errors.ValidationError {
  constructor(message: string, details: Record<string, unknown>, readonly audits: AuditEntry[], readonly actor: Actor, readonly figures: Record<string, unknown>) {
    super(message, details);
  }
}

/**
 * A decision's message as this requester may read it, in the language the request asks for (the
 * admin sends its own): without figures, a requester who may not see them reads `figuresHiddenRefusal`.
 */
const shownMessage = (decision: Decision, figuresVisible: boolean, locale: Locale) =>
  figuresVisible || !quotesCreditFigures(decision.reason) ? decisionText(decision, locale) : textOf('figuresHiddenRefusal', undefined, locale);

export const writeRequest = (strapi: Core.Strapi) => ({
  /**
   * The request's override: an admin's reason in the header. An admin without the permission who
   * asks for one gets a 403, whatever the write would have been (the Content Manager shows "Save
   * anyway" only to holders); the header means nothing to other requesters (API tokens, portal users).
   */
  override(): string | null {
    const ctx: any = strapi.requestContext.get();
    const reason = ctx?.request?.headers?.[OVERRIDE_HEADER];
    if (!reason || ctx?.state?.auth?.strategy?.name !== 'admin') return null;
    let text: string;
    try {
      text = decodeURIComponent(String(reason)).trim();
    } catch {
      throw fieldError(localeOfRequest(ctx), OVERRIDE_HEADER, 'overrideHeaderNotText', { header: OVERRIDE_HEADER });
    }
    if (!text) return null;
    if (!ctx.state.userAbility?.can?.(OVERRIDE_ACTION)) {
      // a PolicyError keeps its reason code (a ForbiddenError's details are dropped on the way out)
      throw new errors.PolicyError(textOf('overrideForbidden', undefined, localeOfRequest(ctx)), { reason: 'overrideForbidden' });
    }
    return text;
  },

  /** Warnings ride on the response: messages (X-Credit-Control-Warning) and their codes (X-Credit-Control-Reason), in the same order. */
  async warn(decisions: Decision[]): Promise<void> {
    const ctx: any = strapi.requestContext.get();
    if (!ctx || decisions.length === 0) return;
    const visible = await getService(strapi, 'request-hooks').figuresVisible(ctx);
    ctx.state.creditControlWarnings = [...(ctx.state.creditControlWarnings ?? []), ...decisions.map((d) => shownMessage(d, visible, localeOfRequest(ctx)))];
    ctx.state.creditControlReasons = [...(ctx.state.creditControlReasons ?? []), ...decisions.map((d) => d.reason)];
    ctx.set?.('X-Credit-Control-Warning', ctx.state.creditControlWarnings.map((m: string) => encodeURIComponent(m)).join(', '));
    ctx.set?.('X-Credit-Control-Reason', ctx.state.creditControlReasons.join(', '));
  },

  /** The refusal as this requester may read it: without figures, only the party, the outcome and the reason code. */
  async refusal(party: string, decision: Decision, field: string, figures: Record<string, unknown>, audits: AuditEntry[], actor: Actor): Promise<CreditRefusal> {
    const visible = await getService(strapi, 'request-hooks').figuresVisible();
    const message = shownMessage(decision, visible, localeOfRequest(strapi.requestContext.get()));
    const fieldErrors = (figures.errors as { path: string[] }[] | undefined)?.map((error) => ({ ...error, message }));
    const details = visible
      ? { reason: decision.reason, ...figures, ...(fieldErrors ? { errors: fieldErrors } : {}) }
      : { reason: decision.reason, creditControl: { party, outcome: decision.outcome, reason: decision.reason }, errors: [{ path: [field], message, name: 'ValidationError' }] };
    return new CreditRefusal(message, details, audits, actor, figures);
  },
});
