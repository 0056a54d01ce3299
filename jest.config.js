/**
 * One jest run, three kinds of tests: tests/unit (no I/O), tests/integration (real database:
 * PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise), tests/e2e (HTTP + a real
 * Keycloak when KEYCLOAK_URL is set; otherwise the development identity provider).
 * feelin is ESM-only and is compiled for jest like our own sources.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  transformIgnorePatterns: ['/node_modules/(?!(feelin|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-utils|jose)/)'],
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
