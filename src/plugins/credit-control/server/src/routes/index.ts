type Route = { method: string; path: string; handler: string; action?: string };

// One list for both APIs: the content API is governed by users-permissions / API-token scopes,
// the admin API by the plugin's RBAC actions.
const ROUTES: Route[] = [
  { method: 'GET', path: '/status', handler: 'status.show', action: 'read' },
  { method: 'GET', path: '/parties/:party/credit', handler: 'credit.summary', action: 'read' },
  { method: 'POST', path: '/parties/:party/block', handler: 'credit.block', action: 'policy.edit' },
  { method: 'POST', path: '/parties/:party/unblock', handler: 'credit.unblock', action: 'policy.edit' },
  { method: 'POST', path: '/reconcile', handler: 'credit.reconcile', action: 'reconcile' },
  { method: 'GET', path: '/decisions', handler: 'credit.decisions', action: 'read' },
  { method: 'GET', path: '/policies', handler: 'policy.find', action: 'read' },
  { method: 'POST', path: '/policies', handler: 'policy.create', action: 'policy.edit' },
  // a single policy is addressed by its party, like /credit, /block and /unblock
  { method: 'GET', path: '/parties/:party/policy', handler: 'party-policy.show', action: 'read' },
  { method: 'PUT', path: '/parties/:party/policy', handler: 'party-policy.put', action: 'policy.edit' },
  { method: 'DELETE', path: '/parties/:party/policy', handler: 'party-policy.remove', action: 'policy.edit' },
  { method: 'GET', path: '/rates', handler: 'rate.find', action: 'read' },
  { method: 'POST', path: '/rates', handler: 'rate.create', action: 'policy.edit' },
  { method: 'PUT', path: '/rates/:id', handler: 'rate.update', action: 'policy.edit' },
  { method: 'DELETE', path: '/rates/:id', handler: 'rate.delete', action: 'policy.edit' },
  { method: 'GET', path: '/reports/statement', handler: 'reports.statement', action: 'reports.read' },
  { method: 'GET', path: '/reports/parties/:party/statement', handler: 'reports.partyStatement', action: 'reports.read' },
  { method: 'POST', path: '/reports/runs', handler: 'reports.startRun', action: 'reports.dun' },
  { method: 'GET', path: '/reports/runs/:id', handler: 'reports.run', action: 'reports.read' },
  { method: 'GET', path: '/reports/runs/:id/file', handler: 'reports.runFile', action: 'reports.read' },
  { method: 'GET', path: '/reports/dunning', handler: 'dunning.preview', action: 'reports.read' },
  { method: 'POST', path: '/reports/dunning', handler: 'dunning.run', action: 'reports.dun' },
  { method: 'GET', path: '/reports/dunning/letters', handler: 'dunning-list.letters', action: 'reports.read' },
  { method: 'GET', path: '/reports/parties/:party/recipients', handler: 'dunning.recipients', action: 'reports.read' },
  { method: 'POST', path: '/reports/parties/:party/dunning-email', handler: 'dunning.email', action: 'reports.dun' },
  { method: 'GET', path: '/reports/dunning-records', handler: 'dunning.records', action: 'reports.read' },
  { method: 'GET', path: '/dunning-levels', handler: 'dunning-level.find', action: 'reports.read' },
  { method: 'GET', path: '/dunning-levels/:id', handler: 'dunning-level.findOne', action: 'reports.read' },
  { method: 'POST', path: '/dunning-levels', handler: 'dunning-level.create', action: 'policy.edit' },
  { method: 'PUT', path: '/dunning-levels/:id', handler: 'dunning-level.update', action: 'policy.edit' },
  { method: 'DELETE', path: '/dunning-levels/:id', handler: 'dunning-level.delete', action: 'policy.edit' },
];

/** The status route answers even when the plugin is not configured (it says so); the others refuse. */
const configured = (path: string) => (path === '/status' ? [] : ['plugin::credit-control.configured']);

export default {
  'content-api': {
    type: 'content-api',
    routes: ROUTES.map(({ method, path, handler }) => ({ method, path, handler, config: { policies: configured(path) } })),
  },
  admin: {
    type: 'admin',
    routes: ROUTES.map(({ method, path, handler, action }) => ({
      method,
      path,
      handler,
      config: {
        policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [`plugin::credit-control.${action}`] } }, ...configured(path)],
      },
    })),
  },
};
