/**
 * One jest run, three kinds of tests: tests/unit (no I/O), tests/integration (real database:
 * PostgreSQL when DATABASE_URL is set, otherwise PGlite served by tests/support/pglite-host.mjs), tests/e2e (HTTP + a real
 * Keycloak when KEYCLOAK_URL is set; otherwise the development identity provider).
 * feelin, marked and min-dash (used by bpmnlint) are ESM-only and are compiled for jest like our own sources.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  // Anchored on the whole path so that nested copies (bpmnlint/node_modules/min-dash) are compiled too.
  transformIgnorePatterns: ['^(?!.*/node_modules/(feelin|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-utils|jose|marked)/).*/node_modules/'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
