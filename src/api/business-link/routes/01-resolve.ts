export default {
  routes: [{ method: 'GET', path: '/business-links/resolve', handler: 'resolver.resolve', config: { policies: [] } }],
};
