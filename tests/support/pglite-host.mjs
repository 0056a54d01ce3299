/**
 * Serves fresh in-memory PGlite databases to the test run (jest cannot load PGlite's WASM inside
 * its module sandbox, so PGlite lives in this separate process). Control API on a loopback port:
 *   POST   /databases      → { id, url }: a new, empty PGlite behind its own PostgreSQL socket server
 *   DELETE /databases/:id  → stops it
 * Prints one JSON line {"control": "<url>"} on stdout when ready; exits when stdin closes, so it
 * never outlives the jest process that started it.
 */
import http from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const databases = new Map();
let nextId = 1;

async function create() {
  const db = await PGlite.create();
  // PGlite runs one statement at a time; the socket server queues the connections' messages and keeps
  // a transaction on its own connection. A few connections let a test restart a server while the
  // previous pool is still closing.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  const id = String(nextId++);
  databases.set(id, { db, server });
  return { id, url: `postgres://postgres@${server.getServerConn()}/postgres` };
}

async function drop(id) {
  const entry = databases.get(id);
  if (!entry) return;
  databases.delete(id);
  await entry.server.stop();
  await entry.db.close();
}

const control = http.createServer(async (req, res) => {
  // One request per connection: test files run minutes apart, and a kept-alive socket the server
  // closes while the next file sends on it fails that file with "other side closed".
  res.setHeader('connection', 'close');
  try {
    if (req.method === 'POST' && req.url === '/databases') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(await create()));
    } else if (req.method === 'DELETE' && req.url?.startsWith('/databases/')) {
      await drop(req.url.slice('/databases/'.length));
      res.writeHead(204).end();
    } else res.writeHead(404).end();
  } catch (err) {
    res.writeHead(500).end(String(err?.stack ?? err));
  }
});

control.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ control: `http://127.0.0.1:${control.address().port}` })}\n`);
});

const shutdown = async () => {
  for (const id of [...databases.keys()]) await drop(id).catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
