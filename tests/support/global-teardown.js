/** Stops the PGlite host of global-setup.js (closing its stdin ends it). */
module.exports = async function globalTeardown() {
  const host = globalThis.__pgliteHost;
  if (!host) return;
  const exited = new Promise((resolve) => host.once('exit', resolve));
  host.stdin.end();
  await exited;
};
