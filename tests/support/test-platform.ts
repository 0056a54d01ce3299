import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Config, loadConfig } from '../../src/config';
import { Platform, PlatformOptions, startPlatform } from '../../src/platform';
import type { TestDatabase } from './test-database';

export const FIXTURES = path.resolve(__dirname, '../fixtures/bpmn');

/** A platform on the test database, listening on a free loopback port. */
export async function startTestPlatform(
  db: TestDatabase,
  overrides: Partial<Config> = {},
  options: PlatformOptions = {},
): Promise<Platform> {
  const emptyBpmnDir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacyflow-bpmn-'));
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error' }),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: db.databaseUrl,
    dataDir: db.dataDir,
    // Like the embedded default: PGlite runs one statement at a time, a bigger pool only queues.
    ...(db.kind === 'pglite' ? { databasePoolSize: 1 } : {}),
    bpmnDir: emptyBpmnDir,
    timerPollMs: 100,
    outboxPollMs: 100,
    keycloakUrl: undefined,
    ...overrides,
  };
  return startPlatform(config, options);
}

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** A GraphQL client acting as one demo user. */
export class TestClient {
  constructor(private readonly platform: Platform, private readonly token: string) {}

  static async as(platform: Platform, username: string): Promise<TestClient> {
    return new TestClient(platform, await platform.devIdentity!.issueForUser(username));
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const res = await request(this.platform.url)
      .post('/graphql')
      .set('Authorization', `Bearer ${this.token}`)
      .set('Content-Type', 'application/json')
      .send({ query, variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.gql<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

export const readFixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

/** Polls `check` until it returns a truthy value (no wall-clock assertions: only a give-up bound). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 20000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
