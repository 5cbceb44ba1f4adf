// Unit tests run on TypeScript sources; API tests boot the compiled app from dist/ (npm test builds it first).
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };

// API files whose subject is the same on every database (messages and their language, look-ups of
// stubbed outside services, admin labels, file names, request bodies, GraphQL error options, SQLite's
// own journal): the Postgres run (`npm run test:pg`) would only boot and repeat them.
const sameOnEveryDatabase = [
  'messages/french', 'messages/plugin-french', 'business/messages-fr', 'identification/vies', 'identification/sirene',
  'content-manager-labels', 'reports/file-names', 'security/upload-body', 'security/error-details', 'plugin', 'sqlite-journal',
].map((name) => `<rootDir>/tests/api/${name}\\.test\\.ts$`);
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform: tsJest, testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...(onPostgres ? sameOnEveryDatabase : [])],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout.ts'],
      // the schema is created once per run and copied for each test file (tests/helpers/template-db.ts)
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
    },
    // the packed plugin installed on a generated foreign Strapi app (tests/install/foreign-app.ts)
    {
      displayName: 'install',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/tests/install/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout.ts'],
    },
    // the built admin in headless Chromium (`npm run test:e2e` builds the admin first)
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/timeout.ts'],
      // \`npm run demo\` loads the demo data once; each file's demo starts on a copy (tests/e2e/demo-server.ts)
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
    },
  ],
};
