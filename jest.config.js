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
  // 3 workers on the 2 cores of CI: several suites mostly wait (the all-endpoints-hang deadline test waits out the
  // 15 s bound in real time; dist suites wait on spawned processes), and a third worker keeps both cores busy.
  maxWorkers: 3,
}
