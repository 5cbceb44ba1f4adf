// Unit tests run on TypeScript sources; API tests boot the compiled app from dist/ (npm test builds it first).
const tsJest = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }] };

module.exports = {
  projects: [
    { displayName: 'unit', testEnvironment: 'node', transform: tsJest, testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform: tsJest,
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/timeout.ts'],
    },
  ],
};
