export default {
  routes: [
    { method: 'GET', path: '/customers/:documentId/management-objects', handler: 'management-objects.linked', config: { policies: [] } },
    { method: 'GET', path: '/customers/:documentId/management-objects/:type/defaults', handler: 'management-objects.defaults', config: { policies: [] } },
    { method: 'POST', path: '/customers/:documentId/management-objects/:type', handler: 'management-objects.create', config: { policies: [] } },
  ],
};
