/** Edit > Transfer a prospect to a prospect or a customer. */
export default {
  routes: [
    {
      method: 'POST',
      path: '/customers/:documentId/transfer',
      handler: 'transfer.transfer',
      config: { policies: [] },
    },
  ],
};
