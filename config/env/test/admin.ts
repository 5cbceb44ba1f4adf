// API tests do not need the admin bundle; fixed secrets keep them independent of .env.
export default () => ({
  serveAdminPanel: false,
  auth: { secret: 'test-admin-jwt-secret' },
  apiToken: { salt: 'test-api-token-salt' },
  transfer: { token: { salt: 'test-transfer-token-salt' } },
  secrets: { encryptionKey: 'test-encryption-key-0123456789abcdef' },
});
