/** Jest runs TypeScript through ts-jest without type checking (npm test runs tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // The command's tests run the compiled command: rebuilt first when a source changed.
  globalSetup: '<rootDir>/test/support/cliBundle.cjs',
  testTimeout: 60000,
};
