export default () => ({
  'users-permissions': { config: { jwtSecret: 'test-users-permissions-jwt-secret' } },
});
