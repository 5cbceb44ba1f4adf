export default {
  routes: [
    { method: 'POST', path: '/customers/:documentId/accounting', handler: 'accounting.manage', config: { policies: [] } },
    { method: 'GET', path: '/customers/:documentId/accounting/preview', handler: 'accounting.preview', config: { policies: [] } },
    { method: 'GET', path: '/customers/:documentId/accounting/consistency', handler: 'accounting.consistency', config: { policies: [] } },
    { method: 'GET', path: '/accounting/consistency', handler: 'accounting.companyConsistency', config: { policies: [] } },
  ],
};
