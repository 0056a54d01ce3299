import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';

/**
 * A fresh, empty database for one test file:
 * - with DATABASE_URL: a new database on that PostgreSQL server, dropped afterwards;
 * - without: a new in-memory PGlite from tests/support/pglite-host.mjs (started by jest's
 *   globalSetup, because PGlite cannot load its WASM inside jest's module sandbox).
 */
export interface TestDatabase {
  /** DATABASE_URL of the fresh database. */
  databaseUrl: string;
  dataDir: string;
  kind: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

/** True when this run's databases are PGlite. */
export const onPglite = !process.env.DATABASE_URL;

/**
 * PGlite executes one statement at a time for all connections, so tests that prove behaviour
 * under real concurrency run on PostgreSQL only: on PGlite they are skipped and their name says why.
 */
export const SERIAL_ON_PGLITE = 'PGlite runs one statement at a time, so nothing here would really race';

export function describeOnPostgres(name: string, fn: () => void, reason = SERIAL_ON_PGLITE): void {
  if (onPglite) describe.skip(`${name} [skipped on PGlite: ${reason}]`, fn);
  else describe(name, fn);
}

export function itOnPostgres(name: string, fn: () => Promise<unknown>, reason = SERIAL_ON_PGLITE): void {
  if (onPglite) it.skip(`${name} [skipped on PGlite: ${reason}]`, fn);
  else it(name, fn);
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacyflow-test-'));
  return onPglite ? createPgliteDatabase(dataDir) : createPostgresDatabase(dataDir, process.env.DATABASE_URL!);
}

async function createPgliteDatabase(dataDir: string): Promise<TestDatabase> {
  const host = process.env.PGLITE_HOST_URL;
  if (!host) throw new Error('no DATABASE_URL and no PGlite host: run the tests through jest.config.js (globalSetup starts it)');
  const res = await fetch(`${host}/databases`, { method: 'POST', keepalive: false });
  if (!res.ok) throw new Error(`the PGlite host could not create a database: ${await res.text()}`);
  const { id, url } = (await res.json()) as { id: string; url: string };
  return {
    databaseUrl: url,
    dataDir,
    kind: 'pglite',
    async drop() {
      await fetch(`${host}/databases/${id}`, { method: 'DELETE' });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function createPostgresDatabase(dataDir: string, serverUrl: string): Promise<TestDatabase> {
  const name = `pf_test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dataDir,
    kind: 'postgres',
    async drop() {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
