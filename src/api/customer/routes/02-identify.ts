/** Fills a customer from SIRENE (see src/api/customer/services/identify.ts). */
export default {
  routes: [
    { method: 'POST', path: '/customers/:documentId/identify', handler: 'identify.identify', config: { policies: [] } },
  ],
};
