/**
 * Without DATABASE_URL the integration tests run on PGlite: start tests/support/pglite-host.mjs
 * (outside jest's sandbox, where PGlite's WASM loads) and tell test-database.ts where it is.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

module.exports = async function globalSetup() {
  if (process.env.DATABASE_URL) return;
  const host = spawn(process.execPath, [path.join(__dirname, 'pglite-host.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    host.once('exit', (code) => reject(new Error(`the PGlite host exited with ${code}`)));
    readline.createInterface({ input: host.stdout }).once('line', resolve);
  });
  process.env.PGLITE_HOST_URL = JSON.parse(line).control;
  globalThis.__pgliteHost = host;
};
