import { AsyncLocalStorage } from 'async_hooks';
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { refuse, throwIfErrors } from '../rules/validation-error';
import { singleRelationRef, type RelationRef } from '../rules/relation-input';
import { portalCustomerId } from './portal-context';
import { PORTAL_HELPDESK_FIELDS, isPortalScoped, ownedBy, scopeWhere } from './portal-permissions';
import { scopeFilters } from './portal-filters';
import { scopePopulate } from './portal-populate';
import { checkPortalSort } from './portal-sort';
import { say } from '../domain/messages';
import type { RuleError } from '../domain/rule-error';
import { forbidden } from '../rules/said-errors';
import { actionWord, fieldWord, typeWord, valueWord } from '../rules/words';

const HELPDESK = 'api::helpdesk-issue.helpdesk-issue';
const READS = ['findMany', 'findFirst', 'findOne', 'count'];

/**
 * Ownership for customer-portal users, enforced on the document service.
 *
 * Why here: every content-API read and write, REST core routes, custom routes and the GraphQL
 * root queries/mutations alike, ends in `strapi.documents(uid)`, and this middleware sees the
 * authenticated user through `strapi.requestContext`. A route policy would have to be added to each
 * route (and to each GraphQL field), and forgetting one would leak; here the default is deny.
 * Only the outermost document call of a request is scoped: the calls made inside it by the domain
 * rules and the credit-control engine (numbering, prefill, call-taking facts) must see all rows.
 * Relations loaded by the query itself are covered by rewriting `populate` (portal-populate.ts);
 * GraphQL relation fields, which load through db.query, by src/graphql/portal-scope.ts.
 */
export function registerPortalScope(strapi: Core.Strapi): void {
  const nested = new AsyncLocalStorage<true>();
  strapi.documents.use(async (ctx, next) => {
    if (nested.getStore()) return next();
    const uid = ctx.uid as string;
    if (!uid.startsWith('api::') && !uid.startsWith('plugin::credit-control.')) return next();
    const customerId = await portalCustomerId(strapi);
    if (customerId === null) return next();
    const params = ctx.params as Record<string, any>;
    const owner = ownedBy(strapi, customerId);

    if (isPortalScoped(uid) && READS.includes(ctx.action)) {
      const scope = owner(uid);
      checkPortalSort(strapi, uid, params.sort);
      params.filters = params.filters ? { $and: [scopeFilters(strapi, uid, params.filters, owner), scope] } : scope;
      if (params.populate !== undefined) params.populate = scopePopulate(strapi, uid, params.populate, owner);
    } else if (uid === HELPDESK && ctx.action === 'create') {
      params.data = await portalIssueData(strapi, params.data, customerId);
      if (params.populate !== undefined) params.populate = scopePopulate(strapi, uid, params.populate, owner);
    } else {
      throw forbidden(say('portalCannot', { action: actionWord(ctx.action), type: typeWord(uid, uid) }));
    }
    return nested.run(true, next);
  });
}

type Where = Record<string, unknown>;
const refWhere = (ref: Exclude<RelationRef, null>): Where => ('id' in ref ? { id: ref.id } : { documentId: ref.documentId });

/**
 * A portal user's help-desk issue: only the fields a customer may fill, for the user's own
 * customer, through the portal channel, numbered by the server. A contact or contract must be the
 * customer's own.
 */
async function portalIssueData(strapi: Core.Strapi, input: unknown, customerId: number): Promise<Record<string, unknown>> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) refuse('data', say('dataNotObject'));
  const data = input as Record<string, unknown>;
  const customer = await strapi.db.query('api::customer.customer').findOne({ where: { id: customerId }, select: ['id', 'documentId'] });
  if (!customer) throw forbidden(say('portalNotLinked'));

  const given = data.customer === undefined ? undefined : singleRelationRef(data.customer);
  if (given !== undefined && (given === null || ('id' in given ? given.id !== customer.id : given.documentId !== customer.documentId))) {
    throw forbidden(say('portalOwnCustomerOnly'));
  }
  const issues = Object.keys(data)
    .filter((key) => !PORTAL_HELPDESK_FIELDS.includes(key) && key !== 'customer' && key !== 'channel')
    .map((key): RuleError => ({ path: [key], ...say('portalFieldNotSettable', { field: fieldWord(HELPDESK, key) }) }));
  if (data.channel !== undefined && data.channel !== 'customerPortal') {
    issues.push({ path: ['channel'], ...say('portalChannel', { channel: valueWord(HELPDESK, 'channel', 'customerPortal') }) });
  }
  for (const [field, uid] of [['contact', 'api::contact.contact'], ['contract', 'api::maintenance-contract.maintenance-contract']] as const) {
    const ref = singleRelationRef(data[field]);
    if (!ref) continue;
    const owned = await strapi.db.query(uid).findOne({ where: { $and: [refWhere(ref), scopeWhere(strapi, uid, customerId)] }, select: ['id'] });
    if (!owned) issues.push({ path: [field], ...say('portalNotOwned', { field: fieldWord(HELPDESK, field), value: JSON.stringify(data[field]) }) });
  }
  throwIfErrors(issues);

  const out: Record<string, unknown> = {};
  for (const key of PORTAL_HELPDESK_FIELDS) if (data[key] !== undefined) out[key] = data[key];
  return {
    ...out,
    customer: customer.documentId,
    channel: 'customerPortal',
    number: `WEB-${Date.now().toString(36).toUpperCase()}-${randomBytes(3).toString('hex').toUpperCase()}`,
    openedAt: new Date().toISOString(),
  };
}
