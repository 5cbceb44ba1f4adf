import type { Core } from '@strapi/strapi';
import type { RuleError } from '../domain/rule-error';
import { derivedFieldErrors } from '../flow/derived-guard';
import { bankDetailsRules } from './bank-details';
import { closingRules } from './closing';
import { customerRules } from './customer';
import { identityRules, siteRules } from './establishments';
import { projectRules } from './projects';
import { checkFieldTypes } from './field-types';
import { holdbackRules } from './holdback';
import { managementRules } from './management';
import { managementPrefill } from './management-prefill';
import { checkRelations } from './relation-fields';
import { throwIfErrors } from './validation-error';
import { withWriteReads } from '../repositories/write-reads';
import type { WriteContext } from './write-context';

type Rule = (strapi: Core.Strapi, write: WriteContext) => Promise<RuleError[]>;

const RULES_BY_UID: Record<string, Rule[]> = {
  'api::customer.customer': [customerRules, bankDetailsRules],
  'api::site.site': [siteRules, bankDetailsRules],
  'api::supplier.supplier': [identityRules, bankDetailsRules],
  'api::company.company': [identityRules, bankDetailsRules],
  'api::project.project': [projectRules],
};

/**
 * Domain rules on every write path (REST, GraphQL, Content Manager, code): one document-service
 * middleware, so no path can skip them. Each broken rule is reported on its field.
 */
export function registerDomainRules(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx, next) => {
    if (!ctx.uid.startsWith('api::') || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    if (!params.data || typeof params.data !== 'object') return next();
    const write: WriteContext = { uid: ctx.uid, action: ctx.action, documentId: params.documentId, data: params.data };

    // the customer, project and sites the rules ask for are read once for all of them
    await withWriteReads(async () => {
      // first, on what the caller sent: the rules below fill some derived figures themselves
      const derived = await derivedFieldErrors(strapi, ctx.uid, write.data, write.documentId);
      throwIfErrors([...checkFieldTypes(strapi, ctx.uid, write.data), ...(await checkRelations(strapi, ctx.uid, write.data))]);
      // pre-fill first (the totals need the lines' VAT codes), holdback after the totals, closing last
      // (it also judges what the pre-fill chose)
      throwIfErrors(await managementPrefill(strapi, write));
      const errors: RuleError[] = [...derived];
      for (const rule of [...(RULES_BY_UID[ctx.uid] ?? []), managementRules]) errors.push(...(await rule(strapi, write)));
      throwIfErrors(errors);
      throwIfErrors([...(await holdbackRules(strapi, write)), ...(await closingRules(strapi, write))]);
    });
    return next();
  });
}
