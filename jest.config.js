/** Jest in native ESM mode; ts-jest only transpiles (tsc --noEmit does the type-check). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.all.json' }] },
  // The emulator package's suites run here too: one `npm test` at the root runs everything.
  testMatch: ['<rootDir>/__tests__/**/*.test.ts', '<rootDir>/emulator/__tests__/**/*.test.ts'],
  testTimeout: 30000,
  // The 2 cores of CI: dist and emulator suites spawn processes and servers.
  maxWorkers: 2,
}
