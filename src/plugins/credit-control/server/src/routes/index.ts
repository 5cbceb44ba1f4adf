/**
 * `figures`: the answer shows credit figures (refused to a requester the figuresVisible hook hides them from).
 * `partyCriterion`: the route narrows to one party named by a `party` criterion (query, body or the
 * body's `criteria`), so a party-scoped requester may call it for one of its own parties.
 * `graphql`: the route is also a GraphQL field of that name (graphql/operations.ts), answered by the same
 * controller behind the same guards.
 */
import { LIMIT_ROUTES } from './limits';

export type Route = { method: string; path: string; handler: string; action?: string; figures?: true; partyCriterion?: true; graphql?: string };

/** The guards' settings of a route (policies/request-scope.ts). */
export const scopeConfig = ({ figures, partyCriterion }: Route) => ({ figures: Boolean(figures), partyCriterion: Boolean(partyCriterion) });

// One list for both APIs: the content API is governed by users-permissions / API-token scopes,
// the admin API by the plugin's RBAC actions.
export const ROUTES: Route[] = [
  { method: 'GET', path: '/status', handler: 'status.show', action: 'read' },
  // the parties over or near their threshold, most over first, paged (one query whatever their number)
  // the parties whose code or label contains `q` (the admin's party pickers); no figures
  { method: 'GET', path: '/parties', handler: 'party-lookup.search', graphql: 'creditControlParties', action: 'read' },
  { method: 'GET', path: '/parties/over-threshold', handler: 'over-threshold.list', graphql: 'creditControlOverThreshold', figures: true, action: 'read' },
  { method: 'GET', path: '/parties/:party/credit', handler: 'credit.summary', graphql: 'creditControlCredit', figures: true, action: 'read' },
  { method: 'POST', path: '/parties/:party/block', handler: 'credit.block', graphql: 'creditControlBlock', figures: true, action: 'policy.edit' },
  { method: 'POST', path: '/parties/:party/unblock', handler: 'credit.unblock', graphql: 'creditControlUnblock', figures: true, action: 'policy.edit' },
  { method: 'POST', path: '/reconcile', handler: 'credit.reconcile', graphql: 'creditControlReconcile', figures: true, action: 'reconcile' },
  { method: 'GET', path: '/decisions', handler: 'credit.decisions', graphql: 'creditControlDecisions', figures: true, action: 'read' },
  { method: 'GET', path: '/policies', handler: 'policy.find', figures: true, action: 'read' },
  { method: 'POST', path: '/policies', handler: 'policy.create', figures: true, action: 'policy.edit' },
  // a single policy is addressed by its party, like /credit, /block and /unblock
  { method: 'GET', path: '/parties/:party/policy', handler: 'party-policy.show', graphql: 'creditControlPartyPolicy', figures: true, action: 'read' },
  { method: 'PUT', path: '/parties/:party/policy', handler: 'party-policy.put', graphql: 'creditControlPutPartyPolicy', figures: true, action: 'policy.edit' },
  { method: 'DELETE', path: '/parties/:party/policy', handler: 'party-policy.remove', graphql: 'creditControlRemovePartyPolicy', figures: true, action: 'policy.edit' },
  // temporary limits, credit insurance and the limit in force (limits.ts); default policies by key and value
  ...LIMIT_ROUTES,
  { method: 'GET', path: '/rates', handler: 'rate.find', action: 'read' },
  { method: 'POST', path: '/rates', handler: 'rate.create', action: 'policy.edit' },
  { method: 'PUT', path: '/rates/:id', handler: 'rate.update', action: 'policy.edit' },
  { method: 'DELETE', path: '/rates/:id', handler: 'rate.delete', action: 'policy.edit' },
  { method: 'GET', path: '/reports/statement', handler: 'reports.statement', action: 'reports.read' },
  { method: 'GET', path: '/reports/parties/:party/statement', handler: 'reports.partyStatement', action: 'reports.read' },
  // the same statement's figures as JSON, per currency (the app's dashboard shows the same balance due)
  { method: 'GET', path: '/reports/parties/:party/statement/totals', handler: 'reports.partyStatementTotals', graphql: 'creditControlStatementTotals', action: 'reports.read' },
  { method: 'POST', path: '/reports/runs', handler: 'reports.startRun', partyCriterion: true, action: 'reports.dun' },
  { method: 'GET', path: '/reports/runs/:id', handler: 'reports.run', graphql: 'creditControlReportRun', action: 'reports.read' },
  { method: 'GET', path: '/reports/runs/:id/file', handler: 'reports.runFile', action: 'reports.read' },
  { method: 'GET', path: '/reports/dunning', handler: 'dunning.preview', partyCriterion: true, action: 'reports.read' },
  { method: 'POST', path: '/reports/dunning', handler: 'dunning.run', partyCriterion: true, action: 'reports.dun' },
  { method: 'GET', path: '/reports/dunning/letters', handler: 'dunning-list.letters', partyCriterion: true, action: 'reports.read' },
  { method: 'GET', path: '/reports/parties/:party/recipients', handler: 'dunning.recipients', graphql: 'creditControlDunningRecipients', action: 'reports.read' },
  { method: 'POST', path: '/reports/parties/:party/dunning-email', handler: 'dunning.email', action: 'reports.dun' },
  { method: 'GET', path: '/reports/dunning-records', handler: 'dunning.records', action: 'reports.read' },
  { method: 'GET', path: '/dunning-levels', handler: 'dunning-level.find', action: 'reports.read' },
  { method: 'GET', path: '/dunning-levels/:id', handler: 'dunning-level.findOne', action: 'reports.read' },
  { method: 'POST', path: '/dunning-levels', handler: 'dunning-level.create', action: 'policy.edit' },
  { method: 'PUT', path: '/dunning-levels/:id', handler: 'dunning-level.update', action: 'policy.edit' },
  { method: 'DELETE', path: '/dunning-levels/:id', handler: 'dunning-level.delete', action: 'policy.edit' },
  // limit history and four-eyes approval (README "Limit history and approval")
  { method: 'GET', path: '/parties/:party/limit-history', handler: 'limit-changes.history', graphql: 'creditControlLimitHistory', figures: true, action: 'read' },
  { method: 'POST', path: '/parties/:party/limit-review', handler: 'limit-changes.review', graphql: 'creditControlReviewLimit', figures: true, action: 'policy.edit' },
  { method: 'GET', path: '/parties/limits-unreviewed', handler: 'limit-changes.unreviewed', graphql: 'creditControlLimitsUnreviewed', figures: true, action: 'read' },
  { method: 'GET', path: '/limit-requests', handler: 'limit-changes.pending', graphql: 'creditControlLimitRequests', figures: true, action: 'read' },
  { method: 'POST', path: '/limit-requests/:id/approve', handler: 'limit-changes.approve', graphql: 'creditControlApproveLimitRequest', figures: true, action: 'policy.approve' },
  { method: 'POST', path: '/limit-requests/:id/reject', handler: 'limit-changes.reject', graphql: 'creditControlRejectLimitRequest', figures: true, action: 'policy.approve' },
  { method: 'POST', path: '/limit-requests/:id/cancel', handler: 'limit-changes.cancel', graphql: 'creditControlCancelLimitRequest', figures: true, action: 'policy.edit' },
];

/**
 * The status route answers even when the plugin is not configured (it says so), and to anyone; the
 * others refuse when not configured, then ask the app's hooks what this requester may see and act on.
 */
const guards = (route: Route) =>
  route.path === '/status' ? [] : ['plugin::credit-control.configured', { name: 'plugin::credit-control.request-scope', config: scopeConfig(route) }];

export default {
  'content-api': {
    type: 'content-api',
    routes: ROUTES.map((route) => ({ method: route.method, path: route.path, handler: route.handler, config: { policies: guards(route) } })),
  },
  admin: {
    type: 'admin',
    routes: ROUTES.map((route) => ({
      method: route.method,
      path: route.path,
      handler: route.handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::credit-control.${route.action}`] } }, ...guards(route)],
      },
    })),
  },
};
