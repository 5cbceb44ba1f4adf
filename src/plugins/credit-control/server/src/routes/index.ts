export default {
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'GET', path: '/status', handler: 'status.show', config: { policies: [] } }],
  },
  admin: {
    type: 'admin',
    routes: [
      {
        method: 'GET',
        path: '/status',
        handler: 'status.show',
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  },
};
