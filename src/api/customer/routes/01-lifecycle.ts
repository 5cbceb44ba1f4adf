export default {
  routes: [
    { method: 'POST', path: '/customers/:documentId/convert', handler: 'lifecycle.convert', config: { policies: [] } },
    { method: 'POST', path: '/customers/:documentId/linked-supplier', handler: 'lifecycle.linkedSupplier', config: { policies: [] } },
  ],
};
