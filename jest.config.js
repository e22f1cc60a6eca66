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
  // 4 workers on the 2 cores of CI: several suites mostly wait (the all-endpoints-hang deadline test waits out the
  // 15 s bound in real time, the matrix's hangs wait for their cut-off, dist suites wait on spawned processes), and
  // the extra workers keep both cores busy. Measured on the full suite, interleaved: 2 workers 68.6 s, 3 54.8 s,
  // 4 52.1 s, 5 53.7 s.
  maxWorkers: 4,
}
