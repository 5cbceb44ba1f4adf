export default {
  routes: [{ method: 'POST', path: '/opportunities/:documentId/order', handler: 'to-order.toOrder', config: { policies: [] } }],
};
